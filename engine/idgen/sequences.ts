import { sql } from 'kysely';
import type { Db, TableSpec } from '../store/index.ts';

/**
 * Named counters. Declared as a plain table spec, not an engine table: ID generation sits below the
 * persister (definitions parse ID formats), and a counter is only ever read by the upsert below.
 */
export const sequenceTable: TableSpec = {
  name: 'seva_id_sequence',
  primaryKey: ['name'],
  columns: [
    { name: 'name', type: 'text', notNull: true },
    { name: 'value', type: 'bigint', notNull: true },
  ],
  indexes: [],
};

/**
 * Takes the next value of a named sequence. The row lock lasts until the caller's transaction ends,
 * so values are never repeated and a rolled-back create leaves no gap.
 */
export async function nextSequenceValue(db: Db, name: string): Promise<number> {
  const r = await sql<{ value: string | number }>`
    insert into seva_id_sequence (name, value) values (${name.toLowerCase()}, 1)
    on conflict (name) do update set value = seva_id_sequence.value + 1
    returning value`.execute(db);
  return Number(r.rows[0]!.value);
}
