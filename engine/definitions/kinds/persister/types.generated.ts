// Generated from ./schema.ts by `npm run schemas`: edit the schema, not this file.

export type ColumnType = 'text' | 'integer' | 'bigint' | 'numeric' | 'boolean' | 'json';

/**
 * How a service's entity and its child arrays map to tables and columns.
 */
export interface PersisterDefinition {
  persister: string;
  service: string;
  table: string;
  primaryKey?: string;
  columns: {
    [k: string]: string | ColumnDefinition;
  };
  rest?: RestColumnDefinition;
  children?: ChildTableDefinition[];
}
export interface ColumnDefinition {
  path: string;
  type?: ColumnType;
}
/**
 * A JSON column keeping every key at this level (and in nested objects) that no mapped column stores, merged back on read.
 */
export interface RestColumnDefinition {
  column: string;
}
export interface ChildTableDefinition {
  path: string;
  table: string;
  primaryKey?: string;
  parentColumn: string;
  columns: {
    [k: string]: string | ColumnDefinition;
  };
  rest?: RestColumnDefinition;
}
