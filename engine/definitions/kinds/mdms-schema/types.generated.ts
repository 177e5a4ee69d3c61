// Generated from ./schema.ts by `npm run schemas`: edit the schema, not this file.

/**
 * The JSON Schema of one master (MDMS v2 style, with x-unique and x-ref-schema).
 */
export interface MasterSchemaDefinition {
  /**
   * <module>.<master>
   */
  code: string;
  description?: string;
  definition: {
    type: 'object';
    'x-unique'?: string[];
    'x-ref-schema'?: {
      fieldPath: string;
      schemaCode: string;
    }[];
    [k: string]: unknown;
  };
}
