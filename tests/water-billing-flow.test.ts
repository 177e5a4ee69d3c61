import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../engine/clock/index.ts';
import { backends, freshDatabase, requestInfo, TestServer } from './harness.ts';

/**
 * mGramSeva end to end, over HTTP, on the shipped definitions: onboarding, bulk demand, a meter
 * reading, a bill, a partial cash payment, the penalty job, aggregate dues, deactivation. Every
 * expected figure is worked out by hand from Lodhipur's masters (non-metered 100 a month; metered
 * 100 + 2 a unit; penalty FLAT outstanding: 20 for each demand still owing a charge, added to the
 * latest unpaid demand more than 15 days after it is made).
 */
const GP = 'pb.lodhipur';
const IST = 5.5 * 3600_000;
const ist = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d, h) - IST;

describe.each(backends())('rural water billing, end to end (%s)', (backend) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let server: TestServer;
  let admin: string;
  let collector: string;
  const clock = new ManualClock(ist(2026, 11, 21, 10));
  const post = async (path: string, body: Record<string, unknown>, token = admin) => server.post(path, { RequestInfo: requestInfo(token), ...body });
  const consumers: Record<'arrears' | 'advance' | 'metered', any> = {} as never;
  const dues = async (c: any) => {
    const res = await post(`/billing-service/demand/_getAggregateDemandDetails?tenantId=${GP}&consumerCode=${encodeURIComponent(c.connectionNo)}`, {}, collector);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const estimate = async (c: any) => {
    const res = await post(`/ws-calculator/waterCalculator/_getPenaltyDetails?tenantId=${GP}&consumerCodes=${encodeURIComponent(c.connectionNo)}&isGetPenaltyEstimate=true`, {}, collector);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const ledger = async (c: any, status = 'ACTIVE') =>
    ((await post(`/billing-service/demand/_search?tenantId=${GP}&businessService=WS&consumerCode=${encodeURIComponent(c.connectionNo)}&status=${status}`, {})).body.Demands as any[]).map((d) => [
      d.consumerType,
      d.demandDetails.map((x: any) => [x.taxHeadMasterCode, x.taxAmount, x.collectionAmount]),
    ]);

  beforeAll(async () => {
    db = await freshDatabase(backend);
    server = await TestServer.start({ database: db.config, clock });
    admin = await server.staffToken('lodhipur-admin', [{ code: 'GP_ADMIN', tenantId: GP }, { code: 'BULK_DEMAND_PROCESSING', tenantId: GP }]);
    collector = await server.staffToken('lodhipur-collector', [{ code: 'COLLECTION_OPERATOR', tenantId: GP }]);
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('onboards three consumers: arrears with penalty, advance, metered', async () => {
    const base = (name: string, mobile: string, extra: Record<string, unknown>) => ({
      tenantId: GP,
      connectionType: 'Non_Metered',
      propertyType: 'RESIDENTIAL',
      connectionHolders: [{ name, mobileNumber: mobile }],
      previousReadingDate: ist(2026, 10, 1),
      additionalDetails: { locality: 'WARD3' },
      processInstance: { action: 'SUBMIT' },
      ...extra,
    });
    const res = await post('/ws-services/wc/_create', {
      WaterConnection: [
        base('Gurpreet Singh', '9800000001', { paymentType: 'arrears', arrears: 450, penalty: 50 }),
        base('Manjit Kaur', '9800000002', { paymentType: 'advance', advance: 150 }),
        base('Baldev Raj', '9800000003', { connectionType: 'Metered', meterId: 'MTR-9', additionalDetails: { initialMeterReading: 100, locality: 'WARD3' } }),
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    [consumers.arrears, consumers.advance, consumers.metered] = res.body.WaterConnection;
    expect(res.body.WaterConnection.map((w: any) => w.status)).toEqual(['Active', 'Active', 'Active']);
    expect(await ledger(consumers.arrears)).toEqual([['waterConnection-arrears', [['10102', 450, 0], ['10201', 50, 0]]]]);
    expect(await ledger(consumers.advance)).toEqual([['waterConnection-advance', [['WS_ADVANCE_CARRYFORWARD', -150, 0]]]]);
    expect(await ledger(consumers.metered)).toEqual([]);
  });

  it("bulk demand for last month charges the two non-metered consumers; the advance pays one's at once", async () => {
    const res = await post('/ws-calculator/waterCalculator/_bulkDemand', { tenantId: GP, billingPeriod: '01/10/2026 - 31/10/2026' });
    expect(res.body.run, JSON.stringify(res.body)).toMatchObject({ status: 'SUCCEEDED', total: 2, created: 2, skipped: 0, failed: 0 });
    expect(await ledger(consumers.arrears)).toEqual([
      ['waterConnection-arrears', [['10102', 450, 0], ['10201', 50, 0]]],
      ['waterConnection', [['10101', 100, 0]]],
    ]);
    expect(await ledger(consumers.advance)).toEqual([
      ['waterConnection-advance', [['WS_ADVANCE_CARRYFORWARD', -150, -100]]],
      ['waterConnection', [['10101', 100, 100]]],
    ]);
  });

  it('a meter reading of 30 units makes the metered demand: 100 + 30 × 2', async () => {
    const res = await post('/ws-calculator/meterConnection/_create', {
      meterReadings: { tenantId: GP, connectionNo: consumers.metered.connectionNo, billingPeriod: '01/10/2026 - 31/10/2026', meterStatus: 'Working', lastReading: 100, currentReading: 130, currentReadingDate: ist(2026, 11, 1) },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await ledger(consumers.metered)).toEqual([['waterConnection', [['10101', 160, 0]]]]);
    const wrongKind = await post('/ws-calculator/meterConnection/_create', { meterReadings: { tenantId: GP, connectionNo: consumers.arrears.connectionNo, billingPeriod: '01/10/2026 - 31/10/2026', meterStatus: 'Working', currentReading: 5, currentReadingDate: ist(2026, 11, 1) } });
    expect(wrongKind.body.Errors[0]).toMatchObject({ code: 'CONNECTION_NOT_METERED', params: ['$.meterReadings.connectionNo'] });
  });

  it('fetches the bill (450 + 50 + 100) and takes a partial cash payment of 250 with a receipt', async () => {
    const fetched = await post(`/billing-service/bill/v2/_fetchbill?tenantId=${GP}&consumerCode=${encodeURIComponent(consumers.arrears.connectionNo)}&businessService=WS`, {}, collector);
    expect(fetched.status, JSON.stringify(fetched.body)).toBe(200);
    const bill = fetched.body.Bill[0];
    expect(bill.totalAmount).toBe(600);
    const paid = await post(
      '/collection-services/payments/_create',
      { Payment: { tenantId: GP, paymentMode: 'CASH', paidBy: 'Gurpreet Singh', mobileNumber: '9800000001', totalAmountPaid: 250, paymentDetails: [{ businessService: 'WS', billId: bill.id, totalAmountPaid: 250 }] } },
      collector,
    );
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    const payment = paid.body.Payments[0];
    expect(payment.paymentDetails[0].receiptNumber).toMatch(/^WS\/1013\/2026-27\/\d{6}$/);
    expect(payment).toMatchObject({ totalAmountPaid: 250, paymentStatus: 'NEW' });
    // The oldest period first, its penalty (order 2) before its arrears (order 3): 50 + 200.
    expect(await ledger(consumers.arrears)).toEqual([
      ['waterConnection-arrears', [['10102', 450, 200], ['10201', 50, 50]]],
      ['waterConnection', [['10101', 100, 0]]],
    ]);
  });

  it('the penalty job adds 20 per demand still owing once to each latest unpaid demand after 15 days; a rerun adds nothing', async () => {
    clock.set(ist(2026, 12, 5, 3));
    const early = await server.seva.jobs.run('ws-penalty');
    expect(early.counts).toMatchObject({ adjusted: 0 });
    // The household screen's preview (ws-calculator _getPenaltyDetails) does not wait for the days:
    // the 40 October's demand will take, on it unsaved (no id), and in the total.
    const before = await estimate(consumers.arrears);
    expect(before.Demands.map((d: any) => [d.consumerType, d.demandDetails.map((x: any) => [x.taxHeadMasterCode, x.taxAmount, x.id === null ? 'estimated' : 'saved'])])).toEqual([
      ['waterConnection-arrears', [['10102', 450, 'saved'], ['10201', 50, 'saved']]],
      ['waterConnection', [['10101', 100, 'saved'], ['WS_TIME_PENALTY', 40, 'estimated']]],
    ]);
    expect(before.totalApplicablePenalty).toBe(40);
    expect((await ledger(consumers.arrears))[1]).toEqual(['waterConnection', [['10101', 100, 0]]]);
    clock.set(ist(2026, 12, 7, 3));
    // A fortnight on, the morning's tokens have expired: sign in again.
    admin = await server.token('lodhipur-admin', 'pass-word-1', 'pb');
    collector = await server.token('lodhipur-collector', 'pass-word-1', 'pb');
    const run = await server.seva.jobs.run('ws-penalty');
    expect(run).toMatchObject({ status: 'succeeded', counts: { adjusted: 2, failed: 0 } });
    expect((await server.seva.jobs.run('ws-penalty')).counts).toMatchObject({ adjusted: 0 });
    // Two demands still owe a charge (250 of the opening arrears, October's 100): 2 × 20.
    expect(await ledger(consumers.arrears)).toEqual([
      ['waterConnection-arrears', [['10102', 450, 200], ['10201', 50, 50]]],
      ['waterConnection', [['10101', 100, 0], ['WS_TIME_PENALTY', 40, 0]]],
    ]);
    expect(await ledger(consumers.metered)).toEqual([['waterConnection', [['10101', 160, 0], ['WS_TIME_PENALTY', 20, 0]]]]);
    // Paid by its advance: no penalty.
    expect((await ledger(consumers.advance))[1]).toEqual(['waterConnection', [['10101', 100, 100]]]);
    // Once added, the preview shows the saved penalty and estimates no more.
    const after = await estimate(consumers.arrears);
    expect(after.Demands[1].demandDetails.map((x: any) => [x.taxHeadMasterCode, x.id === null])).toEqual([['10101', false], ['WS_TIME_PENALTY', false]]);
    expect(after.totalApplicablePenalty).toBe(40);
    expect((await estimate(consumers.advance)).totalApplicablePenalty).toBe(0);
  });

  it('aggregate dues equal the figures worked out by hand', async () => {
    expect(await dues(consumers.arrears)).toMatchObject({
      currentmonthBill: 100,
      currentMonthPenalty: 40,
      currentmonthTotalDue: 140,
      totalAreas: 250,
      totalAreasWithPenalty: 250,
      advanceAvailable: 0,
      advanceAdjusted: 0,
      remainingAdvance: 0,
      netdue: 350,
      netDueWithPenalty: 390,
    });
    // Advance is a credit: negative, as DIGIT answers it.
    expect(await dues(consumers.advance)).toMatchObject({ currentmonthBill: 0, totalAreas: 0, advanceAvailable: -150, advanceAdjusted: -100, remainingAdvance: -50, netdue: -50, netDueWithPenalty: -50 });
    expect(await dues(consumers.metered)).toMatchObject({ currentmonthBill: 160, currentMonthPenalty: 20, currentmonthTotalDue: 180, totalAreas: 0, netDueWithPenalty: 180 });
    const register = (await post(`/ws-services/wc/_search?tenantId=${GP}&sortBy=collectionPendingAmount&sortOrder=DESC`, {})).body.WaterConnection as any[];
    expect(register.map((w) => [w.connectionNo, w.additionalDetails.collectionPendingAmount])).toEqual([
      [consumers.arrears.connectionNo, '390'],
      [consumers.metered.connectionNo, '180'],
      [consumers.advance.connectionNo, '-50'],
    ]);
  });

  it('deactivating a consumer cancels its unpaid demands', async () => {
    const [current] = (await post(`/ws-services/wc/_search?tenantId=${GP}&connectionNumber=${encodeURIComponent(consumers.arrears.connectionNo)}`, {})).body.WaterConnection;
    const res = await post('/ws-services/wc/_update', { WaterConnection: { ...current, processInstance: { action: 'DEACTIVATE' } } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.WaterConnection[0].status).toBe('Inactive');
    expect(await ledger(consumers.arrears)).toEqual([]);
    expect((await ledger(consumers.arrears, 'CANCELLED')).map(([type]) => type)).toEqual(['waterConnection-arrears', 'waterConnection']);
    expect((await dues(consumers.arrears)).netDueWithPenalty).toBe(0);
    // The payment stays as it was.
    const payments = (await post(`/collection-services/payments/_search?tenantId=${GP}&consumerCodes=${encodeURIComponent(consumers.arrears.connectionNo)}`, {}, collector)).body.Payments;
    expect(payments.map((p: any) => [p.totalAmountPaid, p.paymentStatus])).toEqual([[250, 'NEW']]);
    // The others are untouched.
    expect(await ledger(consumers.metered)).toHaveLength(1);
  });
});
