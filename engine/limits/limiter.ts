import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { tooMany } from '../errors/index.ts';
import type { Db } from '../store/index.ts';
import { rateWindowTable } from './table.ts';

/** At most `requests` in each window of `seconds`. */
export interface RateLimit {
  requests: number;
  seconds: number;
}

/**
 * Fixed-window counters in the database: one statement counts a hit and reads the window's total,
 * so concurrent calls in any process are counted exactly.
 */
export class RateLimiter {
  constructor(private readonly db: Db) {}

  /** Counts a hit on `key`; refuses it (429 `code`, with when to retry) once the window's limit is passed. */
  async hit(name: string, limit: RateLimit, now: number, what: string, code = 'TOO_MANY_REQUESTS'): Promise<void> {
    // A key holds what a caller sent (a user name): a long one is kept as its hash, to fit an index.
    const key = name.length > 200 ? `sha256:${createHash('sha256').update(name).digest('base64url')}` : name;
    const span = limit.seconds * 1000;
    const windowStart = Math.floor(now / span) * span;
    const table = sql.table(rateWindowTable.root.table);
    const { rows } = await sql<{ hits: number }>`
      insert into ${table} (id, key, window_start, hits) values (${`${key}@${windowStart}`}, ${key}, ${windowStart}, 1)
      on conflict (id) do update set hits = ${table}.hits + 1
      returning hits`.execute(this.db);
    if (rows[0]!.hits === 1) await this.db.deleteFrom(rateWindowTable.root.table).where('key', '=', key).where('window_start', '<', windowStart).execute();
    if (rows[0]!.hits > limit.requests) {
      const retryAfter = Math.max(1, Math.ceil((windowStart + span - now) / 1000));
      throw tooMany(code, `too many ${what} (at most ${limit.requests} in ${limit.seconds} s); try again in ${retryAfter} s`, retryAfter);
    }
  }
}
