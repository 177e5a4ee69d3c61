import { mkdirSync } from 'node:fs';
import { Kysely, PostgresDialect, sql } from 'kysely';
import type { PGlite } from '@electric-sql/pglite';
import { SevaError } from '../errors/index.ts';
import { acquireDirectoryLock, type DirectoryLock } from './lock.ts';
import { createPglite, warmUpPglite } from './pglite.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Db = Kysely<any>;

export interface DatabaseConfig {
  /** A Postgres server; when absent the embedded PGlite is used. */
  databaseUrl?: string;
  /** Where PGlite keeps its files; `memory` keeps them in memory (tests). */
  dataDir?: string;
}

export interface Database {
  db: Db;
  dialect: 'pglite' | 'postgres';
  /** Where the data lives, for messages (`postgres://…` without password, or a directory). */
  location: string;
  close(): Promise<void>;
}

/**
 * Starts what opening the database will need and can be done beforehand, without touching the
 * data: for PGlite, loading it and compiling its WebAssembly (in the background). Optional.
 */
export function warmUpDatabase(config: DatabaseConfig): void {
  if (!config.databaseUrl) warmUpPglite();
}

// Each process loads the driver it uses only (PGlite is large; pg is not needed on PGlite).
export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  return openPglite(config.dataDir ?? '.data');
}

async function openPostgres(url: string): Promise<Database> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.SEVA_DB_POOL_SIZE ?? 10) });
  // An idle client the server disconnects (restart, failover) must not crash the process: the pool
  // drops it and the next query gets a new connection.
  pool.on('error', () => undefined);
  const db: Db = new Kysely({ dialect: new PostgresDialect({ pool }) });
  const location = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  try {
    await sql`select 1`.execute(db);
  } catch (err) {
    await db.destroy();
    throw new SevaError('internal', 'DATABASE_UNREACHABLE', `cannot connect to Postgres at ${location}: ${(err as Error).message}`, { cause: err });
  }
  return { db, dialect: 'postgres', location, close: () => db.destroy() };
}

async function openPglite(dataDir: string): Promise<Database> {
  let lock: DirectoryLock | undefined;
  let pglite: PGlite;
  if (dataDir !== 'memory') {
    mkdirSync(dataDir, { recursive: true });
    // Two processes on one PGlite directory silently lose writes: refuse the second one.
    lock = acquireDirectoryLock(dataDir);
  }
  try {
    pglite = await createPglite(dataDir === 'memory' ? undefined : `${dataDir}/pgdata`);
    await pglite.waitReady;
  } catch (err) {
    lock?.release();
    throw err;
  }
  const { PGliteDialect } = await import('kysely-pglite-dialect');
  const db: Db = new Kysely({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    dialect: 'pglite',
    location: dataDir === 'memory' ? 'memory' : dataDir,
    close: async () => {
      await db.destroy();
      lock?.release();
    },
  };
}
