import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../engine/clock/index.ts';
import { withExclusiveLock } from '../engine/store/index.ts';
import { backends, definitionsWith, freshDatabase, requestInfo, TestServer } from './harness.ts';

const GP = 'pb.lodhipur';
const IST = 5.5 * 3600_000;
const ist = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) - IST;
const OCTOBER = '01/10/2026 - 31/10/2026';
const BULK = '/ws-calculator/waterCalculator/_bulkDemand';

const holder = (i: number) => [{ name: `Consumer ${i}`, mobileNumber: `98765${String(i).padStart(5, '0')}` }];
const connection = (i: number, extra: Record<string, unknown> = {}) => ({
  tenantId: GP,
  connectionType: 'Non_Metered',
  propertyType: 'RESIDENTIAL',
  connectionHolders: holder(i),
  processInstance: { action: 'SUBMIT' },
  ...extra,
});

describe.each(backends())('bulk demand (%s)', (backend) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let server: TestServer;
  let token: string;
  const clock = new ManualClock(ist(2026, 11, 21) + 10 * 3600_000);
  const post = async (path: string, body: Record<string, unknown>) => server.post(path, { RequestInfo: requestInfo(token), ...body });
  const bulk = (billingPeriod: string, tenantId = GP) => post(BULK, { tenantId, billingPeriod });
  /** Every ACTIVE WS demand of the month, straight from the table: duplicates would show here. */
  const monthDemands = async (from: number) =>
    server.seva.database.db.selectFrom('seva_demand').select(['consumer_code', 'id']).where('tenant_id', '=', GP).where('consumer_type', '=', 'waterConnection').where('tax_period_from', '=', from).where('status', '=', 'ACTIVE').execute();
  let nonMetered: string[] = [];

  beforeAll(async () => {
    db = await freshDatabase(backend);
    // Small batches, so a run spans several transactions.
    const definitionsDir = definitionsWith('definitions', [{ file: 'batches/ws-bulk-demand.yaml', replace: 'batchSize: 1000', with: 'batchSize: 4' }]);
    server = await TestServer.start({ definitionsDir, database: db.config, clock });
    token = await server.staffToken('bulk-admin', [{ code: 'GP_ADMIN', tenantId: GP }, { code: 'BULK_DEMAND_PROCESSING', tenantId: GP }]);
    const res = await post('/ws-services/wc/_create', {
      WaterConnection: [
        ...Array.from({ length: 9 }, (_, i) => connection(i)),
        connection(9, { propertyType: 'COMMERCIAL' }),
        connection(10, { paymentType: 'advance', advance: 250 }),
        connection(11, { connectionType: 'Metered', meterId: 'M-11' }),
        connection(12),
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const created = res.body.WaterConnection as any[];
    // One consumer leaves: no demand for it.
    const leaving = created[12];
    const off = await post('/ws-services/wc/_update', { WaterConnection: { ...leaving, processInstance: { action: 'DEACTIVATE' } } });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    nonMetered = created.slice(0, 11).map((c) => c.connectionNo);
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('makes one demand per ACTIVE non-metered connection, charged by the rules, advance consumed', async () => {
    const res = await bulk(OCTOBER);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.run).toMatchObject({ batch: 'ws-bulk-demand', tenantId: GP, runKey: OCTOBER, status: 'SUCCEEDED', total: 11, processed: 11, created: 11, skipped: 0, failed: 0 });
    const rows = await monthDemands(ist(2026, 10, 1));
    expect(rows.map((r) => r.consumer_code).sort()).toEqual([...nonMetered].sort());
    const search = async (code: string) => (await post(`/billing-service/demand/_search?tenantId=${GP}&businessService=WS&consumerCode=${encodeURIComponent(code)}`, {})).body.Demands;
    const [home] = (await search(nonMetered[0]!)) as any[];
    expect(home).toMatchObject({ consumerType: 'waterConnection', taxPeriodFrom: ist(2026, 10, 1), taxPeriodTo: ist(2026, 11, 1) - 1, payer: { name: 'Consumer 0' } });
    expect(home.demandDetails.map((d: any) => [d.taxHeadMasterCode, d.taxAmount])).toEqual([['10101', 100]]);
    const shop = (await search(nonMetered[9]!)) as any[];
    expect(shop[0].demandDetails.map((d: any) => d.taxAmount)).toEqual([300]);
    // 250 of advance pays the 100 charge at once; 150 remains.
    const advanced = (await search(nonMetered[10]!)) as any[];
    const charge = advanced.find((d: any) => d.consumerType === 'waterConnection');
    const advance = advanced.find((d: any) => d.consumerType === 'waterConnection-advance');
    expect(charge.demandDetails[0]).toMatchObject({ taxAmount: 100, collectionAmount: 100 });
    expect(charge.isPaymentCompleted).toBe(true);
    expect(advance.demandDetails[0]).toMatchObject({ taxHeadMasterCode: 'WS_ADVANCE_CARRYFORWARD', taxAmount: -250, collectionAmount: -100 });
  });

  it('a rerun creates nothing new; a concurrent double request creates no duplicate', async () => {
    const again = await bulk(OCTOBER);
    expect(again.body.run).toMatchObject({ status: 'SUCCEEDED', total: 11, created: 0, skipped: 11 });
    // The app writes the period with a bare dash: the same month, the same run key.
    const asTheAppSendsIt = await bulk('01/10/2026-31/10/2026');
    expect(asTheAppSendsIt.status, JSON.stringify(asTheAppSendsIt.body)).toBe(200);
    expect(asTheAppSendsIt.body.run).toMatchObject({ runKey: OCTOBER, total: 11, created: 0, skipped: 11 });
    const september = '01/09/2026 - 30/09/2026';
    const racing = await Promise.all([bulk(september), bulk(september)]);
    const ok = racing.filter((r) => r.status === 200);
    const refused = racing.filter((r) => r.status === 409);
    expect(ok.length + refused.length).toBe(2);
    for (const r of refused) expect(r.body.Errors[0].code).toBe('BATCH_RUN_IN_PROGRESS');
    expect(ok.reduce((n, r) => n + r.body.run.created, 0)).toBe(11);
    expect((await monthDemands(ist(2026, 9, 1))).length).toBe(11);
  });

  it('refuses a second request while a run holds the period, and refuses future or partial months', async () => {
    const august = '01/08/2026 - 31/08/2026';
    const held = await withExclusiveLock(server.seva.database, `seva.batch:ws-bulk-demand:${GP}:${august}`, () => bulk(august));
    expect(held.acquired && held.result.status).toBe(409);
    expect(held.acquired && held.result.body.Errors[0]).toMatchObject({ code: 'BATCH_RUN_IN_PROGRESS', message: expect.stringContaining('already running for pb.lodhipur') });
    expect((await monthDemands(ist(2026, 8, 1))).length).toBe(0);

    const future = await bulk('01/12/2026 - 31/12/2026');
    expect([future.status, future.body.Errors[0].code, future.body.Errors[0].params]).toEqual([400, 'INVALID_BILLING_PERIOD', ['$.billingPeriod']]);
    const partial = await bulk('05/10/2026 - 31/10/2026');
    expect(partial.body.Errors[0]).toMatchObject({ code: 'INVALID_BILLING_PERIOD', message: expect.stringContaining('one whole month') });
    const shape = await bulk('October 2026');
    expect(shape.body.Errors[0].code).toBe('INVALID_BILLING_PERIOD');
  });

  it('resumes a run that died mid-way: the rest is created, nothing twice', async () => {
    const july = '01/07/2026 - 31/07/2026';
    // What a process killed after its first transaction leaves: a RUNNING run and 4 demands.
    const seva = server.seva;
    await seva.database.db
      .insertInto('seva_batch_run')
      .values({ id: 'dead-run', batch: 'ws-bulk-demand', tenant_id: GP, run_key: july, params: '{}', status: 'RUNNING', started_by: 'x', started_at: clock.now(), total: 11, processed: 4, created: 4, skipped: 0, failed: 0, failures: '[]' })
      .execute();
    const period = { taxPeriodFrom: ist(2026, 7, 1), taxPeriodTo: ist(2026, 8, 1) - 1 };
    await seva.billing.createDemands(
      nonMetered.slice(0, 4).map((consumerCode) => ({ tenantId: GP, consumerCode, consumerType: 'waterConnection', businessService: 'WS', ...period, demandDetails: [{ taxHeadMasterCode: '10101', taxAmount: 100 }] })),
      'x',
    );
    const res = await bulk(july);
    expect(res.body.run).toMatchObject({ status: 'SUCCEEDED', total: 11, created: 7, skipped: 4 });
    const rows = await monthDemands(ist(2026, 7, 1));
    expect(rows.map((r) => r.consumer_code).sort()).toEqual([...nonMetered].sort());
    const runs = (await post(`/seva/batch/v1/runs/_search?tenantId=${GP}&batch=ws-bulk-demand`, {})).body.runs as any[];
    expect(runs.find((r) => r.id === 'dead-run')).toMatchObject({ status: 'INTERRUPTED' });
    expect(runs.filter((r) => r.runKey === july).map((r) => r.status).sort()).toEqual(['INTERRUPTED', 'SUCCEEDED']);
  });

  it('runs from the monthly job for every GP as the system user', async () => {
    clock.set(ist(2026, 12, 1) + 2 * 3600_000);
    const run = await server.seva.jobs.run('ws-bulk-demand');
    expect(run).toMatchObject({ status: 'succeeded', counts: { tenants: 2, succeeded: 2, failed: 0 } });
    expect((await monthDemands(ist(2026, 11, 1))).length).toBe(11);
  });
});
