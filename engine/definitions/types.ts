/** The definition kinds as written in YAML (after schema validation). */
import type { SourceFile } from './source.ts';

export type JsonSchema = Record<string, unknown>;

export type MatchKind = 'exact' | 'in' | 'prefix' | 'contains' | 'from' | 'to';

export interface SearchCriterion {
  /** Path of the entity field the criterion filters on. */
  field: string;
  match: MatchKind;
  caseInsensitive?: boolean;
}

export interface EndpointDefinition {
  roles?: string[];
  /** Path below the service's basePath; defaults to `/_create`, `/_update`, `/_search`. */
  path?: string;
}

export interface UniqueDefinition {
  fields: string[];
  caseInsensitive?: boolean;
  code: string;
  message: string;
}

export interface ServiceDefinition {
  service: string;
  description?: string;
  basePath: string;
  entity: {
    requestKey: string;
    responseKey: string;
    schema: JsonSchema;
    pii?: string[];
  };
  persister: string;
  unique?: UniqueDefinition[];
  idFormats?: { field: string; format: string }[];
  search: {
    criteria: Record<string, SearchCriterion>;
    defaultLimit?: number;
    maxLimit?: number;
    sort?: { fields: Record<string, string>; default: string; order?: 'asc' | 'desc' };
  };
  endpoints: { create?: EndpointDefinition; update?: EndpointDefinition; search?: EndpointDefinition };
  events?: { create?: string; update?: string };
}

export type ColumnType = 'text' | 'integer' | 'bigint' | 'numeric' | 'boolean' | 'json';

export interface ColumnDefinition {
  path: string;
  type?: ColumnType;
}

export interface ChildTableDefinition {
  /** Path of the array in the entity whose items become rows. */
  path: string;
  table: string;
  primaryKey?: string;
  /** Column holding the parent's primary key. */
  parentColumn: string;
  columns: Record<string, string | ColumnDefinition>;
}

export interface PersisterDefinition {
  persister: string;
  service: string;
  table: string;
  primaryKey?: string;
  columns: Record<string, string | ColumnDefinition>;
  children?: ChildTableDefinition[];
}

/** An MDMS v2 style master schema. */
export interface MasterSchemaDefinition {
  /** `<module>.<master>`, e.g. `tenant.tenants`. */
  code: string;
  description?: string;
  definition: JsonSchema & { 'x-unique'?: string[]; 'x-ref-schema'?: { fieldPath: string; schemaCode: string }[] };
}

/** A DIGIT MDMS data file: `{tenantId, moduleName, <master>: [...]}`. */
export interface MasterDataFile {
  tenantId: string;
  moduleName: string;
  [master: string]: unknown;
}

export interface AccessPolicyDefinition {
  /** Grants for the engine's own endpoints, by endpoint id (e.g. `user.create`). */
  endpoints: Record<string, { public?: boolean; roles?: string[] }>;
}

/** A definition together with the file it came from, so later checks can point into it. */
export interface Sourced<T> {
  value: T;
  source: SourceFile;
}
