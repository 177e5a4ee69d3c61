import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../engine/clock/index.ts';
import { backends, definitionsWith, freshDatabase, month2026, requestInfo, TestServer } from './harness.ts';

const GP = 'pb.lodhipur';
const month = month2026;

const demand = (consumerCode: string, m: number, details: [string, number | string][], extra: Record<string, unknown> = {}) => ({
  tenantId: GP,
  consumerCode,
  consumerType: 'waterConnection',
  businessService: 'TESTSVC',
  payer: { uuid: 'payer-1', name: 'Harjit Kaur' },
  ...month(m),
  demandDetails: details.map(([taxHeadMasterCode, taxAmount]) => ({ taxHeadMasterCode, taxAmount })),
  ...extra,
});

describe.each(backends())('demands through the billing API (%s)', (backend) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let server: TestServer;
  let token: string;
  const clock = new ManualClock(Date.UTC(2026, 10, 2, 4, 30));
  const post = (path: string, body: Record<string, unknown>) => server.post(path, { RequestInfo: requestInfo(token), ...body });
  const search = async (query: string) => (await post(`/billing-service/demand/_search?tenantId=${GP}&${query}`, {})).body.Demands;

  beforeAll(async () => {
    db = await freshDatabase(backend);
    server = await TestServer.start({ definitionsDir: definitionsWith('tests/fixtures/billing'), database: db.config, clock });
    token = await server.staffToken('billing-admin', [{ code: 'GP_ADMIN', tenantId: GP }]);
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('creates demands for three periods; amounts sent as strings come back as exact numbers', async () => {
    const res = await post('/billing-service/demand/_create', {
      Demands: [demand('C-1', 4, [['TESTSVC_CHARGE', '100.10'], ['TESTSVC_PENALTY', 10]]), demand('C-1', 5, [['TESTSVC_CHARGE', '100.20']]), demand('C-1', 6, [['TESTSVC_CHARGE', 100.3], ['TESTSVC_REBATE', '-0.30']])],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.Demands).toHaveLength(3);
    expect(res.body.Demands[0]).toMatchObject({ consumerCode: 'C-1', status: 'ACTIVE', isPaymentCompleted: false, minimumAmountPayable: 0, demandDetails: [{ taxHeadMasterCode: 'TESTSVC_CHARGE', taxAmount: 100.1, collectionAmount: 0 }, { taxHeadMasterCode: 'TESTSVC_PENALTY', taxAmount: 10 }] });
    const found = await search('consumerCode=C-1&businessService=TESTSVC');
    expect(found.map((d: any) => d.taxPeriodFrom)).toEqual([month(4).taxPeriodFrom, month(5).taxPeriodFrom, month(6).taxPeriodFrom]);
    const total = found.flatMap((d: any) => d.demandDetails).reduce((a: number, x: any) => a + Math.round(x.taxAmount * 100), 0);
    expect(total).toBe(10010 + 1000 + 10020 + 10030 - 30);
  });

  it('never holds two ACTIVE demands for one consumer and period, even when 20 requests race', async () => {
    let res = await post('/billing-service/demand/_create', { Demands: [demand('C-1', 4, [['TESTSVC_CHARGE', 5]])] });
    expect(res.status).toBe(409);
    expect(res.body.Errors[0]).toMatchObject({ code: 'DUPLICATE_DEMAND', params: ['$.Demands[0].consumerCode'] });
    const racing = await Promise.all(Array.from({ length: 20 }, () => post('/billing-service/demand/_create', { Demands: [demand('C-RACE', 7, [['TESTSVC_CHARGE', 50]])] })));
    expect(racing.filter((r) => r.status === 200)).toHaveLength(1);
    expect(racing.filter((r) => r.status === 409).map((r) => r.body.Errors[0].code)).toEqual(Array(19).fill('DUPLICATE_DEMAND'));
    expect(await search('consumerCode=C-RACE')).toHaveLength(1);
  });

  it('refuses what the masters do not allow, each with its code and field', async () => {
    const refuse = async (d: Record<string, unknown>, code: string, path: string) => {
      const res = await post('/billing-service/demand/_create', { Demands: [d] });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.Errors).toContainEqual(expect.objectContaining({ code, params: [path] }));
    };
    await refuse(demand('C-2', 4, [['NO_SUCH_HEAD', 5]]), 'INVALID_TAX_HEAD', '$.Demands[0].demandDetails[0].taxHeadMasterCode');
    await refuse(demand('C-2', 4, [['TESTSTRICT_FEE', 5]]), 'INVALID_TAX_HEAD', '$.Demands[0].demandDetails[0].taxHeadMasterCode');
    await refuse(demand('C-2', 4, [['TESTSVC_CHARGE', '5.005']]), 'INVALID_AMOUNT', '$.Demands[0].demandDetails[0].taxAmount');
    await refuse(demand('C-2', 4, [['TESTSVC_CHARGE', 'five']]), 'INVALID_AMOUNT', '$.Demands[0].demandDetails[0].taxAmount');
    await refuse(demand('C-2', 4, [['TESTSVC_REBATE', 5]]), 'INVALID_TAX_AMOUNT', '$.Demands[0].demandDetails[0].taxAmount');
    await refuse(demand('C-2', 4, [['TESTSVC_CHARGE', -5]]), 'INVALID_TAX_AMOUNT', '$.Demands[0].demandDetails[0].taxAmount');
    await refuse(demand('C-2', 4, [['TESTSVC_CHARGE', 5], ['TESTSVC_CHARGE', 6]]), 'DUPLICATE_TAX_HEAD', '$.Demands[0].demandDetails[1].taxHeadMasterCode');
    await refuse({ ...demand('C-2', 4, [['TESTSVC_CHARGE', 5]]), taxPeriodFrom: Date.UTC(2025, 3, 1), taxPeriodTo: Date.UTC(2025, 4, 1) }, 'INVALID_TAX_PERIOD', '$.Demands[0].taxPeriodFrom');
    await refuse({ ...demand('C-2', 4, [['TESTSVC_CHARGE', 5]]), businessService: 'NOPE' }, 'INVALID_BUSINESS_SERVICE', '$.Demands[0].businessService');
    await refuse({ ...demand('C-2', 4, [['TESTSTRICT_FEE', 5]]), businessService: 'TESTSTRICT', demandDetails: [] }, 'INVALID_SIZE', '$.Demands[0].demandDetails');
    const missing = await post('/billing-service/demand/_create', { Demands: [{ tenantId: GP, businessService: 'TESTSVC', demandDetails: [{ taxHeadMasterCode: 'TESTSVC_CHARGE', taxAmount: 1 }] }] });
    expect(missing.status).toBe(400);
    expect(missing.body.Errors.map((e: any) => e.params[0])).toEqual(expect.arrayContaining(['$.Demands[0].consumerCode', '$.Demands[0].taxPeriodFrom']));
  });

  it('updates amounts and heads, keeps identity fixed, cancels, and keeps every version with who and when', async () => {
    const [created] = (await post('/billing-service/demand/_create', { Demands: [demand('C-3', 8, [['TESTSVC_CHARGE', 200]])] })).body.Demands;
    clock.advance(60_000);
    let res = await post('/billing-service/demand/_update', {
      Demands: [{ ...created, demandDetails: [{ ...created.demandDetails[0], taxAmount: '180' }, { taxHeadMasterCode: 'TESTSVC_PENALTY', taxAmount: 18 }] }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const updated = res.body.Demands[0];
    expect(updated.demandDetails.map((d: any) => [d.taxHeadMasterCode, d.taxAmount])).toEqual([['TESTSVC_CHARGE', 180], ['TESTSVC_PENALTY', 18]]);
    expect(updated.demandDetails[0].id).toBe(created.demandDetails[0].id);

    res = await post('/billing-service/demand/_update', { Demands: [{ ...updated, consumerCode: 'C-OTHER' }] });
    expect(res.status).toBe(400);
    expect(res.body.Errors[0]).toMatchObject({ code: 'IMMUTABLE_FIELD', params: ['$.Demands[0].consumerCode'] });
    res = await post('/billing-service/demand/_update', { Demands: [created] });
    expect(res.status).toBe(409);
    expect(res.body.Errors[0].code).toBe('STALE_DEMAND');

    clock.advance(60_000);
    res = await post('/billing-service/demand/_update', { Demands: [{ ...updated, status: 'CANCELLED' }] });
    expect(res.status).toBe(200);
    // With the old one cancelled, the period takes a new ACTIVE demand.
    res = await post('/billing-service/demand/_create', { Demands: [demand('C-3', 8, [['TESTSVC_CHARGE', 150]])] });
    expect(res.status).toBe(200);
    expect((await search('consumerCode=C-3&status=ACTIVE')).map((d: any) => d.demandDetails[0].taxAmount)).toEqual([150]);

    res = await post(`/billing-service/demand/_history?tenantId=${GP}&demandId=${created.id}`, {});
    expect(res.status).toBe(200);
    const history = res.body.DemandHistory;
    expect(history.map((h: any) => [h.version, h.reason])).toEqual([[1, 'created'], [2, 'updated'], [3, 'cancelled']]);
    expect(history[1].changedTime - history[0].changedTime).toBe(60_000);
    expect(history.every((h: any) => typeof h.changedBy === 'string' && h.changedBy.length > 0)).toBe(true);
    expect(history[1].demand.demandDetails).toHaveLength(2);
  });

  describe('bills', () => {
    const fetchBill = (consumerCode: string) => post(`/billing-service/bill/v2/_fetchbill?tenantId=${GP}&consumerCode=${consumerCode}&businessService=TESTSVC`, {});

    it('builds one bill from every open demand, oldest period first, heads with their order', async () => {
      const res = await fetchBill('C-1');
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.Bill).toHaveLength(1);
      const bill = res.body.Bill[0];
      expect(bill).toMatchObject({ consumerCode: 'C-1', businessService: 'TESTSVC', status: 'ACTIVE', totalAmount: 310.3, partPaymentAllowed: true, isAdvanceAllowed: true, collectionModesNotAllowed: ['DD'], payerName: 'Harjit Kaur' });
      expect(bill.billNumber).toMatch(/^BILL-2026-27-\d+$/);
      expect(bill.expiryDate - bill.billDate).toBe(24 * 3600_000);
      expect(bill.billDetails.map((d: any) => [d.fromPeriod, d.amount])).toEqual([[month(4).taxPeriodFrom, 110.1], [month(5).taxPeriodFrom, 100.2], [month(6).taxPeriodFrom, 100]]);
      expect(bill.billDetails[2].billAccountDetails.map((a: any) => [a.taxHeadCode, a.order, a.amount])).toEqual([['TESTSVC_CHARGE', 2, 100.3], ['TESTSVC_REBATE', 0, -0.3]]);
      expect((await fetchBill('C-1')).body.Bill[0].id).toBe(bill.id);
      expect((await fetchBill('NOBODY')).body.Bill).toEqual([]);
    });

    it('makes exactly one ACTIVE bill when 50 fetches race', async () => {
      await post('/billing-service/demand/_create', { Demands: [demand('C-BILL-RACE', 4, [['TESTSVC_CHARGE', 75]])] });
      const results = await Promise.all(Array.from({ length: 50 }, () => fetchBill('C-BILL-RACE')));
      expect(results.every((r) => r.status === 200)).toBe(true);
      expect(new Set(results.map((r) => r.body.Bill[0].id)).size).toBe(1);
      const stored = await post(`/billing-service/bill/v2/_search?tenantId=${GP}&consumerCode=C-BILL-RACE`, {});
      expect(stored.body.Bill.filter((b: any) => b.status === 'ACTIVE')).toHaveLength(1);
      expect(stored.body.Bill).toHaveLength(1);
    });

    it('replaces a bill whose demands changed, and one that expired', async () => {
      const first = (await fetchBill('C-BILL-RACE')).body.Bill[0];
      const [d] = await search('consumerCode=C-BILL-RACE');
      await post('/billing-service/demand/_update', { Demands: [{ ...d, demandDetails: [{ ...d.demandDetails[0], taxAmount: 80 }] }] });
      const second = (await fetchBill('C-BILL-RACE')).body.Bill[0];
      expect(second.id).not.toBe(first.id);
      expect(second.totalAmount).toBe(80);
      clock.advance(25 * 3600_000);
      const third = (await fetchBill('C-BILL-RACE')).body.Bill[0];
      expect(third.id).not.toBe(second.id);
      const all = (await post(`/billing-service/bill/v2/_search?tenantId=${GP}&consumerCode=C-BILL-RACE`, {})).body.Bill;
      expect(all.map((b: any) => [b.id, b.status])).toEqual(expect.arrayContaining([[first.id, 'EXPIRED'], [second.id, 'EXPIRED'], [third.id, 'ACTIVE']]));
    });
  });
});
