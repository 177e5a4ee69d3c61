
import type { Db } from '../store/index.ts';
import { ORDER_COLUMN, type CompiledPersister, type MappedChild, type MappedColumn, type MappedTable } from './compile.ts';
import { mergeRest, unstoredPart } from './rest.ts';
import { fromColumnValue, getPath, setPath, toColumnValue } from './values.ts';

type Row = Record<string, unknown>;

function rowOf(table: MappedTable, source: unknown): Row {
  const row: Row = {};
  for (const c of table.columns) row[c.column] = toColumnValue(c, getPath(source, c.path));
  if (table.rest) {
    const rest = unstoredPart(source, table.rest.stored);
    row[table.rest.column] = rest === undefined ? null : JSON.stringify(rest);
  }
  return row;
}

/** An entity (or child item) rebuilt from its row: the mapped columns, then whatever the rest column kept. */
function valueOf(table: MappedTable, row: Row): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const c of table.columns) {
    const v = fromColumnValue(c, row[c.column]);
    if (v !== undefined) setPath(value, c.path, v);
  }
  const rest = table.rest && row[table.rest.column];
  if (rest !== undefined && rest !== null) mergeRest(value, typeof rest === 'string' ? JSON.parse(rest) : rest);
  return value;
}

function childRows(child: MappedChild, entity: unknown, parentKey: unknown): Row[] {
  const items = getPath(entity, child.arrayPath);
  if (!Array.isArray(items)) return [];
  return items.map((item, i) => ({ ...rowOf(child, item), [child.parentColumn]: parentKey, [ORDER_COLUMN]: i }));
}

export async function insertEntity(db: Db, p: CompiledPersister, entity: unknown): Promise<void> {
  await db.insertInto(p.root.table).values(rowOf(p.root, entity)).execute();
  await insertChildren(db, p, entity);
}

async function insertChildren(db: Db, p: CompiledPersister, entity: unknown): Promise<void> {
  const parentKey = getPath(entity, p.root.primaryKey.path);
  for (const child of p.children) {
    const rows = childRows(child, entity, parentKey);
    if (rows.length > 0) await db.insertInto(child.table).values(rows).execute();
  }
}

/**
 * Replaces the stored entity if its last-modified time is still `expectedLastModified`.
 * Returns false when it is not (someone else changed it, or it is gone).
 */
export async function updateEntity(db: Db, p: CompiledPersister, entity: unknown, expectedLastModified: number): Promise<boolean> {
  const key = getPath(entity, p.root.primaryKey.path);
  let query = db.updateTable(p.root.table).set(rowOf(p.root, entity)).where(p.root.primaryKey.column, '=', key);
  if (p.lastModifiedColumn) query = query.where(p.lastModifiedColumn.column, '=', expectedLastModified);
  const result = await query.executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return false;
  for (const child of p.children) await db.deleteFrom(child.table).where(child.parentColumn, '=', key).execute();
  await insertChildren(db, p, entity);
  return true;
}

/** Rebuilds entities from their root rows, fetching every child array in one query per child table. */
export async function entitiesFromRows(db: Db, p: CompiledPersister, rows: Row[]): Promise<Record<string, unknown>[]> {
  const entities = rows.map((row) => valueOf(p.root, row));
  if (rows.length === 0) return entities;
  const keys = rows.map((r) => r[p.root.primaryKey.column]);
  for (const child of p.children) {
    const childRowsFound = await db.selectFrom(child.table).selectAll().where(child.parentColumn, 'in', keys).orderBy(child.parentColumn).orderBy(ORDER_COLUMN).execute();
    const byParent = new Map<unknown, Row[]>();
    for (const r of childRowsFound) byParent.set(r[child.parentColumn], [...(byParent.get(r[child.parentColumn]) ?? []), r]);
    entities.forEach((entity, i) => {
      const items = (byParent.get(keys[i]) ?? []).map((r) => valueOf(child, r));
      setPath(entity, child.arrayPath, items);
    });
  }
  return entities;
}

/** One entity by primary key within a tenant, locked for update when asked (inside a transaction). */
export function findEntity(db: Db, p: CompiledPersister, key: unknown, tenantId: string, forUpdate = false): Promise<Record<string, unknown> | undefined> {
  return findEntityBy(db, p, p.root.primaryKey, key, tenantId, forUpdate);
}

/** One entity by the value of a root column (an application number, say) within a tenant. */
export async function findEntityBy(db: Db, p: CompiledPersister, column: MappedColumn, value: unknown, tenantId: string, forUpdate = false): Promise<Record<string, unknown> | undefined> {
  let q = db.selectFrom(p.root.table).selectAll().where(column.column, '=', value).where(p.tenantColumn.column, '=', tenantId);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) return undefined;
  return (await entitiesFromRows(db, p, [row]))[0];
}


/** A value with object keys sorted, so stored JSON (jsonb reorders keys) compares equal to what was sent. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));
}

function storedForm(column: MappedColumn, value: unknown): string {
  const v = toColumnValue(column, value);
  return canonical(column.type === 'json' && typeof v === 'string' ? JSON.parse(v) : v);
}

/**
 * The entity fields whose stored form would change from `before` to `after`: root columns by their
 * path, child arrays by theirs. Fields in `ignore` (audit, engine-managed status) are left out.
 */
export function changedFields(p: CompiledPersister, before: unknown, after: unknown, ignore: string[]): string[] {
  const skipped = (path: string) => ignore.some((i) => path === i || path.startsWith(`${i}.`));
  const changed: string[] = [];
  for (const c of p.root.columns) {
    const path = c.path.join('.');
    if (!skipped(path) && storedForm(c, getPath(before, c.path)) !== storedForm(c, getPath(after, c.path))) changed.push(path);
  }
  if (p.root.rest) {
    const { stored } = p.root.rest;
    changed.push(...differingPaths(unstoredPart(before, stored), unstoredPart(after, stored), '').filter((path) => !skipped(path)));
  }
  for (const child of p.children) {
    const rows = (entity: unknown) => {
      const items = getPath(entity, child.arrayPath);
      return canonical((Array.isArray(items) ? items : []).map((item) => [...child.columns.map((c) => storedForm(c, getPath(item, c.path))), child.rest && canonical(unstoredPart(item, child.rest.stored))]));
    };
    if (rows(before) !== rows(after)) changed.push(child.arrayPath.join('.'));
  }
  return changed;
}

/** The deepest paths at which two rest values differ. */
function differingPaths(a: unknown, b: unknown, prefix: string): string[] {
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (prefix === '' || (isObject(a) && isObject(b))) {
    const x = isObject(a) ? a : {};
    const y = isObject(b) ? b : {};
    return [...new Set([...Object.keys(x), ...Object.keys(y)])].flatMap((k) => differingPaths(x[k], y[k], prefix ? `${prefix}.${k}` : k));
  }
  return canonical(a) === canonical(b) ? [] : [prefix];
}
