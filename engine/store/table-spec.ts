/** The engine's description of a table it manages: from persister definitions or from engine modules. */
/** `bytes` is for engine tables holding binary content (file bytes); persister definitions do not offer it. */
export type ColumnKind = 'text' | 'integer' | 'bigint' | 'numeric' | 'boolean' | 'json' | 'bytes';

export interface ColumnSpec {
  name: string;
  type: ColumnKind;
  /** Primary key columns and engine columns may insist on a value. */
  notNull?: boolean;
}

export interface IndexSpec {
  name: string;
  /** Column names, or SQL expressions over them such as `lower(name)`. */
  expressions: string[];
  unique?: boolean;
  /** A partial index: only rows matching this SQL condition (e.g. `status = 'ACTIVE'`). */
  where?: string;
}

export interface TableSpec {
  name: string;
  columns: ColumnSpec[];
  primaryKey: string[];
  indexes: IndexSpec[];
}

/** Postgres type names as `information_schema`/introspection report them (udt_name). */
export const postgresTypeOf: Record<ColumnKind, { ddl: string; udt: string }> = {
  text: { ddl: 'text', udt: 'text' },
  integer: { ddl: 'integer', udt: 'int4' },
  bigint: { ddl: 'bigint', udt: 'int8' },
  numeric: { ddl: 'numeric', udt: 'numeric' },
  boolean: { ddl: 'boolean', udt: 'bool' },
  json: { ddl: 'jsonb', udt: 'jsonb' },
  bytes: { ddl: 'bytea', udt: 'bytea' },
};
