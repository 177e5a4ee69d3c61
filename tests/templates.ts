/**
 * Migrated database templates for the test suite: built once per `npm test` run (vitest
 * globalSetup, tests/global-setup.ts) from this checkout's own definitions and engine, then cloned
 * by `freshDatabase` (tests/harness.ts) instead of running initdb and every migration step per file.
 *
 * A template holds the schema only (tables, indexes, seva_migrations): no users, so `startSeva`
 * still creates `admin` (with the test's password) and `system` on a clone as on a first start.
 * Its name carries a hash of what decides the migration (the table specs of the shipped
 * definitions, the migration code, the PGlite version), so a change to any of them makes a new one.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { tableSpecsOf, validateDefinitions } from '../engine/boot/index.ts';
import { applyMigration, ensureMigrationsTable, openDatabase, planMigration, type DatabaseConfig, type TableSpec } from '../engine/store/index.ts';

export interface Templates {
  /** A closed, migrated PGlite directory; a clone copies its `pgdata`. */
  pglite?: string;
  /** A migrated database on the DATABASE_URL server; a clone is `create database … template` it. */
  postgres?: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    sevaTemplates: Templates;
    /** fast-check runs per property: SEVA_PROPERTY_RUNS, 200 by default. */
    propertyRuns: number;
  }
}

/** Bump when the way templates are built changes. */
const FORMAT = 1;
/** A template or a half-built one nobody has touched for this long is left over from another checkout or a killed run. */
const STALE_MS = 3600_000;
/** Session advisory locks on the Postgres server: every run holds RUN shared; cleaning up needs it alone. */
const RUN_LOCK = 7_365_431_001;
const BUILD_LOCK = 7_365_431_002;

export function templateHash(root: string, definitionsDir: string): { hash: string; specs: TableSpec[] } {
  const loaded = validateDefinitions(definitionsDir);
  if (!loaded.registry) throw new Error(`the definitions in ${definitionsDir} do not load: no template`);
  const specs = tableSpecsOf(loaded.registry);
  const h = createHash('sha256');
  h.update(`format ${FORMAT}\n`);
  h.update(JSON.stringify(specs));
  const store = join(root, 'engine/store');
  for (const file of readdirSync(store).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort()) h.update(`${file}\n`).update(readFileSync(join(store, file)));
  const pgliteVersion = (JSON.parse(readFileSync(join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string }).version;
  h.update(`pglite ${pgliteVersion}\n`);
  return { hash: h.digest('hex').slice(0, 16), specs };
}

/** Retries `what` while the server says a database is in use (55006): a closed pool's backends take a moment to go away. */
export const retry = async <T>(what: () => Promise<T>, attempts = 50): Promise<T> => {
  for (let attempt = 0; ; attempt++) {
    try {
      return await what();
    } catch (err) {
      if (attempt >= attempts || (err as { code?: string }).code !== '55006') throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
};

async function migrate(config: DatabaseConfig, specs: TableSpec[]): Promise<void> {
  const database = await openDatabase(config);
  try {
    await ensureMigrationsTable(database.db);
    const result = await applyMigration(database.db, await planMigration(database.db, specs));
    if (result.heldBack.length > 0) throw new Error(`a migration of an empty database held steps back: ${result.heldBack.map((s) => s.description).join('; ')}`);
  } finally {
    await database.close();
  }
}

/**
 * `<tmp>/seva-test-templates/pglite-<hash>`: built in a temporary directory and renamed into place,
 * so a run never sees half of one and two runs may build the same one at once. Other hashes'
 * templates nobody has used for an hour are removed.
 */
export async function pgliteTemplate(hash: string, specs: TableSpec[]): Promise<string> {
  const parent = join(tmpdir(), 'seva-test-templates');
  mkdirSync(parent, { recursive: true });
  const name = `pglite-${hash}`;
  for (const entry of readdirSync(parent)) {
    if (entry === name) continue;
    const path = join(parent, entry);
    try {
      if (Date.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Another run removed it first.
    }
  }
  return buildDir(parent, name, (dir) => migrate({ dataDir: dir }, specs));
}

async function buildDir(parent: string, name: string, build: (dir: string) => Promise<void>): Promise<string> {
  const dir = join(parent, name);
  const done = () => existsSync(join(dir, 'pgdata', 'PG_VERSION'));
  if (!done()) {
    const building = mkdtempSync(join(parent, `${name}.building-`));
    try {
      await build(building);
      renameSync(building, dir);
    } catch (err) {
      rmSync(building, { recursive: true, force: true });
      // Another run renamed the same template into place first: use theirs.
      if (!done()) throw err;
    }
  }
  const now = new Date();
  utimesSync(dir, now, now);
  return dir;
}

/**
 * `seva_template_<hash>` on the server of `url`. Returns the template's name and a release for the
 * end of the run. The run holds RUN_LOCK shared for its whole length; a run that finds no other
 * (RUN_LOCK exclusive) drops other hashes' templates and test databases killed runs left behind.
 * Building happens under BUILD_LOCK, into `<name>_build`, renamed when complete.
 */
export async function postgresTemplate(url: string, hash: string, specs: TableSpec[]): Promise<{ name: string; release: () => Promise<void> }> {
  const name = `seva_template_${hash}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const alone = (await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1) as ok', [RUN_LOCK])).rows[0]!.ok;
    await client.query('select pg_advisory_lock_shared($1)', [RUN_LOCK]);
    if (alone) {
      const { rows } = await client.query<{ datname: string }>(`select datname from pg_database where datname like 'seva\\_template\\_%' or datname like 'seva\\_test\\_%'`);
      for (const { datname } of rows) {
        const createdAt = /^seva_test_(\d+)_/.exec(datname)?.[1];
        const stale = datname.startsWith('seva_template_') ? datname !== name : createdAt !== undefined && Date.now() - Number(createdAt) > STALE_MS;
        if (stale) await client.query(`drop database if exists ${datname}`).catch(() => undefined);
      }
      await client.query('select pg_advisory_unlock($1)', [RUN_LOCK]);
    }
    await client.query('select pg_advisory_lock($1)', [BUILD_LOCK]);
    try {
      const exists = (await client.query('select 1 from pg_database where datname = $1', [name])).rowCount! > 0;
      if (!exists) {
        const building = `${name}_build`;
        await client.query(`drop database if exists ${building}`);
        await client.query(`create database ${building}`);
        const buildUrl = new URL(url);
        buildUrl.pathname = `/${building}`;
        try {
          await migrate({ databaseUrl: buildUrl.toString() }, specs);
          await retry(() => client.query(`alter database ${building} rename to ${name}`));
        } catch (err) {
          await retry(() => client.query(`drop database if exists ${building}`)).catch(() => undefined);
          throw err;
        }
      }
    } finally {
      await client.query('select pg_advisory_unlock($1)', [BUILD_LOCK]);
    }
  } catch (err) {
    await client.end();
    throw err;
  }
  return { name, release: () => client.end() };
}
