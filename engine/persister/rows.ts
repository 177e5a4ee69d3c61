import type { Db } from '../store/index.ts';
import type { FieldValues } from './field-path.ts';
import type { MappedChild, MappedTable, RecordTables } from './mapped.ts';
import { mergeRest, unstoredPart } from './rest.ts';
import { fromColumnValue, getPath, setPath, toColumnValue } from './values.ts';

export type Row = Record<string, unknown>;

/** The row of a record (or of an array item) in its table. */
export function rowOf(table: MappedTable, source: unknown): Row {
  const row: Row = {};
  for (const c of table.columns) row[c.column] = toColumnValue(c, getPath(source, c.path));
  if (table.rest) {
    const rest = unstoredPart(source, table.rest.stored);
    row[table.rest.column] = rest === undefined ? null : JSON.stringify(rest);
  }
  return row;
}

/** A record (or array item) rebuilt from its row: the mapped columns, then whatever the rest column kept. */
function valueOf(table: MappedTable, row: Row): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  for (const c of table.columns) {
    const v = fromColumnValue(c, row[c.column]);
    if (v !== undefined) setPath(value, c.path, v);
    else if (table.keepNulls) setPath(value, c.path, null);
  }
  const rest = table.rest && row[table.rest.column];
  if (rest !== undefined && rest !== null) mergeRest(value, typeof rest === 'string' ? JSON.parse(rest) : rest);
  return value;
}

/** The rows of one child table for a record: its items, with the parent's key, their order and the parent fields repeated. */
export function childRowsOf(t: RecordTables<unknown>, child: MappedChild, record: unknown): Row[] {
  const items = getPath(record, child.arrayPath);
  if (!Array.isArray(items)) return [];
  const parentKey = getPath(record, t.root.primaryKey.path);
  const repeated: Row = {};
  for (const c of child.parentFields) repeated[c.column] = toColumnValue(c, getPath(record, c.path));
  return items.map((item, i) => ({ ...rowOf(child, item), ...repeated, [child.parentColumn]: parentKey, ...(child.orderColumn ? { [child.orderColumn]: i } : {}) }));
}

/** Inserts records: one statement for the root rows, one per child table. */
export async function insertRecords<T>(db: Db, t: RecordTables<T>, records: readonly T[]): Promise<void> {
  if (records.length === 0) return;
  await db.insertInto(t.root.table).values(records.map((r) => rowOf(t.root, r))).execute();
  await insertChildren(db, t, records);
}

export function insertRecord<T>(db: Db, t: RecordTables<T>, record: T): Promise<void> {
  return insertRecords(db, t, [record]);
}

async function insertChildren<T>(db: Db, t: RecordTables<T>, records: readonly T[]): Promise<void> {
  for (const child of t.children) {
    const rows = records.flatMap((r) => childRowsOf(t, child, r));
    if (rows.length > 0) await db.insertInto(child.table).values(rows).execute();
  }
}

/**
 * Replaces a stored record (its row, and its child rows) if the row still has the values `guard`
 * names (record fields: a last-modified time, a version). Returns false when it has not (someone
 * else changed it, or it is gone).
 */
export async function updateRecord<T>(db: Db, t: RecordTables<T>, record: T, guard: FieldValues<T> = {}): Promise<boolean> {
  const key = getPath(record, t.root.primaryKey.path);
  let query = db.updateTable(t.root.table).set(rowOf(t.root, record)).where(t.root.primaryKey.column, '=', key);
  for (const [field, value] of Object.entries(guard)) query = query.where(rootColumn(t, field), '=', value);
  const result = await query.executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return false;
  for (const child of t.children) await db.deleteFrom(child.table).where(child.parentColumn, '=', key).execute();
  await insertChildren(db, t, [record]);
  return true;
}

/** The root-table column of a record field; a field stored nowhere there is a programming error. */
export function rootColumn(t: RecordTables<unknown>, field: string): string {
  const hit = t.columnFor(field);
  if (!hit || hit.child) throw new Error(`${t.root.table} has no column for ${field}`);
  return hit.column.column;
}

/** Rebuilds records from their root rows, fetching every child array in one query per child table. */
export async function recordsFromRows<T>(db: Db, t: RecordTables<T>, rows: Row[]): Promise<T[]> {
  const records = rows.map((row) => valueOf(t.root, row));
  if (rows.length === 0) return records as T[];
  const keys = rows.map((r) => r[t.root.primaryKey.column]);
  for (const child of t.children) {
    if (child.searchOnly) continue;
    const found = await db
      .selectFrom(child.table)
      .selectAll()
      .where(child.parentColumn, 'in', keys)
      .orderBy(child.parentColumn)
      .orderBy(child.orderColumn ?? child.primaryKey.column)
      .execute();
    const byParent = new Map<unknown, Row[]>();
    for (const r of found) byParent.set(r[child.parentColumn], [...(byParent.get(r[child.parentColumn]) ?? []), r]);
    records.forEach((record, i) => setPath(record, child.arrayPath, (byParent.get(keys[i]) ?? []).map((r) => valueOf(child, r))));
  }
  return records as T[];
}

/**
 * The one record whose root fields equal `match` (field path → value), locked for update when
 * asked (inside a transaction).
 */
export async function findRecord<T>(db: Db, t: RecordTables<T>, match: FieldValues<T>, forUpdate = false): Promise<T | undefined> {
  let q = db.selectFrom(t.root.table).selectAll();
  for (const [field, value] of Object.entries(match)) q = q.where(rootColumn(t, field), '=', value);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? (await recordsFromRows(db, t, [row]))[0] : undefined;
}
