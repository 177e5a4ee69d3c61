import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableSpecsOf, validateDefinitions } from '../engine/boot/index.ts';
import { applyMigration, ensureMigrationsTable, openDatabase, planMigration, type Database, type TableSpec } from '../engine/store/index.ts';

/**
 * The tables as the code before the one table layer described them (engine tables written by hand,
 * service tables from the persisters), snapshotted from it. A database that code made must open
 * under this code losing nothing: tables and columns may be added, none changed or dropped.
 */
const before: TableSpec[] = JSON.parse(readFileSync(new URL('./fixtures/tables/main-table-specs.json', import.meta.url), 'utf8'));

function current(): TableSpec[] {
  const loaded = validateDefinitions('definitions');
  if (!loaded.registry) throw new Error('the shipped definitions do not load');
  return tableSpecsOf(loaded.registry);
}

describe('an existing database migrates by additions only', () => {
  it('every table keeps its columns, types, not-nulls, primary key and indexes (names, expressions, conditions)', () => {
    const now = current();
    for (const table of before) {
      const today = now.find((t) => t.name === table.name);
      expect(today, table.name).toBeDefined();
      expect(today!.primaryKey, table.name).toEqual(table.primaryKey);
      for (const column of table.columns) expect(today!.columns.find((c) => c.name === column.name), `${table.name}.${column.name}`).toEqual(column);
      for (const index of table.indexes) expect(today!.indexes.find((i) => i.name === index.name), `${table.name} ${index.name}`).toEqual(index);
    }
  });

  describe('on a database made from the tables as they were', () => {
    let database: Database;
    beforeAll(async () => {
      database = await openDatabase({ dataDir: 'memory' });
      await ensureMigrationsTable(database.db);
      await applyMigration(database.db, await planMigration(database.db, before));
    });
    afterAll(() => database.close());

    it('plans only additions: new tables, columns and indexes, nothing retyped or dropped', async () => {
      const steps = (await planMigration(database.db, current())).steps;
      expect(steps.filter((s) => s.dataLoss || !['create-table', 'add-column', 'create-index'].includes(s.kind)).map((s) => s.description)).toEqual([]);
    });
  });
});
