import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableSpecsOf, validateDefinitions } from '../engine/boot/index.ts';
import { applyMigration, ensureMigrationsTable, openDatabase, planMigration, type Database, type TableSpec } from '../engine/store/index.ts';

/**
 * The tables as the code before the one table layer described them (engine tables written by hand,
 * service tables from the persisters), snapshotted from it. A database that code made must open
 * under this code with nothing to migrate.
 */
const before: TableSpec[] = JSON.parse(readFileSync(new URL('./fixtures/tables/main-table-specs.json', import.meta.url), 'utf8'));

function current(): TableSpec[] {
  const loaded = validateDefinitions('definitions');
  if (!loaded.registry) throw new Error('the shipped definitions do not load');
  return tableSpecsOf(loaded.registry);
}

describe('an existing database migrates with no step', () => {
  it('every table keeps its columns, types, not-nulls, primary key and indexes (names, expressions, conditions)', () => {
    const now = current();
    expect(now.map((t) => t.name)).toEqual(before.map((t) => t.name));
    for (const table of before) expect(now.find((t) => t.name === table.name), table.name).toEqual(table);
  });

  describe('on a database made from the tables as they were', () => {
    let database: Database;
    beforeAll(async () => {
      database = await openDatabase({ dataDir: 'memory' });
      await ensureMigrationsTable(database.db);
      await applyMigration(database.db, await planMigration(database.db, before));
    });
    afterAll(() => database.close());

    it('plans nothing', async () => {
      expect((await planMigration(database.db, current())).steps).toEqual([]);
    });
  });
});
