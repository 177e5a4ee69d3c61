import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Db } from '../store/index.ts';
import { whereOf, type Criteria } from './criteria.ts';
import type { FieldPath, FieldValues } from './field-path.ts';
import type { RecordTables } from './mapped.ts';
import { recordsFromRows, rootColumn } from './rows.ts';
import { toColumnValue } from './values.ts';

/** A record field to order by (a root column), and which way. */
export type SortKey<T = Record<string, unknown>> = [field: FieldPath<T>, order: 'asc' | 'desc'];

export interface Page {
  offset: number;
  limit: number;
}

/** Criteria, and a condition they cannot say (an inbox's role grants, a strict bound), added to them. */
export interface Matching extends Criteria {
  also?: (eb: ExpressionBuilder<any, any>) => Expression<SqlBool>;
}

export interface RecordQuery<T = Record<string, unknown>> extends Matching {
  /** Orders the results; the last key should be unique so pages do not overlap. */
  sort?: SortKey<T>[];
  page?: Page;
  forUpdate?: boolean;
}

function conditionOf(t: RecordTables<unknown>, q: Matching) {
  const where = whereOf(t, q);
  return (eb: ExpressionBuilder<any, any>) => (q.also ? eb.and([where(eb), q.also(eb)]) : where(eb));
}

/** The records the query selects, in its order, one page of them when it asks for a page. */
export async function searchRecords<T>(db: Db, t: RecordTables<T>, q: RecordQuery<T>): Promise<T[]> {
  let query = db.selectFrom(t.root.table).selectAll(t.root.table).where(conditionOf(t, q));
  for (const [field, order] of q.sort ?? []) query = query.orderBy(`${t.root.table}.${rootColumn(t, field)}`, order);
  if (q.page) query = query.offset(q.page.offset).limit(q.page.limit);
  if (q.forUpdate) query = query.forUpdate();
  return recordsFromRows(db, t, await query.execute());
}

/** How many records the query selects, over every page. */
export async function countRecords(db: Db, t: RecordTables<unknown>, q: Matching): Promise<number> {
  const row = await db.selectFrom(t.root.table).select(sql<string>`count(*)`.as('n')).where(conditionOf(t, q)).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Sets some root fields of every record matching, in one statement (so concurrent writers of the
 * other fields are not undone), and returns the records as they are now.
 */
export async function updateMatching<T>(db: Db, t: RecordTables<T>, q: Matching, changes: FieldValues<T>): Promise<T[]> {
  const set: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(changes)) {
    const column = t.columnFor(field);
    if (!column || column.child) throw new Error(`${t.root.table} has no column for ${field}`);
    set[column.column.column] = toColumnValue(column.column, value);
  }
  const rows = await db.updateTable(t.root.table).set(set).where(conditionOf(t, q)).returningAll().execute();
  return recordsFromRows(db, t, rows);
}
