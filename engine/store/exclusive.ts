import { sql } from 'kysely';
import type { Database, Db } from './database.ts';

// PGlite lives in one process (the data-directory lock sees to that), so a set of held keys per
// open database is exclusive; its advisory locks would not be, as every query shares one session.
// On Postgres the set only saves a round trip; the advisory lock is what other processes see.
const held = new WeakMap<Database, Set<string>>();

/**
 * Runs `work` only if no one else (this process or, on Postgres, any process on the same database)
 * holds `key`; returns `{ acquired: false }` without waiting otherwise. On Postgres this is a
 * session advisory lock on a connection reserved for the duration.
 */
export async function withExclusiveLock<T>(database: Database, key: string, work: () => Promise<T>): Promise<{ acquired: true; result: T } | { acquired: false }> {
  const keys = held.get(database) ?? new Set<string>();
  held.set(database, keys);
  if (keys.has(key)) return { acquired: false };
  keys.add(key);
  try {
    if (database.dialect === 'pglite') return { acquired: true, result: await work() };
    return await database.db.connection().execute(async (conn) => {
      const got = await sql<{ ok: boolean }>`select pg_try_advisory_lock(hashtext(${key})) as ok`.execute(conn);
      if (!got.rows[0]?.ok) return { acquired: false as const };
      try {
        return { acquired: true as const, result: await work() };
      } finally {
        await sql`select pg_advisory_unlock(hashtext(${key}))`.execute(conn);
      }
    });
  } finally {
    keys.delete(key);
  }
}

/**
 * Serialises transactions on one key until the end of the transaction `trx` (a Postgres
 * transaction-level advisory lock; on PGlite transactions run one at a time anyway).
 */
export async function lockForTransaction(trx: Db, key: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
}
