import { columnOf, type PersisterDefinition, type ServiceDefinition } from '../definitions/index.ts';
import { indexName, type ColumnSpec, type TableSpec } from '../store/index.ts';
import { columnFinder, storageOf, type ColumnHit, type MappedChild, type MappedColumn, type MappedTable, type RecordTables, type RestColumn } from './mapped.ts';
import { storedPaths } from './rest.ts';

export interface UniqueRule {
  index: string;
  code: string;
  message: string;
  fields: string[];
}

/** A persister compiled against its service: the tables, how values move, and what the DB enforces. */
export interface CompiledPersister extends RecordTables {
  service: string;
  tenantColumn: MappedColumn;
  lastModifiedColumn?: MappedColumn;
  uniqueRules: UniqueRule[];
  columnFor(field: string): ColumnHit | undefined;
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
      orderColumn: ORDER_COLUMN,
      parentFields: [],
    };
  });
  const root: MappedTable = { table: def.table, primaryKey: rootPk, columns, rest: restOf(def.rest, [...columns.map((c) => c.path), ...children.map((c) => c.arrayPath)]) };

  const columnFor = columnFinder(columns, children);

  const rootIndexes: TableSpec['indexes'] = [];
  const uniqueRules: UniqueRule[] = [];
  for (const u of service.unique ?? []) {
    const exprs = [tenantColumn.column, ...u.fields.map((f) => (u.caseInsensitive ? `lower(${byPath(columns, f)!.column})` : byPath(columns, f)!.column))];
    const name = indexName(def.table, exprs, true);
    rootIndexes.push({ name, expressions: exprs, unique: true });
    uniqueRules.push({ index: name, code: u.code, message: u.message, fields: u.fields });
  }
  const childIndexes = new Map<string, TableSpec['indexes']>(children.map((c) => [c.table, [{ name: indexName(c.table, [c.parentColumn], false), expressions: [c.parentColumn] }]]));
  // Every searchable column (of the search or a named search) gets an index, so search stays fast as a GP's data grows.
  const criteria = [service.search.criteria, ...(service.searches ?? []).map((s) => s.criteria ?? {})].flatMap((c) => Object.values(c));
  for (const [field, criterion] of criteria.flatMap((c) => [c.field, ...(c.orFields ?? [])].map((f) => [f, c] as const))) {
    const hit = columnFor(field);
    if (!hit || hit.column === tenantColumn) continue;
    const expr = criterion.caseInsensitive || criterion.match === 'prefix' || criterion.match === 'contains' ? `lower(${hit.column.column})` : hit.column.column;
    const list = hit.child ? childIndexes.get(hit.child.table)! : rootIndexes;
    const exprs = hit.child ? [expr] : [tenantColumn.column, expr];
    const name = indexName(hit.child?.table ?? def.table, exprs, false);
    if (!list.some((i) => i.name === name)) list.push({ name, expressions: exprs });
  }
  // And so does every column a search sorts by (the default sort reads pages of a GP in its order).
  for (const field of Object.values(service.search.sort?.fields ?? {})) {
    const hit = columnFor(field);
    if (!hit || hit.child || hit.column === tenantColumn) continue;
    const exprs = [tenantColumn.column, hit.column.column];
    const name = indexName(def.table, exprs, false);
    if (!rootIndexes.some((i) => i.name === name)) rootIndexes.push({ name, expressions: exprs });
  }
  const tenantIndex = indexName(def.table, [tenantColumn.column], false);
  rootIndexes.push({ name: tenantIndex, expressions: [tenantColumn.column] });

  const tables: TableSpec[] = [
    {
      name: def.table,
      primaryKey: [rootPk.column],
      columns: [...columns.map((c) => ({ name: c.column, type: storageOf(c.type), notNull: c === rootPk || c === tenantColumn })), ...restSpec(root)],
      indexes: rootIndexes,
    },
    ...children.map((c) => ({
      name: c.table,
      primaryKey: [c.primaryKey.column],
      columns: [
        ...c.columns.map((col) => ({ name: col.column, type: storageOf(col.type), notNull: col === c.primaryKey })),
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
