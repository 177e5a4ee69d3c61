import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { applyMigration, ensureMigrationsTable, indexName, openDatabase, pgliteTemplate, planMigration, type TableSpec } from './index.ts';

describe('PGlite from the template', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'seva-pglite-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('a new directory is a copy of the initialised template, and opens again as itself', async () => {
    const dataDir = tempDir();
    const first = await openDatabase({ dataDir });
    await sql`create table kept (id int)`.execute(first.db);
    await sql`insert into kept values (7)`.execute(first.db);
    await first.close();
    expect(await pgliteTemplate({ create: false })).toBeDefined();
    expect(existsSync(join(dataDir, 'pgdata', 'PG_VERSION'))).toBe(true);
    expect(existsSync(join(dataDir, 'pgdata.partial'))).toBe(false);

    const again = await openDatabase({ dataDir });
    try {
      expect((await sql<{ id: number }>`select id from kept`.execute(again.db)).rows).toEqual([{ id: 7 }]);
    } finally {
      await again.close();
    }
  });

  it('databases in memory start from it too, each its own', async () => {
    const a = await openDatabase({ dataDir: 'memory' });
    const b = await openDatabase({ dataDir: 'memory' });
    try {
      await sql`create table only_in_a (id int)`.execute(a.db);
      const inB = await sql<{ n: number }>`select count(*)::int as n from pg_class where relname = 'only_in_a'`.execute(b.db);
      expect(inB.rows[0]!.n).toBe(0);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

describe('a migration plan runs as one statement', () => {
  const spec = (name: string, indexExpression: string): TableSpec => ({
    name,
    primaryKey: ['id'],
    columns: [
      { name: 'id', type: 'text', notNull: true },
      { name: 'tenantid', type: 'text' },
    ],
    indexes: [{ name: indexName(name, ['tenantid', indexExpression], false), expressions: ['tenantid', indexExpression] }],
  });

  it('applies every step, and a failing step is named and leaves nothing behind', async () => {
    const database = await openDatabase({ dataDir: 'memory' });
    try {
      await ensureMigrationsTable(database.db);
      const good = await applyMigration(database.db, await planMigration(database.db, [spec('good', 'lower(tenantid)')]));
      expect(good.applied.map((s) => s.kind)).toEqual(['create-table', 'create-index']);
      expect((await planMigration(database.db, [spec('good', 'lower(tenantid)')])).steps).toEqual([]);

      const bad = await planMigration(database.db, [spec('bad', 'lower(missing)')]);
      await expect(applyMigration(database.db, bad)).rejects.toThrow(/migration step failed: create index bad_tenantid_lowermissing_idx: column "missing" does not exist/);
      // All or nothing: the table of the failed plan was not created, and no migration was recorded.
      expect((await planMigration(database.db, [spec('bad', 'lower(missing)')])).steps.map((s) => s.kind)).toEqual(['create-table', 'create-index']);
      const recorded = await sql<{ n: number }>`select count(*)::int as n from seva_migrations`.execute(database.db);
      expect(recorded.rows[0]!.n).toBe(1);
    } finally {
      await database.close();
    }
  });
});
