import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../engine/clock/index.ts';
import { backends, definitionsWith, freshDatabase, requestInfo, TestServer } from './harness.ts';

/**
 * The figures of `/billing-service/demand/_getAggregateDemandDetails` against what DIGIT's
 * billing-service answers (DemandService.getAllDemands), over HTTP on the shipped definitions.
 * Every expected figure is derived by hand, in the comments, from the demand lines the steps make
 * (themselves derived from ws-calculator's rules) and from getAllDemands:
 *
 * - only lines with taxAmount ≠ collectionAmount are read; a demand with none is left out;
 * - current = the latest (taxPeriodFrom) demand left; the others are "remaining";
 * - currentmonthBill / currentmonthRoundOff / currentMonthPenalty = current's open 10101 /
 *   WS_Round_Off / WS_TIME_PENALTY; currentmonthTotalDue = their sum;
 * - totalAreas = remaining's open 10102 + 10201 + 10101 + WS_Round_Off (the legacy penalty 10201
 *   inside); totalAreasRoundOff = remaining's WS_Round_Off; totalAreasWithPenalty = totalAreas +
 *   remaining's WS_TIME_PENALTY;
 * - advanceAvailable / advanceAdjusted = Σ taxAmount / collectionAmount of the open
 *   WS_ADVANCE_CARRYFORWARD lines (negative); remainingAdvance = their difference;
 * - netdue = currentmonthBill + totalAreas + remainingAdvance + currentmonthRoundOff;
 *   netDueWithPenalty = currentmonthTotalDue + totalAreasWithPenalty + remainingAdvance;
 * - totalApplicablePenalty (when current has no penalty) = rate% of currentmonthBill, half up;
 *   latestDemandCreatedTime / latestDemandPenaltyCreatedtime = the createdTime of the 10101 /
 *   WS_TIME_PENALTY line of the latest demand having a 10101 line, else 0.
 *
 * Where DIGIT is plainly wrong Seva does the sane thing (docs/water.md, "Where Seva differs from
 * DIGIT"), and the comment says so: a FLAT penalty master crashes DIGIT's totalApplicablePenalty,
 * and DIGIT previews a FIXED penalty on the month's bill whatever its subType.
 *
 * Masters: Lodhipur non-metered 100 a month, penalty FLAT outstanding 20 per demand still owing a
 * charge, more than 15 days after the demand; Bhadson (the state's) metered 50 + 10 units × 2 +
 * 10 × 2.5 + the rest × 3.25, penalty FIXED currentMonth 10% more than 10 days after the demand.
 */
const IST = 5.5 * 3600_000;
const ist = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h, min) - IST;
const SEP = String(ist(2026, 9, 1));
const OCT = String(ist(2026, 10, 1));

type Lines = [string, number, number][];
const linesOf = (details: any[]): Lines => details.map((x) => [x.taxHeadMasterCode, x.taxAmount, x.collectionAmount]);

function digitWater(backend: 'pglite' | 'postgres', definitionsDir = 'definitions') {
  const clock = new ManualClock(ist(2026, 11, 1, 9));
  const ctx = {} as { server: TestServer; db: Awaited<ReturnType<typeof freshDatabase>>; token: string; clock: ManualClock };
  ctx.clock = clock;
  beforeAll(async () => {
    ctx.db = await freshDatabase(backend);
    ctx.server = await TestServer.start({ database: ctx.db.config, clock, definitionsDir });
    ctx.token = await ctx.server.token('admin', 'admin-secret-1', 'pb');
  });
  afterAll(async () => {
    await ctx.server?.stop();
    await ctx.db?.drop();
  });
  const post = async (path: string, body: Record<string, unknown> = {}) => {
    const res = await ctx.server.post(path, { RequestInfo: requestInfo(ctx.token), ...body });
    expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200);
    return res.body;
  };
  const api = {
    ctx,
    post,
    /** Sign in again: a token lives 7 days, and the clock moves further than that. */
    relogin: async () => void (ctx.token = await ctx.server.token('admin', 'admin-secret-1', 'pb')),
    connection: async (tenantId: string, extra: Record<string, unknown>) =>
      (
        await post('/ws-services/wc/_create', {
          WaterConnection: {
            tenantId,
            connectionType: 'Non_Metered',
            propertyType: 'RESIDENTIAL',
            connectionHolders: [{ name: 'Consumer', mobileNumber: '9800000001' }],
            previousReadingDate: ist(2026, 10, 1),
            processInstance: { action: 'SUBMIT' },
            ...extra,
          },
        })
      ).WaterConnection[0],
    bulkDemand: (tenantId: string) => post('/ws-calculator/waterCalculator/_bulkDemand', { tenantId, billingPeriod: '01/10/2026 - 31/10/2026' }),
    ledger: async (c: any) =>
      ((await post(`/billing-service/demand/_search?tenantId=${c.tenantId}&businessService=WS&consumerCode=${encodeURIComponent(c.connectionNo)}`)).Demands as any[]).map((d) => [
        d.consumerType,
        linesOf(d.demandDetails),
      ]),
    dues: (c: any) => post(`/billing-service/demand/_getAggregateDemandDetails?tenantId=${c.tenantId}&consumerCode=${encodeURIComponent(c.connectionNo)}&businessService=WS`),
    bill: async (c: any) => (await post(`/billing-service/bill/v2/_fetchbill?tenantId=${c.tenantId}&consumerCode=${encodeURIComponent(c.connectionNo)}&businessService=WS`)).Bill[0],
  };
  return api;
}

/** The figures, without mapOfDemandDetailList and the times (checked on their own). */
const figures = (dues: any) => {
  const { mapOfDemandDetailList, latestDemandCreatedTime, latestDemandPenaltyCreatedtime, ResponseInfo, ...rest } = dues;
  return rest;
};
const detailMap = (dues: any) => (dues.mapOfDemandDetailList as Record<string, any[]>[]).map((m) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, linesOf(v)])));

describe.each(backends())('aggregate dues equal DIGIT billing-service figures (%s)', (backend) => {
  const w = digitWater(backend);
  const { ctx } = w;
  const c = {} as Record<'arrears' | 'advance' | 'metered', any>;
  const T1 = ist(2026, 11, 1, 10);
  const T2 = ist(2026, 11, 1, 11);

  it('rounds every demand the water service makes with WS_Round_Off: opening arrears and advance too', async () => {
    c.arrears = await w.connection('pb.lodhipur', { paymentType: 'arrears', arrears: 450.4, penalty: 200 });
    c.advance = await w.connection('pb.lodhipur', { paymentType: 'advance', advance: 150.4 });
    c.metered = await w.connection('pb.bhadson', { connectionType: 'Metered', meterId: 'M-1', additionalDetails: { initialMeterReading: 0 } });
    ctx.clock.set(T1);
    expect((await w.bulkDemand('pb.lodhipur')).run).toMatchObject({ status: 'SUCCEEDED', created: 2 });
    ctx.clock.set(T2);
    await w.post('/ws-calculator/meterConnection/_create', {
      meterReadings: { tenantId: 'pb.bhadson', connectionNo: c.metered.connectionNo, billingPeriod: '01/10/2026 - 31/10/2026', meterStatus: 'Working', currentReading: 25, currentReadingDate: ist(2026, 11, 1) },
    });
    // ws-calculator's addRoundOffTaxHead over every line: 450.40 + 200 = 650.40 → −0.40 (DIGIT bills 650).
    expect(await w.ledger(c.arrears)).toEqual([
      ['waterConnection-arrears', [['10102', 450.4, 0], ['10201', 200, 0], ['WS_Round_Off', -0.4, 0]]],
      ['waterConnection', [['10101', 100, 0]]],
    ]);
    // −150.40 → +0.40: the advance is 150 (Seva settles that round-off against the advance at once;
    // October's 100 then takes 100 more of it).
    expect(await w.ledger(c.advance)).toEqual([
      ['waterConnection-advance', [['WS_ADVANCE_CARRYFORWARD', -150.4, -100.4], ['WS_Round_Off', 0.4, 0.4]]],
      ['waterConnection', [['10101', 100, 100]]],
    ]);
    // 25 units: 50 + 10 × 2 + 10 × 2.5 + 5 × 3.25 = 111.25 → −0.25.
    expect(await w.ledger(c.metered)).toEqual([['waterConnection', [['10101', 111.25, 0], ['WS_Round_Off', -0.25, 0]]]]);
    expect((await w.bill(c.arrears)).totalAmount).toBe(750);
  });

  it('opening arrears: their legacy penalty (10201) and round-off are arrears, inside totalAreas and netdue', async () => {
    ctx.clock.set(ist(2026, 11, 5, 10));
    const dues = await w.dues(c.arrears);
    // current = October (10101 100); remaining = September's 10102 450.40 + 10201 200 + WS_Round_Off −0.40.
    expect(figures(dues)).toEqual({
      advanceAvailable: 0,
      advanceAdjusted: 0,
      remainingAdvance: 0,
      currentmonthBill: 100,
      currentMonthPenalty: 0,
      currentmonthTotalDue: 100, // 100 + 0 + 0
      currentmonthRoundOff: 0,
      totalAreas: 650, // 450.40 + 200 − 0.40
      totalAreasWithPenalty: 650, // + no WS_TIME_PENALTY
      totalAreasRoundOff: -0.4,
      netdue: 750, // 100 + 650 + 0 + 0
      netDueWithPenalty: 750, // 100 + 650 + 0
      // DIGIT reads Lodhipur's FLAT master's absent rate and fails; Seva previews what its penalty
      // rule will add: FLAT outstanding, 20 for each of the two demands owing a charge.
      totalApplicablePenalty: 40,
    });
    expect([dues.latestDemandCreatedTime, dues.latestDemandPenaltyCreatedtime]).toEqual([T1, 0]);
    expect(detailMap(dues)).toEqual([{ [OCT]: [['10101', 100, 0]] }, { [SEP]: [['10102', 450.4, 0], ['10201', 200, 0], ['WS_Round_Off', -0.4, 0]] }]);
  });

  it('advance: negative figures, and a month the advance paid is no longer current', async () => {
    const dues = await w.dues(c.advance);
    // October's demand is settled (100 of 100): not read. The one open line: the advance, −150.40
    // of which −100.40 used (its own round-off and October's charge); its round-off line is settled.
    expect(figures(dues)).toEqual({
      advanceAvailable: -150.4,
      advanceAdjusted: -100.4,
      remainingAdvance: -50, // −150.40 − (−100.40)
      currentmonthBill: 0,
      currentMonthPenalty: 0,
      currentmonthTotalDue: 0,
      currentmonthRoundOff: 0,
      totalAreas: 0,
      totalAreasWithPenalty: 0,
      totalAreasRoundOff: 0,
      netdue: -50, // 0 + 0 − 50 + 0
      netDueWithPenalty: -50,
      totalApplicablePenalty: 0, // no current month
    });
    // The latest demand with a 10101 line is October's, settled or not.
    expect([dues.latestDemandCreatedTime, dues.latestDemandPenaltyCreatedtime]).toEqual([T1, 0]);
    expect(detailMap(dues)).toEqual([{ [SEP]: [['WS_ADVANCE_CARRYFORWARD', -150.4, -100.4]] }]);
  });

  it("a metered month with paise: the round-off is the month's, and 10% of the month's bill is previewed", async () => {
    const dues = await w.dues(c.metered);
    expect(figures(dues)).toEqual({
      advanceAvailable: 0,
      advanceAdjusted: 0,
      remainingAdvance: 0,
      currentmonthBill: 111.25,
      currentMonthPenalty: 0,
      currentmonthTotalDue: 111, // 111.25 + 0 − 0.25
      currentmonthRoundOff: -0.25,
      totalAreas: 0,
      totalAreasWithPenalty: 0,
      totalAreasRoundOff: 0,
      netdue: 111, // 111.25 + 0 + 0 − 0.25
      netDueWithPenalty: 111,
      totalApplicablePenalty: 11, // 111.25 × 10 / 100 = 11.125, half up
    });
    expect([dues.latestDemandCreatedTime, dues.latestDemandPenaltyCreatedtime]).toEqual([T2, 0]);
  });

  it('FIXED currentMonth: 10% of the 10101 still owed, added only once more than 10 days have passed; then nothing is previewed', async () => {
    await w.relogin();
    ctx.clock.set(ist(2026, 11, 11, 10, 59)); // 9 days 23 hours 59 minutes after the reading's demand
    expect((await ctx.server.seva.jobs.run('ws-penalty')).counts).toMatchObject({ adjusted: 0 });
    const T5 = ist(2026, 11, 11, 11, 1);
    ctx.clock.set(T5);
    // Making the bill adds the penalty first: 11.125 → 11 (the round-off is not part of the base).
    expect((await w.bill(c.metered)).totalAmount).toBe(122);
    expect(await w.ledger(c.metered)).toEqual([['waterConnection', [['10101', 111.25, 0], ['WS_Round_Off', -0.25, 0], ['WS_TIME_PENALTY', 11, 0]]]]);
    const dues = await w.dues(c.metered);
    expect(figures(dues)).toMatchObject({ currentmonthBill: 111.25, currentMonthPenalty: 11, currentmonthRoundOff: -0.25, currentmonthTotalDue: 122, netdue: 111, netDueWithPenalty: 122, totalApplicablePenalty: 0 });
    expect([dues.latestDemandCreatedTime, dues.latestDemandPenaltyCreatedtime]).toEqual([T2, T5]);
  });

  it('FLAT outstanding: 20 for each demand owing a charge, after 15 days; a part payment leaves only open lines', async () => {
    ctx.clock.set(ist(2026, 11, 17, 10));
    await w.relogin();
    expect((await ctx.server.seva.jobs.run('ws-penalty')).counts).toMatchObject({ adjusted: 1 });
    // September's arrears and October's charge both owe: 2 × 20, on October (the latest).
    expect((await w.ledger(c.arrears))[1]).toEqual(['waterConnection', [['10101', 100, 0], ['WS_TIME_PENALTY', 40, 0]]]);
    expect(figures(await w.dues(c.arrears))).toMatchObject({ currentmonthBill: 100, currentMonthPenalty: 40, currentmonthTotalDue: 140, totalAreas: 650, netdue: 750, netDueWithPenalty: 790, totalApplicablePenalty: 0 });

    // 300 in cash, oldest period first, penalties before charges: the −0.40 round-off is drawn on,
    // September's 10201 takes 200, its 10102 the other 100.40 (350 of it left open).
    const bill = await w.bill(c.arrears);
    expect(bill.totalAmount).toBe(790);
    await w.post('/collection-services/payments/_create', {
      Payment: { tenantId: 'pb.lodhipur', paymentMode: 'CASH', paidBy: 'Consumer', mobileNumber: '9800000001', totalAmountPaid: 300, paymentDetails: [{ businessService: 'WS', billId: bill.id, totalAmountPaid: 300 }] },
    });
    const dues = await w.dues(c.arrears);
    expect(figures(dues)).toEqual({
      advanceAvailable: 0,
      advanceAdjusted: 0,
      remainingAdvance: 0,
      currentmonthBill: 100,
      currentMonthPenalty: 40,
      currentmonthTotalDue: 140,
      currentmonthRoundOff: 0,
      totalAreas: 350, // 450.40 − 100.40; the paid 10201 and round-off lines are not read
      totalAreasWithPenalty: 350,
      totalAreasRoundOff: 0,
      netdue: 450, // 100 + 350
      netDueWithPenalty: 490, // 140 + 350
      totalApplicablePenalty: 0,
    });
    expect(detailMap(dues)).toEqual([{ [OCT]: [['10101', 100, 0], ['WS_TIME_PENALTY', 40, 0]] }, { [SEP]: [['10102', 450.4, 100.4]] }]);
  });
});

describe('aggregate dues and penalty with a FIXED outstanding master', () => {
  // The state's penalty (Bhadson's) made FIXED on the outstanding: ws-calculator's base is every
  // charge (10101, 10102, 10201) and penalty the consumer still owes.
  const dir = definitionsWith('definitions', [
    { file: 'mdms/data/pb/ws-services-calculation/Penalty.yaml', replace: '{ type: FIXED, subType: currentMonth, rate: 10,', with: '{ type: FIXED, subType: outstanding, rate: 10,' },
  ]);
  const w = digitWater(backends()[0]!, dir);

  it('previews and then adds 10% of all that is owed', async () => {
    const c = await w.connection('pb.bhadson', { paymentType: 'arrears', arrears: 300, penalty: 20 });
    w.ctx.clock.set(ist(2026, 11, 1, 10));
    await w.bulkDemand('pb.bhadson');
    // 300 + 20 + October's 100 = 420 → 42. (DIGIT previews 10% of the month's bill, 10, whatever
    // the subType; Seva previews what it will add.)
    expect(figures(await w.dues(c))).toMatchObject({ currentmonthBill: 100, totalAreas: 320, netdue: 420, totalApplicablePenalty: 42 });
    w.ctx.clock.set(ist(2026, 11, 12, 10));
    await w.relogin();
    expect((await w.bill(c)).totalAmount).toBe(462);
    expect(figures(await w.dues(c))).toMatchObject({ currentMonthPenalty: 42, currentmonthTotalDue: 142, netDueWithPenalty: 462, totalApplicablePenalty: 0 });
  });
});
