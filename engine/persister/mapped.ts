import type { ColumnKind, TableSpec } from '../store/index.ts';
import type { StoredPaths } from './rest.ts';

/**
 * What a column holds, as the mapper sees it: a storage kind, or `money` (a numeric column read
 * as an exact Money and written as its decimal text, never through a binary float).
 */
export type ValueKind = ColumnKind | 'money';

/** The storage kind of a value kind: what the table declares and migrations compare. */
export const storageOf = (kind: ValueKind): ColumnKind => (kind === 'money' ? 'numeric' : kind);

/** How a value is turned into what its column keeps and back, where the kind alone does not say (money inside JSON, say). */
export interface ValueCodec {
  toColumn(value: unknown): unknown;
  fromColumn(value: unknown): unknown;
}

export interface MappedColumn {
  column: string;
  /** Dotted path of the value, relative to the record (root) or to an array item (child). */
  path: string[];
  type: ValueKind;
  codec?: ValueCodec;
}

export interface MappedTable {
  table: string;
  primaryKey: MappedColumn;
  columns: MappedColumn[];
  /** The JSON column for every key the other columns do not store, when the table has one. */
  rest?: RestColumn;
  /**
   * A null column reads as `null` (engine records, typed `| null`) instead of being left out
   * (service entities, where null means absent).
   */
  keepNulls?: boolean;
}

export interface RestColumn {
  column: string;
  /** What the mapped columns (and, on the root, the child tables) store already. */
  stored: StoredPaths;
}

export interface MappedChild extends MappedTable {
  /** Path of the array in the record. */
  arrayPath: string[];
  /** The column holding the parent's primary key. */
  parentColumn: string;
  /** The column keeping the items' order; without one, items come back in primary key order. */
  orderColumn?: string;
  /** Columns repeating fields of the parent (paths relative to the parent), so the rows can be selected without a join. */
  parentFields: MappedColumn[];
  /** Rows kept only to find records by (the record keeps its items elsewhere, e.g. in a JSON column): written, never read back. */
  searchOnly?: boolean;
}

/** Where a record field is stored: a column of the root table, or of the child table holding it. */
export interface ColumnHit {
  column: MappedColumn;
  child?: MappedChild;
}

/**
 * The tables a record is stored in: one root row, and rows of child tables for its arrays. Service
 * entities (compiled persisters) and engine records (engine tables) both are, and both are read,
 * written and searched by the same functions.
 */
export interface RecordTables<T = Record<string, unknown>> {
  root: MappedTable;
  children: MappedChild[];
  /** The column searches are scoped by tenant on, when records belong to a tenant. */
  tenantColumn?: MappedColumn;
  /** What migrations create. */
  tables: TableSpec[];
  /** The column (root or child) that stores a record field. */
  columnFor(field: string): ColumnHit | undefined;
  /** Only carries the record type (never set). */
  readonly record?: T;
}

/** `columnFor` over a root table and its children: a field of the record, or `<array path>.<item field>`. */
export function columnFinder(columns: MappedColumn[], children: MappedChild[]): (field: string) => ColumnHit | undefined {
  const byPath = (cols: MappedColumn[], path: string) => cols.find((c) => c.path.join('.') === path);
  return (field) => {
    const direct = byPath(columns, field);
    if (direct) return { column: direct };
    for (const child of children) {
      const prefix = `${child.arrayPath.join('.')}.`;
      if (!field.startsWith(prefix)) continue;
      const c = byPath(child.columns, field.slice(prefix.length));
      if (c) return { column: c, child };
    }
    return undefined;
  };
}
