import type { ColumnSpec, IndexSpec, TableSpec } from '../store/index.ts';
import type { FieldPath } from './field-path.ts';
import { columnFinder, storageOf, type MappedChild, type MappedColumn, type MappedTable, type RecordTables, type ValueCodec, type ValueKind } from './mapped.ts';

/**
 * Engine tables (users, workflow instances, demands, ...) declared the way a persister declares a
 * service's tables: columns by name with the record path and kind of their value, child tables for
 * arrays, indexes. Compiled, they are RecordTables, read, written and searched like service tables.
 */

/** A column holding a field of the record (or of the array item, in a child table). */
export interface FieldColumn<T> {
  path: FieldPath<T>;
  type: ValueKind;
  notNull?: boolean;
  codec?: ValueCodec;
}

/** A child-table column repeating a field of the parent record, written so rows can be selected without a join. */
export interface ParentFieldColumn<P> {
  parent: FieldPath<P>;
  type: ValueKind;
  notNull?: boolean;
}

/** A child-table column keeping the item's place in its array. */
export interface PositionColumn {
  position: true;
  notNull?: boolean;
}

export interface EngineChildDeclaration<P, I> {
  table: string;
  /** The array of the parent record the rows hold. */
  path: FieldPath<P>;
  primaryKey: string;
  /** The column holding the parent's primary key. */
  parentColumn: string;
  columns: Record<string, FieldColumn<I> | ParentFieldColumn<P> | PositionColumn>;
  indexes?: IndexSpec[];
  /** Rows kept only to find records by; the record keeps its items elsewhere (a JSON column) and reads them from there. */
  searchOnly?: boolean;
}

export interface EngineTableDeclaration<T> {
  table: string;
  primaryKey: string;
  /** The column searches are scoped by tenant on. */
  tenantColumn?: string;
  /** How a null column reads: `null` (records typed `| null`, the default) or left out of the record. */
  nulls?: 'null' | 'omitted';
  columns: Record<string, FieldColumn<T>>;
  indexes?: IndexSpec[];
  children?: EngineChildDeclaration<T, any>[];
}

/** An engine table: its record type, its tables for migrations, and what the record functions need. */
export type EngineTable<T> = RecordTables<T>;

/** A child declaration typed by its parent and item record types. */
export function engineChild<P, I>(declaration: EngineChildDeclaration<P, I>): EngineChildDeclaration<P, I> {
  return declaration;
}

type AnyColumn = FieldColumn<unknown> | ParentFieldColumn<unknown> | PositionColumn;

const isField = (c: AnyColumn): c is FieldColumn<unknown> => 'path' in c;
const isParentField = (c: AnyColumn): c is ParentFieldColumn<unknown> => 'parent' in c;

function mapped(column: string, c: FieldColumn<unknown> | ParentFieldColumn<unknown>): MappedColumn {
  const path = isField(c) ? c.path : c.parent;
  return { column, path: String(path).split('.'), type: c.type, ...(isField(c) && c.codec ? { codec: c.codec } : {}) };
}

/** The table as migrations see it: every column in declaration order. */
function specOf(name: string, primaryKey: string, columns: Record<string, AnyColumn>, indexes: IndexSpec[] = []): TableSpec {
  const specs: ColumnSpec[] = Object.entries(columns).map(([column, c]) => ({ name: column, type: 'position' in c ? 'integer' : storageOf(c.type), ...(c.notNull ? { notNull: true } : {}) }));
  return { name, primaryKey: [primaryKey], columns: specs, indexes };
}

function keyOf(table: string, key: string, columns: MappedColumn[]): MappedColumn {
  const found = columns.find((c) => c.column === key);
  if (!found) throw new Error(`${table}: primary key ${key} must be a column holding a record field`);
  return found;
}

function compileChild(d: EngineChildDeclaration<unknown, unknown>, keepNulls: boolean): MappedChild {
  const entries = Object.entries(d.columns as Record<string, AnyColumn>);
  const columns = entries.flatMap(([column, c]) => (isField(c) ? [mapped(column, c)] : []));
  return {
    table: d.table,
    arrayPath: String(d.path).split('.'),
    parentColumn: d.parentColumn,
    orderColumn: entries.find(([, c]) => 'position' in c)?.[0],
    parentFields: entries.flatMap(([column, c]) => (isParentField(c) ? [mapped(column, c)] : [])),
    columns,
    primaryKey: keyOf(d.table, d.primaryKey, columns),
    keepNulls,
    ...(d.searchOnly ? { searchOnly: true } : {}),
  };
}

export function engineTable<T>(d: EngineTableDeclaration<T>): EngineTable<T> {
  const keepNulls = d.nulls !== 'omitted';
  const columns = Object.entries(d.columns as Record<string, FieldColumn<unknown>>).map(([column, c]) => mapped(column, c));
  const root: MappedTable = { table: d.table, primaryKey: keyOf(d.table, d.primaryKey, columns), columns, keepNulls };
  const children = (d.children ?? []).map((c) => compileChild(c as EngineChildDeclaration<unknown, unknown>, keepNulls));
  const tenantColumn = d.tenantColumn === undefined ? undefined : columns.find((c) => c.column === d.tenantColumn);
  if (d.tenantColumn !== undefined && !tenantColumn) throw new Error(`${d.table}: tenant column ${d.tenantColumn} is not declared`);
  return {
    root,
    children,
    ...(tenantColumn ? { tenantColumn } : {}),
    tables: [specOf(d.table, d.primaryKey, d.columns as Record<string, AnyColumn>, d.indexes), ...(d.children ?? []).map((c) => specOf(c.table, c.primaryKey, c.columns as Record<string, AnyColumn>, c.indexes))],
    columnFor: columnFinder(columns, children),
  };
}
