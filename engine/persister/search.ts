import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { Db } from '../store/index.ts';
import { whereOf, type Criteria } from './criteria.ts';
import type { RecordTables } from './mapped.ts';
import { recordsFromRows, rootColumn } from './rows.ts';

/** A record field to order by (a root column), and which way. */
export type SortKey = [field: string, order: 'asc' | 'desc'];

export interface Page {
  offset: number;
  limit: number;
}

export interface RecordQuery extends Criteria {
  /** A condition the filters cannot say (an inbox's role grants, say), added to them. */
  also?: (eb: ExpressionBuilder<any, any>) => Expression<SqlBool>;
  /** Orders the results; the last key should be unique so pages do not overlap. */
  sort?: SortKey[];
  page?: Page;
  forUpdate?: boolean;
}

/** The criteria and the extra condition as one. */
function conditionOf(t: RecordTables<unknown>, q: RecordQuery) {
  const where = whereOf(t, q);
  return (eb: ExpressionBuilder<any, any>) => (q.also ? eb.and([where(eb), q.also(eb)]) : where(eb));
}

/** The records the query selects, in its order, one page of them when it asks for a page. */
export async function searchRecords<T>(db: Db, t: RecordTables<T>, q: RecordQuery): Promise<T[]> {
  let query = db.selectFrom(t.root.table).selectAll(t.root.table).where(conditionOf(t, q));
  for (const [field, order] of q.sort ?? []) query = query.orderBy(`${t.root.table}.${rootColumn(t, field)}`, order);
  if (q.page) query = query.offset(q.page.offset).limit(q.page.limit);
  if (q.forUpdate) query = query.forUpdate();
  return recordsFromRows(db, t, await query.execute());
}

/** How many records the query selects, over every page. */
export async function countRecords(db: Db, t: RecordTables<unknown>, q: RecordQuery): Promise<number> {
  const row = await db.selectFrom(t.root.table).select(sql<string>`count(*)`.as('n')).where(conditionOf(t, q)).executeTakeFirstOrThrow();
  return Number(row.n);
}
