import { columnOf, type PersisterDefinition, type ServiceDefinition } from '../definitions/index.ts';
import { indexName, type ColumnKind, type ColumnSpec, type TableSpec } from '../store/index.ts';
import { storedPaths, type StoredPaths } from './rest.ts';

export interface MappedColumn {
  column: string;
  /** Dotted path of the value, relative to the entity (root) or to an array item (child). */
  path: string[];
  type: ColumnKind;
}

export interface MappedTable {
  table: string;
  primaryKey: MappedColumn;
  columns: MappedColumn[];
  /** The JSON column for every key the other columns do not store, when the persister declares one. */
  rest?: RestColumn;
}

export interface RestColumn {
  column: string;
  /** What the mapped columns (and, on the root, the child tables) store already. */
  stored: StoredPaths;
}

export interface MappedChild extends MappedTable {
  /** Path of the array in the entity. */
  arrayPath: string[];
  parentColumn: string;
}

export interface UniqueRule {
  index: string;
  code: string;
  message: string;
  fields: string[];
}

/** A persister compiled against its service: the tables, how values move, and what the DB enforces. */
export interface CompiledPersister {
  service: string;
  root: MappedTable;
  children: MappedChild[];
  tenantColumn: MappedColumn;
  lastModifiedColumn?: MappedColumn;
  uniqueRules: UniqueRule[];
  tables: TableSpec[];
  /** The column (root or child) that stores an entity field. */
  columnFor(field: string): { column: MappedColumn; child?: MappedChild } | undefined;
}

/** Engine column on child tables keeping the order of array items. */
export const ORDER_COLUMN = 'seva_order';

function mapColumns(columns: PersisterDefinition['columns']): MappedColumn[] {
  return Object.entries(columns).map(([column, def]) => {
    const { path, type } = columnOf(def);
    return { column, path: path.split('.'), type };
  });
}

function restOf(def: { column: string } | undefined, stored: string[][]): RestColumn | undefined {
  return def && { column: def.column, stored: storedPaths(stored) };
}

const restSpec = (t: MappedTable): ColumnSpec[] => (t.rest ? [{ name: t.rest.column, type: 'json' }] : []);

export function compilePersister(def: PersisterDefinition, service: ServiceDefinition): CompiledPersister {
  const columns = mapColumns(def.columns);
  const byPath = (cols: MappedColumn[], path: string) => cols.find((c) => c.path.join('.') === path);
  const rootPk = columns.find((c) => c.column === (def.primaryKey ?? 'id'))!;
  const tenantColumn = byPath(columns, 'tenantId')!;
  const children: MappedChild[] = (def.children ?? []).map((child) => {
    const childColumns = mapColumns(child.columns);
    return {
      table: child.table,
      arrayPath: child.path.split('.'),
      parentColumn: child.parentColumn,
      columns: childColumns,
      primaryKey: childColumns.find((c) => c.column === (child.primaryKey ?? 'id'))!,
      rest: restOf(child.rest, childColumns.map((c) => c.path)),
    };
  });
  const root: MappedTable = { table: def.table, primaryKey: rootPk, columns, rest: restOf(def.rest, [...columns.map((c) => c.path), ...children.map((c) => c.arrayPath)]) };

  const columnFor = (field: string) => {
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

  const rootIndexes: TableSpec['indexes'] = [];
  const uniqueRules: UniqueRule[] = [];
  for (const u of service.unique ?? []) {
    const exprs = [tenantColumn.column, ...u.fields.map((f) => (u.caseInsensitive ? `lower(${byPath(columns, f)!.column})` : byPath(columns, f)!.column))];
    const name = indexName(def.table, exprs, true);
    rootIndexes.push({ name, expressions: exprs, unique: true });
    uniqueRules.push({ index: name, code: u.code, message: u.message, fields: u.fields });
  }
  const childIndexes = new Map<string, TableSpec['indexes']>(children.map((c) => [c.table, [{ name: indexName(c.table, [c.parentColumn], false), expressions: [c.parentColumn] }]]));
  // Every searchable column gets an index, so search stays fast as a GP's data grows.
  for (const [field, criterion] of Object.values(service.search.criteria).flatMap((c) => [c.field, ...(c.orFields ?? [])].map((f) => [f, c] as const))) {
    const hit = columnFor(field);
    if (!hit || hit.column === tenantColumn) continue;
    const expr = criterion.caseInsensitive || criterion.match === 'prefix' || criterion.match === 'contains' ? `lower(${hit.column.column})` : hit.column.column;
    const list = hit.child ? childIndexes.get(hit.child.table)! : rootIndexes;
    const exprs = hit.child ? [expr] : [tenantColumn.column, expr];
    const name = indexName(hit.child?.table ?? def.table, exprs, false);
    if (!list.some((i) => i.name === name)) list.push({ name, expressions: exprs });
  }
  const tenantIndex = indexName(def.table, [tenantColumn.column], false);
  rootIndexes.push({ name: tenantIndex, expressions: [tenantColumn.column] });

  const tables: TableSpec[] = [
    {
      name: def.table,
      primaryKey: [rootPk.column],
      columns: [...columns.map((c) => ({ name: c.column, type: c.type, notNull: c === rootPk || c === tenantColumn })), ...restSpec(root)],
      indexes: rootIndexes,
    },
    ...children.map((c) => ({
      name: c.table,
      primaryKey: [c.primaryKey.column],
      columns: [
        ...c.columns.map((col) => ({ name: col.column, type: col.type, notNull: col === c.primaryKey })),
        ...restSpec(c),
        { name: c.parentColumn, type: 'text' as const, notNull: true },
        { name: ORDER_COLUMN, type: 'integer' as const },
      ],
      indexes: childIndexes.get(c.table)!,
    })),
  ];
  return {
    service: service.service,
    root,
    children,
    tenantColumn,
    lastModifiedColumn: byPath(columns, 'auditDetails.lastModifiedTime'),
    uniqueRules,
    tables,
    columnFor,
  };
}
