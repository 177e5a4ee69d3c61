import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Money } from '../money/index.ts';
import { applyMigration, ensureMigrationsTable, openDatabase, planMigration, type Database } from '../store/index.ts';
import { countRecords, engineChild, updateMatching, type RecordQuery, engineTable, findRecord, insertRecord, insertRowsUnnested, rowsOf, searchRecords, updateRecord } from './index.ts';

interface Line {
  id: string;
  head: string;
  amount: Money;
}

interface Invoice {
  id: string;
  tenantId: string;
  number: string;
  total: Money;
  note: string | null;
  payer: { name: string; mobileNumber?: string } | null;
  lines: Line[];
  audit: { createdTime: number };
}

const invoiceTable = engineTable<Invoice>({
  table: 'test_invoice',
  primaryKey: 'id',
  tenantColumn: 'tenant_id',
  columns: {
    id: { path: 'id', type: 'text', notNull: true },
    tenant_id: { path: 'tenantId', type: 'text', notNull: true },
    number: { path: 'number', type: 'text', notNull: true },
    total: { path: 'total', type: 'money', notNull: true },
    note: { path: 'note', type: 'text' },
    payer: { path: 'payer', type: 'json' },
    created_time: { path: 'audit.createdTime', type: 'bigint', notNull: true },
  },
  indexes: [{ name: 'test_invoice_number_ukey', expressions: ['tenant_id', 'number'], unique: true }],
  children: [
    engineChild<Invoice, Line>({
      table: 'test_invoice_line',
      path: 'lines',
      primaryKey: 'id',
      parentColumn: 'invoice_id',
      columns: {
        id: { path: 'id', type: 'text', notNull: true },
        invoice_id: { parent: 'id', type: 'text', notNull: true },
        head: { path: 'head', type: 'text', notNull: true },
        amount: { path: 'amount', type: 'money', notNull: true },
        seq: { position: true, notNull: true },
        invoice_number: { parent: 'number', type: 'text' },
      },
    }),
  ],
});

const invoice = (n: number, tenantId = 'pb.a', lines: [string, string][] = [['A', '10.10']]): Invoice => ({
  id: `i${n}`,
  tenantId,
  number: `N-${n}`,
  total: new Money('0.1').plus('0.2'),
  note: null,
  payer: n % 2 === 0 ? { name: `Payer ${n}`, mobileNumber: `98000000${n}0` } : null,
  lines: lines.map(([head, amount], i) => ({ id: `i${n}-l${i}`, head, amount: new Money(amount) })),
  audit: { createdTime: 1000 + n },
});

describe('an engine table', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openDatabase({ dataDir: 'memory' });
    await ensureMigrationsTable(database.db);
    await applyMigration(database.db, await planMigration(database.db, invoiceTable.tables));
  });
  afterAll(() => database.close());

  it('declares its tables as migrations see them, columns in declared order', () => {
    expect(invoiceTable.tables.map((t) => [t.name, t.columns.map((c) => `${c.name}:${c.type}${c.notNull ? '!' : ''}`)])).toEqual([
      ['test_invoice', ['id:text!', 'tenant_id:text!', 'number:text!', 'total:numeric!', 'note:text', 'payer:json', 'created_time:bigint!']],
      ['test_invoice_line', ['id:text!', 'invoice_id:text!', 'head:text!', 'amount:numeric!', 'seq:integer!', 'invoice_number:text']],
    ]);
  });

  it('takes only paths the record type has', () => {
    // @ts-expect-error: Invoice has no field `numbr`
    expect(() => engineTable<Invoice>({ table: 'x', primaryKey: 'id', columns: { id: { path: 'numbr', type: 'text' } } })).not.toThrow();
  });

  it('reads back what it wrote: money exact, nulls as null, items in order', async () => {
    await insertRecord(database.db, invoiceTable, invoice(1, 'pb.a', [['B', '0.07'], ['A', '1234567890123.45']]));
    const found = await findRecord(database.db, invoiceTable, { id: 'i1' });
    expect(found!.total.toFixed()).toBe('0.3');
    expect(found!.note).toBeNull();
    expect(found!.payer).toBeNull();
    expect(found!.lines.map((l) => [l.head, l.amount.toFixed()])).toEqual([['B', '0.07'], ['A', '1234567890123.45']]);
    const repeated = await database.db.selectFrom('test_invoice_line').select(['invoice_number', 'seq']).where('invoice_id', '=', 'i1').orderBy('seq').execute();
    expect(repeated).toEqual([{ invoice_number: 'N-1', seq: 0 }, { invoice_number: 'N-1', seq: 1 }]);
  });

  it('replaces a record only while its guard still holds', async () => {
    const stored = (await findRecord(database.db, invoiceTable, { id: 'i1' }))!;
    const changed = { ...stored, note: 'paid', lines: [{ id: 'i1-l9', head: 'C', amount: new Money(5) }] };
    expect(await updateRecord(database.db, invoiceTable, changed, { 'audit.createdTime': 999 })).toBe(false);
    expect(await updateRecord(database.db, invoiceTable, changed, { 'audit.createdTime': 1001 })).toBe(true);
    const after = (await findRecord(database.db, invoiceTable, { id: 'i1' }))!;
    expect([after.note, after.lines.map((l) => l.head)]).toEqual(['paid', ['C']]);
  });

  it('searches by the criteria every search uses: tenant, filters on root, child and JSON fields, sort and page', async () => {
    for (const n of [2, 3, 4]) await insertRecord(database.db, invoiceTable, invoice(n, n === 4 ? 'pb.b' : 'pb.a', [['A', '1'], [n === 2 ? 'B' : 'A', '2']]));
    const ids = async (q: RecordQuery<Invoice>) => (await searchRecords(database.db, invoiceTable, q)).map((i) => i.id);
    expect(await ids({ tenant: { id: 'pb', scope: 'within' }, filters: [], sort: [['audit.createdTime', 'desc']] })).toEqual(['i4', 'i3', 'i2', 'i1']);
    expect(await ids({ tenant: { id: 'pb', scope: 'exact' }, filters: [] })).toEqual([]);
    expect(await ids({ tenant: { id: 'pb.a', scope: 'within' }, filters: [{ fields: ['lines.head'], match: 'exact', values: ['B'] }] })).toEqual(['i2']);
    expect(await ids({ filters: [{ fields: ['payer.mobileNumber'], match: 'exact', values: ['9800000040'] }] })).toEqual(['i4']);
    expect(await ids({ filters: [{ fields: ['number'], match: 'prefix', caseInsensitive: true, values: ['n-'] }], sort: [['id', 'asc']], page: { offset: 1, limit: 2 } })).toEqual(['i2', 'i3']);
    expect(await ids({ filters: [{ fields: ['number'], match: 'contains', values: ['%'] }] })).toEqual([]);
    expect(await countRecords(database.db, invoiceTable, { filters: [{ fields: ['audit.createdTime'], match: 'from', values: [1003] }] })).toBe(2);
  });

  it('holds filters on one child to one row when asked', async () => {
    const both = [
      { fields: ['lines.head'], match: 'exact' as const, values: ['B'] },
      { fields: ['lines.id'], match: 'exact' as const, values: ['i2-l0'] },
    ];
    expect((await searchRecords(database.db, invoiceTable, { filters: both })).map((i) => i.id)).toEqual(['i2']);
    expect(await searchRecords(database.db, invoiceTable, { filters: both, sameChildRow: true })).toEqual([]);
  });

  it('sets some fields of the records matching, and answers them as they are now', async () => {
    const changed = await updateMatching(database.db, invoiceTable, { tenant: { id: 'pb.a', scope: 'exact' }, filters: [], also: (eb) => eb('created_time', '>', 1002) }, { note: 'late', total: new Money('7.005') });
    expect(changed.map((i) => [i.id, i.note, i.total.toFixed(), i.lines.length])).toEqual([['i3', 'late', '7.005', 2]]);
  });

  it('inserts many records by unnest, skipping those the conflict clause skips, with their children', async () => {
    const rows = [5, 6, 2].map((n) => rowsOf(invoiceTable, invoice(n, 'pb.c')));
    const written = await insertRowsUnnested(database.db, invoiceTable, rows, { onConflict: sql`on conflict do nothing` });
    expect([...written].sort()).toEqual(['i5', 'i6']);
    const lines = await database.db.selectFrom('test_invoice_line').select('id').where('invoice_id', 'in', ['i5', 'i6']).execute();
    expect(lines).toHaveLength(2);
    expect((await findRecord(database.db, invoiceTable, { id: 'i2' }))!.tenantId).toBe('pb.a');
  });
});
