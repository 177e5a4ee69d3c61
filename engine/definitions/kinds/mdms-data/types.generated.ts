// Generated from ./schema.ts by `npm run schemas`: edit the schema, not this file.

/**
 * DIGIT MDMS data: {tenantId, moduleName, <masterName>: [records]}
 */
export interface MasterDataFile {
  tenantId: string;
  moduleName: string;
  [k: string]:
    | {
        [k: string]: unknown;
      }[]
    | string;
}
