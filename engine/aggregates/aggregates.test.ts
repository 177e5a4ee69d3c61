import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AggregateDefinition } from '../definitions/index.ts';
import { Mdms } from '../mdms/index.ts';
import { openDatabase, type Database } from '../store/index.ts';
import { AggregateRunner, type DataSource } from './index.ts';

const IST = 5.5 * 3600_000;
const ist = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) - IST;

/** Orders (with a joined customer) in two shops, as a source of the kind billing and services give. */
const sources = new Map<string, DataSource>([
  [
    'orders',
    {
      tables: [
        { table: 'orders', as: 'o' },
        { table: 'notes', as: 'n', on: ['n.order_id', 'o.id'] },
      ],
      tenant: 'o.tenant',
      fields: {
        tenant: { column: 'o.tenant', type: 'text' },
        id: { column: 'o.id', type: 'text' },
        customer: { column: 'o.customer', type: 'text' },
        amount: { column: 'o.amount', type: 'number' },
        paid: { column: 'o.paid', type: 'number' },
        day: { column: 'o.day', type: 'number' },
        kind: { column: 'o.kind', type: 'text' },
        note: { column: 'n.text', type: 'text' },
      },
    },
  ],
  ['customers', { tables: [{ table: 'customers', as: 'c' }], tenant: 'c.tenant', fields: { code: { column: 'c.code', type: 'text' }, name: { column: 'c.name', type: 'text' }, town: { column: 'c.town', type: 'text' } } }],
  /** Bills for a month's period, each made (issued) at some time after it. */
  [
    'bills',
    {
      tables: [{ table: 'bills', as: 'b' }],
      tenant: 'b.tenant',
      fields: { customer: { column: 'b.customer', type: 'text' }, period: { column: 'b.period', type: 'number' }, made: { column: 'b.made', type: 'number' } },
    },
  ],
  [
    'pays',
    {
      tables: [{ table: 'pays', as: 'p' }],
      tenant: 'p.tenant',
      fields: { customer: { column: 'p.customer', type: 'text' }, day: { column: 'p.day', type: 'number' }, amount: { column: 'p.amount', type: 'number' }, receipt: { column: 'p.receipt', type: 'text' } },
    },
  ],
]);

const aggregate = (a: Partial<AggregateDefinition> & Pick<AggregateDefinition, 'measures' | 'result'>): AggregateDefinition => ({ aggregate: 'a', path: '/a', roles: ['X'], ...a });

describe('aggregate queries', () => {
  let database: Database;
  const run = (def: AggregateDefinition, raw: Record<string, unknown> = {}, tenant = 'gp.one') =>
    new AggregateRunner([def], { db: database.db, sources, mdms: () => new Mdms(new Map()), now: () => ist(2026, 11, 21), timeZone: 'Asia/Kolkata' }).run('a', tenant, raw);

  beforeAll(async () => {
    database = await openDatabase({ dataDir: 'memory' });
    const db = database.db;
    await sql`create table orders (id text, tenant text, customer text, amount numeric, paid numeric, day bigint, kind text)`.execute(db);
    await sql`create table notes (order_id text, text text)`.execute(db);
    await sql`create table customers (code text, tenant text, name text, town text)`.execute(db);
    const orders: [string, string, string, number, number, number, string][] = [
      ['o1', 'gp.one', 'C1', 100, 100, ist(2026, 9, 5), 'water'],
      ['o2', 'gp.one', 'C1', 100.5, 0, ist(2026, 10, 5), 'water'],
      ['o3', 'gp.one', 'C2', 300, 120, ist(2026, 10, 31), 'repair'],
      ['o4', 'gp.one', 'C3', 50, 0, ist(2026, 11, 1), 'water'],
      ['o5', 'gp.two', 'C1', 9999, 9999, ist(2026, 10, 5), 'water'],
    ];
    for (const [id, tenant, customer, amount, paid, day, kind] of orders) await sql`insert into orders values (${id}, ${tenant}, ${customer}, ${amount}, ${paid}, ${day}, ${kind})`.execute(db);
    await sql`insert into notes values ('o3', 'urgent')`.execute(db);
    for (const [code, tenant, name, town] of [
      ['C1', 'gp.one', 'Asha', 'North'],
      ['C2', 'gp.one', 'Bela', 'South'],
      ['C3', 'gp.one', 'Chand', 'North'],
      ['C1', 'gp.two', 'Other', 'North'],
      // A name of digits (an old connection number, say) stays text.
      ['C4', 'gp.one', '0042', 'East'],
    ]) {
      await sql`insert into customers values (${code}, ${tenant}, ${name}, ${town})`.execute(db);
    }
    await sql`create table bills (tenant text, customer text, period bigint, made bigint)`.execute(db);
    await sql`create table pays (tenant text, customer text, day bigint, amount numeric, receipt text)`.execute(db);
    // August's and September's bills made together on 2 October, October's on 3 November, none for November, December's on 20 December.
    for (const [period, made] of [
      [ist(2026, 8, 1), ist(2026, 10, 2)],
      [ist(2026, 9, 1), ist(2026, 10, 2)],
      [ist(2026, 10, 1), ist(2026, 11, 3)],
      [ist(2026, 12, 1), ist(2026, 12, 20)],
    ]) {
      await sql`insert into bills values ('gp.one', 'C1', ${period}, ${made})`.execute(db);
    }
    await sql`insert into bills values ('gp.two', 'C1', ${ist(2026, 11, 1)}, ${ist(2026, 11, 2)})`.execute(db);
    for (const [day, amount, receipt] of [
      [ist(2026, 9, 20), 10, 'R1'],
      [ist(2026, 10, 10), 20, 'R2'],
      [ist(2026, 11, 3), 30, 'R3'],
      [ist(2026, 11, 25), 40, 'R4'],
      [ist(2026, 12, 25), 50, 'R5'],
    ] as const) {
      await sql`insert into pays values ('gp.one', 'C1', ${day}, ${amount}, ${receipt})`.execute(db);
    }
    await sql`insert into pays values ('gp.two', 'C1', ${ist(2026, 11, 5)}, 999, 'X1')`.execute(db);
  });
  afterAll(() => database.close());

  it('answers measures over one tenant, with bound parameters, shaped by the result', async () => {
    const answer = await run(
      aggregate({
        params: { from: { type: 'date', required: true }, kinds: { type: 'list' } },
        measures: {
          billed: { from: 'orders', where: { '>=': [{ var: 'day' }, { param: 'from' }] }, sum: 'amount' },
          owed: { from: 'orders', where: { in: [{ var: 'kind' }, { param: 'kinds' }] }, sum: { '-': [{ var: 'amount' }, { var: 'paid' }] } },
          orders: { from: 'orders', count: true },
          customers: { from: 'orders', countDistinct: 'customer' },
          latest: { from: 'orders', max: 'day' },
          byKind: { from: 'orders', sum: 'amount', groupBy: 'kind' },
          northern: { from: 'orders', join: { as: 'c', from: 'customers', on: ['customer', 'code'] }, where: { '==': [{ var: 'c.town' }, 'North'] }, sum: 'amount' },
          noted: { from: 'orders', where: { '!=': [{ var: 'note' }, null] }, count: true },
        },
        result: { figures: { var: '' }, text: { cat: [{ var: 'billed' }] } },
      }),
      { from: '01/10/2026', kinds: 'water' },
    );
    expect(answer).toEqual({
      figures: { billed: 450.5, owed: 150.5, orders: 4, customers: 3, latest: ist(2026, 11, 1), byKind: { water: 250.5, repair: 300 }, northern: 250.5, noted: 1, params: { from: ist(2026, 10, 1), kinds: ['water'] }, tenantId: 'gp.one', now: ist(2026, 11, 21) },
      text: '450.5',
    });
  });

  it('answers a state for all its GPs, and can group by GP', async () => {
    const def = aggregate({ measures: { total: { from: 'orders', sum: 'amount' }, byGp: { from: 'orders', sum: 'amount', groupBy: 'tenant' } }, result: { total: { var: 'total' }, byGp: { var: 'byGp' } } });
    expect(await run(def, {}, 'gp')).toEqual({ total: 10549.5, byGp: { 'gp.one': 550.5, 'gp.two': 9999 } });
    expect(await run(def, {}, 'gp.two')).toEqual({ total: 9999, byGp: { 'gp.two': 9999 } });
  });

  it('answers month by month, each month alone or (before) what the months before it add up to', async () => {
    const answer = (await run(
      aggregate({
        params: { from: { type: 'date', required: true }, to: { type: 'date', required: true, endOfDay: true } },
        rows: { months: { from: 'from', to: 'to' } },
        measures: {
          billed: { from: 'orders', month: 'day', sum: 'amount' },
          earlier: { from: 'orders', month: 'day', before: true, sum: { '-': [{ var: 'amount' }, { var: 'paid' }] } },
          correlated: { from: 'orders', where: { '<=': [{ row: 'monthStart' }, { var: 'day' }, { row: 'monthEnd' }] }, count: true },
        },
        row: { month: { date_format: [{ var: 'row.monthStart' }, 'MMM yyyy'] }, billed: { var: 'billed' }, earlier: { var: 'earlier' }, orders: { var: 'correlated' } },
        result: { rows: { var: 'rows' }, totalCount: { var: 'totalCount' } },
      }),
      { from: '01/10/2026', to: '30/11/2026' },
    )) as { rows: unknown[]; totalCount: number };
    expect(answer).toEqual({
      rows: [
        { month: 'Oct 2026', billed: 400.5, earlier: 0, orders: 2 },
        { month: 'Nov 2026', billed: 50, earlier: 280.5, orders: 1 },
      ],
      totalCount: 2,
    });
  });

  it('answers a page of rows of a source, with measures per row, filtered and sorted by them', async () => {
    const def = aggregate({
      rows: { from: 'customers', having: { '>': [{ var: 'spent' }, 0] }, sort: [{ by: 'spent', order: 'desc' }], page: { defaultLimit: 2 } },
      measures: { spent: { from: 'orders', where: { '==': [{ var: 'customer' }, { row: 'code' }] }, sum: 'amount' } },
      row: { name: { var: 'row.name' }, spent: { var: 'spent' } },
      result: { rows: { var: 'rows' }, totalCount: { var: 'totalCount' } },
    });
    // Each answer states the page it gives.
    expect(await run(def)).toEqual({ rows: [{ name: 'Bela', spent: 300 }, { name: 'Asha', spent: 200.5 }], totalCount: 3, Pagination: { offSet: 0, limit: 2, totalCount: 3 } });
    expect(await run(def, { offset: 2 })).toEqual({ rows: [{ name: 'Chand', spent: 50 }], totalCount: 3, Pagination: { offSet: 2, limit: 2, totalCount: 3 } });
    expect(await run(def, { sortOrder: 'ASC', limit: 1 })).toEqual({ rows: [{ name: 'Chand', spent: 50 }], totalCount: 3, Pagination: { offSet: 0, limit: 1, totalCount: 3 } });
    expect(await run(def, {}, 'gp.two')).toEqual({ rows: [{ name: 'Other', spent: 9999 }], totalCount: 1, Pagination: { offSet: 0, limit: 2, totalCount: 1 } });
  });

  it('answers a row per distinct combination of fields (of the source and its join), with measures per row', async () => {
    const byKind = aggregate({
      rows: { from: 'orders', groupBy: ['customer', 'kind'], sort: [{ by: 'customer' }, { by: 'kind' }] },
      measures: { spent: { from: 'orders', where: { and: [{ '==': [{ var: 'customer' }, { row: 'customer' }] }, { '==': [{ var: 'kind' }, { row: 'kind' }] }] }, sum: 'amount' } },
      row: { customer: { var: 'row.customer' }, kind: { var: 'row.kind' }, spent: { var: 'spent' }, fields: { var: 'row' } },
      result: { rows: { var: 'rows' }, totalCount: { var: 'totalCount' } },
    });
    expect(await run(byKind)).toMatchObject({
      rows: [
        { customer: 'C1', kind: 'water', spent: 200.5, fields: { customer: 'C1', kind: 'water' } },
        { customer: 'C2', kind: 'repair', spent: 300, fields: { customer: 'C2', kind: 'repair' } },
        { customer: 'C3', kind: 'water', spent: 50, fields: { customer: 'C3', kind: 'water' } },
      ],
      totalCount: 3,
    });
    expect(await run(byKind, { sortOrder: 'DESC', limit: 1 })).toMatchObject({ rows: [{ customer: 'C3' }], totalCount: 3 });
    const byTown = aggregate({
      rows: { from: 'orders', join: { as: 'c', from: 'customers', on: ['customer', 'code'] }, groupBy: ['c.town', 'kind'], sort: [{ by: 'c.town' }] },
      measures: {
        orders: { from: 'orders', join: { as: 'c', from: 'customers', on: ['customer', 'code'] }, where: { and: [{ '==': [{ var: 'c.town' }, { row: 'c.town' }] }, { '==': [{ var: 'kind' }, { row: 'kind' }] }] }, count: true },
      },
      row: { town: { var: 'row.c.town' }, kind: { var: 'row.kind' }, orders: { var: 'orders' } },
      result: { rows: { var: 'rows' } },
    });
    expect((await run(byTown)) as object).toMatchObject({
      rows: [
        { town: 'North', kind: 'water', orders: 3 },
        { town: 'South', kind: 'repair', orders: 1 },
      ],
    });
  });

  it('answers records as a list; the max of a text field stays text', async () => {
    const answer = await run(
      aggregate({
        measures: {
          lines: { from: 'pays', where: { '<': [{ var: 'day' }, { param: 'before' }] }, items: { receipt: 'receipt', amount: 'amount', twice: { '+': [{ var: 'amount' }, { var: 'amount' }] } }, orderBy: 'day' },
          none: { from: 'pays', where: { '==': [{ var: 'receipt' }, 'nothing'] }, items: { receipt: 'receipt' } },
          digits: { from: 'customers', where: { '==': [{ var: 'code' }, 'C4'] }, max: 'name' },
          latest: { from: 'pays', max: 'day' },
        },
        params: { before: { type: 'date', required: true } },
        result: { lines: { var: 'lines' }, none: { var: 'none' }, digits: { var: 'digits' }, latest: { var: 'latest' } },
      }),
      { before: '01/11/2026' },
    );
    expect(answer).toEqual({
      lines: [
        { receipt: 'R1', amount: 10, twice: 20 },
        { receipt: 'R2', amount: 20, twice: 40 },
      ],
      none: [],
      digits: '0042',
      latest: ist(2026, 12, 25),
    });
  });

  it("answers month by month from each row's own time (since): a record goes to the row whose time came last before it", async () => {
    const def = aggregate({
      params: { from: { type: 'date', required: true }, to: { type: 'date', required: true, endOfDay: true } },
      rows: { months: { from: 'from', to: 'to' }, page: { defaultLimit: 12 } },
      measures: {
        made: { from: 'bills', month: 'period', where: { '==': [{ var: 'customer' }, 'C1'] }, max: 'made' },
        paid: { from: 'pays', month: 'day', since: 'made', where: { '==': [{ var: 'customer' }, 'C1'] }, sum: 'amount' },
        paidBefore: { from: 'pays', month: 'day', since: 'made', before: true, where: { '==': [{ var: 'customer' }, 'C1'] }, sum: 'amount' },
        lines: { from: 'pays', month: 'day', since: 'made', where: { '==': [{ var: 'customer' }, 'C1'] }, items: { receipt: 'receipt', amount: 'amount' } },
      },
      rowLet: { owed: { difference: [100, { var: 'paidBefore' }] }, left: { difference: [{ var: 'owed' }, { var: 'paid' }] } },
      row: { month: { date_format: [{ var: 'row.monthStart' }, 'MMM'] }, made: { var: 'made' }, paid: { var: 'paid' }, paidBefore: { var: 'paidBefore' }, receipts: { map: [{ var: 'lines' }, { var: 'receipt' }] }, left: { var: 'left' } },
      result: { rows: { var: 'rows' }, totalCount: { var: 'totalCount' } },
    });
    const all = (await run(def, { from: '01/08/2026', to: '31/12/2026' })) as { rows: unknown[] };
    expect(all.rows).toEqual([
      // Made with September's bill: September's row (the later) takes what follows.
      { month: 'Aug', made: ist(2026, 10, 2), paid: 0, paidBefore: 10, receipts: [], left: 90 },
      { month: 'Sep', made: ist(2026, 10, 2), paid: 20, paidBefore: 10, receipts: ['R2'], left: 70 },
      // Paid the instant the bill was made, and after it until the next bill (none in November).
      { month: 'Oct', made: ist(2026, 11, 3), paid: 70, paidBefore: 30, receipts: ['R3', 'R4'], left: 0 },
      { month: 'Nov', made: null, paid: 0, paidBefore: 0, receipts: [], left: 100 },
      { month: 'Dec', made: ist(2026, 12, 20), paid: 50, paidBefore: 100, receipts: ['R5'], left: -50 },
    ]);
    // A page ends each row where the next bill is made, even one past the page.
    const page = (await run(def, { from: '01/08/2026', to: '31/12/2026', offset: 2, limit: 1 })) as { rows: unknown[]; totalCount: number };
    expect(page).toMatchObject({ rows: [all.rows[2]], totalCount: 5 });
    // Without any bill, no row takes a payment.
    const before = (await run(def, { from: '01/01/2026', to: '31/03/2026' })) as { rows: { paid: number; receipts: unknown[] }[] };
    expect(before.rows.map((r) => [r.paid, r.receipts])).toEqual([
      [0, []],
      [0, []],
      [0, []],
    ]);
  });

  it('refuses missing and malformed parameters and pages, naming each', async () => {
    const def = aggregate({ params: { from: { type: 'date', required: true }, n: { type: 'integer' } }, measures: { n: { from: 'orders', count: true } }, result: {} });
    await expect(run(def, { n: 'x' })).rejects.toMatchObject({
      code: 'REQUIRED_FIELD_MISSING',
      details: [
        { code: 'REQUIRED_FIELD_MISSING', path: '$.from' },
        { code: 'INVALID_PARAMETER', path: '$.n' },
      ],
    });
    const paged = aggregate({ rows: { from: 'customers' }, measures: {}, result: {} });
    await expect(run(paged, { limit: 0 })).rejects.toMatchObject({ details: [{ code: 'INVALID_PAGINATION', path: '$.limit' }] });
  });
});
