import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigration, ensureMigrationsTable, indexName, openDatabase, planMigration, uniqueViolationOf, type Database, type TableSpec } from './index.ts';

const table = (extra: TableSpec['columns'] = []): TableSpec => ({
  name: 'thing',
  primaryKey: ['id'],
  columns: [{ name: 'id', type: 'text', notNull: true }, { name: 'name', type: 'text' }, ...extra],
  indexes: [{ name: indexName('thing', ['tenantid', 'lower(name)'], true), expressions: ['tenantid', 'lower(name)'], unique: true }],
});

describe('migrations', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ dataDir: 'memory' });
    await ensureMigrationsTable(database.db);
  });
  afterAll(() => database.close());

  it('creates a table, then adds a column, then holds back a retype until allowed', async () => {
    const spec = table([{ name: 'tenantid', type: 'text' }]);
    const first = await applyMigration(database.db, await planMigration(database.db, [spec]));
    expect(first.applied.map((s) => s.kind)).toEqual(['create-table', 'create-index']);
    expect((await planMigration(database.db, [spec])).steps).toEqual([]);

    const widened = table([{ name: 'tenantid', type: 'text' }, { name: 'amount', type: 'numeric' }]);
    const second = await applyMigration(database.db, await planMigration(database.db, [widened]));
    expect(second.applied.map((s) => s.description)).toEqual(['add column thing.amount numeric']);

    const retyped = table([{ name: 'tenantid', type: 'text' }, { name: 'amount', type: 'bigint' }]);
    const plan = await planMigration(database.db, [retyped]);
    expect(plan.steps).toHaveLength(1);
    expect(plan.steps[0]).toMatchObject({ kind: 'retype-column', dataLoss: true });
    const held = await applyMigration(database.db, plan);
    expect(held.applied).toEqual([]);
    expect(held.heldBack).toHaveLength(1);
    const forced = await applyMigration(database.db, plan, { allowDataLoss: true });
    expect(forced.applied).toHaveLength(1);
    const recorded = await sql<{ n: string }>`select count(*) as n from seva_migrations`.execute(database.db);
    expect(Number(recorded.rows[0]!.n)).toBe(3);
  });

  it('names the unique index a duplicate write violates', async () => {
    await sql`insert into thing (id, tenantid, name) values ('1', 'pb.a', 'Ram')`.execute(database.db);
    const err = await sql`insert into thing (id, tenantid, name) values ('2', 'pb.a', 'RAM')`.execute(database.db).catch((e) => e);
    expect(uniqueViolationOf(err)).toBe('thing_tenantid_lowername_ukey');
  });

  it('plans dropping a column no definition maps, as data loss', async () => {
    const plan = await planMigration(database.db, [table([{ name: 'tenantid', type: 'text' }])]);
    expect(plan.steps.map((s) => [s.kind, s.dataLoss])).toEqual([['drop-column', true]]);
  });
});
