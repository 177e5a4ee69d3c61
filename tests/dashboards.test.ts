import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../engine/clock/index.ts';
import { backends, freshDatabase, requestInfo, TestServer } from './harness.ts';

/**
 * The GP dashboards and monthly tables over HTTP, on the shipped definitions, for two GPs with
 * water consumers (opening arrears and advance, two bulk demands, payments, penalties) and
 * expenses. Every figure is checked against a sum worked out here, in TypeScript, from the
 * demands, payments and expenses the test made (read back through their own search APIs), so the
 * SQL the aggregate definitions compile to is checked by a second, independent computation.
 */
const GPS = ['pb.lodhipur', 'pb.bhadson'] as const;
type Gp = (typeof GPS)[number];
const IST = 5.5 * 3600_000;
const ist = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d, h) - IST;
const FY = { from: ist(2026, 4, 1), to: ist(2027, 4, 1) - 1 };
const NOV = { from: ist(2026, 11, 1), to: ist(2026, 12, 1) - 1 };

const CHARGES = ['10101', 'WS_Round_Off'];
const OWED = [...CHARGES, '10102', '10201', 'WS_TIME_PENALTY'];
const PENALTY = ['10201', 'WS_TIME_PENALTY'];
const ADVANCE = 'WS_ADVANCE_CARRYFORWARD';
const total = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) * 100) / 100;
const whole = (n: number) => String(Math.round(n));
const neg = (n: number) => (n === 0 ? 0 : -n);

describe.each(backends())('GP dashboards (%s)', (backend) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let server: TestServer;
  const clock = new ManualClock(ist(2026, 11, 21, 10));
  const tokens = {} as Record<Gp, string>;
  const login = async () => {
    for (const gp of GPS) tokens[gp] = await server.token(`${gp}-admin`, 'pass-word-1', 'pb');
  };
  const post = async (gp: Gp, path: string, body: Record<string, unknown> = {}) => {
    const res = await server.post(path, { RequestInfo: requestInfo(tokens[gp]), ...body });
    expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200);
    return res.body;
  };
  const connections = {} as Record<Gp, any[]>;
  const challans = {} as Record<Gp, any[]>;

  /** What the GP's records say, read back through the services' own searches. */
  const recordsOf = async (gp: Gp) => {
    const demands = (await post(gp, `/billing-service/demand/_search?tenantId=${gp}&businessService=WS&status=ACTIVE,CANCELLED&limit=1000`)).Demands as any[];
    const payments = (await post(gp, `/collection-services/payments/_search?tenantId=${gp}&businessServices=WS&limit=1000`)).Payments as any[];
    const wc = (await post(gp, `/ws-services/wc/_search?tenantId=${gp}&limit=100`)).WaterConnection as any[];
    const expenses = (await post(gp, `/echallan-services/eChallan/v1/_search?tenantId=${gp}&limit=500`)).challans as any[];
    const details = demands.filter((d) => d.status === 'ACTIVE').flatMap((d) => d.demandDetails.map((x: any) => ({ ...x, from: d.taxPeriodFrom })));
    const receipts = payments.filter((p) => p.paymentStatus !== 'CANCELLED').flatMap((p) => p.paymentDetails.map((r: any) => ({ ...r, consumerCode: r.bill.consumerCode, date: p.transactionDate })));
    return { details, receipts, wc, expenses };
  };

  /** The revenue figures for [from, to], by the definitions' meaning, summed here. */
  const revenueOf = async (gp: Gp, from: number, to: number) => {
    const { details, receipts, wc } = await recordsOf(gp);
    const heads = (hs: string[], inRange: (x: any) => boolean) => details.filter((x) => hs.includes(x.taxHeadMasterCode) && inRange(x));
    const within = (x: any) => x.from >= from && x.from <= to;
    const paid = receipts.filter((r) => r.date >= from && r.date <= to);
    const typeOf = new Map(wc.map((c) => [c.connectionNo, c.propertyType]));
    const paidBy = (type?: string) => new Set(paid.filter((r) => type === undefined || typeOf.get(r.consumerCode) === type).map((r) => r.consumerCode)).size;
    const active = (type?: string) => wc.filter((c) => c.status === 'Active' && (type === undefined || c.propertyType === type)).length;
    const collected = (type: string) => total(paid.filter((r) => typeOf.get(r.consumerCode) === type).map((r) => r.totalAmountPaid));
    const advance = heads([ADVANCE], within);
    return {
      demand: whole(total(heads(CHARGES, within).map((x) => x.taxAmount))),
      pendingCollection: whole(total(heads(OWED, within).map((x) => x.taxAmount - x.collectionAmount))),
      actualCollection: whole(total(paid.map((r) => r.totalAmountPaid))),
      arrears: whole(total(heads(OWED, (x) => x.from < from).map((x) => x.taxAmount - x.collectionAmount))),
      advanceAdjusted: whole(-total(advance.map((x) => x.collectionAmount))),
      advanceCollection: whole(-total(advance.map((x) => x.taxAmount))),
      pendingPenalty: whole(total(heads(PENALTY, within).map((x) => x.taxAmount - x.collectionAmount))),
      penaltyCollection: whole(total(heads(PENALTY, within).map((x) => x.collectionAmount))),
      residetialColllection: whole(collected('RESIDENTIAL')),
      comercialCollection: whole(collected('COMMERCIAL')),
      othersCollection: whole(total(paid.map((r) => r.totalAmountPaid)) - collected('RESIDENTIAL') - collected('COMMERCIAL')),
      residentialsCount: { paid: paidBy('RESIDENTIAL'), pending: active('RESIDENTIAL') - paidBy('RESIDENTIAL') },
      comercialsCount: { paid: paidBy('COMMERCIAL'), pending: active('COMMERCIAL') - paidBy('COMMERCIAL') },
      totalApplicationsCount: { paid: paidBy(), pending: active() - paidBy() },
    };
  };

  const expensesOf = async (gp: Gp, from: number, to: number) => {
    const { expenses } = await recordsOf(gp);
    const billed = expenses.filter((e) => e.applicationStatus !== 'CANCELLED' && e.billDate >= from && e.billDate <= to);
    const sumOf = (xs: any[]) => String(total(xs.map((e) => e.totalAmount)));
    const byType = (t: string) => billed.filter((e) => e.typeOfExpense === t);
    const paid = billed.filter((e) => e.applicationStatus === 'PAID');
    const unpaid = billed.filter((e) => e.applicationStatus === 'ACTIVE');
    return {
      totalExpenditure: sumOf(billed),
      amountPaid: sumOf(paid),
      amountUnpaid: sumOf(unpaid),
      totalBills: String(billed.length),
      billsPaid: String(paid.length),
      pendingBills: String(unpaid.length),
      electricityBill: sumOf(byType('ELECTRICITY_BILL')),
      salary: sumOf(byType('SALARY')),
      OMMisc: sumOf(billed.filter((e) => !['ELECTRICITY_BILL', 'SALARY'].includes(e.typeOfExpense))),
      expenseByType: Object.fromEntries([...new Set(billed.map((e) => e.typeOfExpense))].map((t) => [t, total(byType(t).map((e) => e.totalAmount))])),
    };
  };

  const dashboard = async (gp: Gp, path: string, range: { from: number; to: number }) => post(gp, `${path}?tenantId=${gp}&fromDate=${range.from}&toDate=${range.to}`);

  beforeAll(async () => {
    db = await freshDatabase(backend);
    server = await TestServer.start({ database: db.config, clock });
    for (const gp of GPS) {
      await server.staffToken(`${gp}-admin`, [
        { code: 'GP_ADMIN', tenantId: gp },
        { code: 'BULK_DEMAND_PROCESSING', tenantId: gp },
        { code: 'COLLECTION_OPERATOR', tenantId: gp },
        { code: 'EXPENSE_PROCESSING', tenantId: gp },
        { code: 'DASHBOARD_VIEWER', tenantId: gp },
      ]);
    }
    await login();
    const holder = (name: string, mobile: string) => [{ name, mobileNumber: mobile }];
    const base = (gp: Gp, name: string, mobile: string, extra: Record<string, unknown>) => ({
      tenantId: gp,
      connectionType: 'Non_Metered',
      propertyType: 'RESIDENTIAL',
      connectionHolders: holder(name, mobile),
      previousReadingDate: ist(2026, 8, 1),
      processInstance: { action: 'SUBMIT' },
      ...extra,
    });
    connections['pb.lodhipur'] = (
      await post('pb.lodhipur', '/ws-services/wc/_create', {
        WaterConnection: [
          base('pb.lodhipur', 'Gurpreet Singh', '9800000001', { paymentType: 'arrears', arrears: 450, penalty: 50 }),
          base('pb.lodhipur', 'Manjit Kaur', '9800000002', { paymentType: 'advance', advance: 150 }),
          base('pb.lodhipur', 'Lodhipur Dhaba', '9800000003', { propertyType: 'COMMERCIAL' }),
          base('pb.lodhipur', 'Kulwant Rai', '9800000004', { oldConnectionNo: 'OLD-7' }),
        ],
      })
    ).WaterConnection;
    connections['pb.bhadson'] = (
      await post('pb.bhadson', '/ws-services/wc/_create', {
        WaterConnection: [
          base('pb.bhadson', 'Amarjit Kaur', '9800000011', { paymentType: 'arrears', arrears: 700 }),
          base('pb.bhadson', 'Bhadson Store', '9800000012', { propertyType: 'COMMERCIAL' }),
        ],
      })
    ).WaterConnection;
    for (const gp of GPS) {
      for (const period of ['01/09/2026 - 30/09/2026', '01/10/2026 - 31/10/2026']) {
        const run = await post(gp, '/ws-calculator/waterCalculator/_bulkDemand', { tenantId: gp, billingPeriod: period });
        expect(run.run.status).toBe('SUCCEEDED');
      }
    }
    const pay = async (gp: Gp, connectionNo: string, amount: number, date: number) => {
      const bill = (await post(gp, `/billing-service/bill/v2/_fetchbill?tenantId=${gp}&consumerCode=${encodeURIComponent(connectionNo)}&businessService=WS`)).Bill[0];
      return (await post(gp, '/collection-services/payments/_create', { Payment: { tenantId: gp, paymentMode: 'CASH', paidBy: 'self', totalAmountPaid: amount, transactionDate: date, paymentDetails: [{ businessService: 'WS', billId: bill.id, totalAmountPaid: amount }] } })).Payments[0];
    };
    const [gurpreet, , dhaba, kulwant] = connections['pb.lodhipur'];
    await pay('pb.lodhipur', gurpreet.connectionNo, 250, ist(2026, 10, 5));
    await pay('pb.lodhipur', dhaba.connectionNo, 300, ist(2026, 11, 2));
    await pay('pb.lodhipur', kulwant.connectionNo, 250, ist(2026, 11, 3)); // 50 more than owed: an advance
    await pay('pb.bhadson', connections['pb.bhadson'][0].connectionNo, 100, ist(2026, 11, 3));
    // The INACTIVE consumer: deactivated with its unpaid demands cancelled.
    const vendors = {} as Record<Gp, any>;
    for (const gp of GPS) {
      vendors[gp] = (await post(gp, '/vendor/v1/_create', { vendor: { tenantId: gp, name: `PSPCL ${gp}`, owner: { name: 'SDO', mobileNumber: '9811100001' } } })).vendor[0];
    }
    const expense = async (gp: Gp, type: string, amount: number, billDate: number, paidDate?: number) =>
      (
        await post(gp, '/echallan-services/eChallan/v1/_create', {
          Challan: { tenantId: gp, typeOfExpense: type, vendor: vendors[gp].id, billDate, amount: [{ taxHeadCode: `EXPENSE.${type}`, amount }], ...(paidDate ? { isBillPaid: true, paidDate } : {}) },
        })
      ).challans[0];
    challans['pb.lodhipur'] = [
      await expense('pb.lodhipur', 'ELECTRICITY_BILL', 1250.5, ist(2026, 11, 10)),
      await expense('pb.lodhipur', 'MACHINERY_REPAIR', 800, ist(2026, 11, 11), ist(2026, 11, 12)),
      await expense('pb.lodhipur', 'SALARY', 3000, ist(2026, 10, 31), ist(2026, 11, 1)),
    ];
    challans['pb.bhadson'] = [await expense('pb.bhadson', 'ELECTRICITY_BILL', 999, ist(2026, 11, 2), ist(2026, 11, 3))];
    // A consumer that left in November: its unpaid demands are cancelled.
    const [leaving] = (
      await post('pb.lodhipur', '/ws-services/wc/_create', { WaterConnection: [base('pb.lodhipur', 'Sohan Lal', '9800000005', { previousReadingDate: ist(2026, 11, 1) })] })
    ).WaterConnection;
    clock.set(ist(2026, 11, 25, 10));
    await post('pb.lodhipur', '/ws-services/wc/_update', { WaterConnection: { ...leaving, processInstance: { action: 'DEACTIVATE' } } });
    // A fortnight on, the penalty job charges the latest unpaid demands.
    clock.set(ist(2026, 12, 7, 3));
    await login();
    expect((await server.seva.jobs.run('ws-penalty')).status).toBe('succeeded');
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('the revenue dashboard of each GP equals its own records, for the year and for November', async () => {
    for (const gp of GPS) {
      for (const range of [FY, NOV]) {
        const answer = await dashboard(gp, '/ws-services/wc/_revenueDashboard', range);
        expect(answer.RevenueDashboard, `${gp} ${range.from}`).toEqual(await revenueOf(gp, range.from, range.to));
      }
    }
    // Figures worked out by hand. Lodhipur charged 100 × 3 + 300 for two months and took 250 + 300 +
    // 250 in cash; advance was 150 at opening plus 50 over-paid, the 150 used by the month's charges.
    expect((await dashboard('pb.lodhipur', '/ws-services/wc/_revenueDashboard', FY)).RevenueDashboard).toMatchObject({
      demand: '1200',
      actualCollection: '800',
      comercialCollection: '300',
      residetialColllection: '500',
      advanceCollection: '200',
      advanceAdjusted: '150',
      totalApplicationsCount: { paid: 3, pending: 1 },
    });
    // Bhadson: 100 + 250 for two months at the state's rates.
    expect((await dashboard('pb.bhadson', '/ws-services/wc/_revenueDashboard', FY)).RevenueDashboard).toMatchObject({ demand: '700', actualCollection: '100', residentialsCount: { paid: 1, pending: 0 } });
  });

  it('the expense dashboard of each GP equals its own expenses; cancelling a paid one moves it back', async () => {
    for (const gp of GPS) {
      for (const range of [FY, NOV]) {
        const answer = await dashboard(gp, '/echallan-services/eChallan/v1/_expenseDashboard', range);
        expect({ ...answer.ExpenseDashboard, expenseByType: answer.expenseByType }, `${gp} ${range.from}`).toEqual(await expensesOf(gp, range.from, range.to));
        // The app makes a string metric of every ExpenseDashboard value.
        for (const value of Object.values(answer.ExpenseDashboard)) expect(typeof value).toBe('string');
      }
    }
    const before = (await dashboard('pb.lodhipur', '/echallan-services/eChallan/v1/_expenseDashboard', FY)).ExpenseDashboard;
    expect(before).toMatchObject({ totalExpenditure: '5050.5', amountPaid: '3800', amountUnpaid: '1250.5', billsPaid: '2', OMMisc: '800' });
    const machinery = challans['pb.lodhipur'][1];
    const cancelled = await post('pb.lodhipur', '/echallan-services/eChallan/v1/_update', { Challan: { ...machinery, applicationStatus: 'CANCELLED' } });
    expect(cancelled.challans[0].applicationStatus).toBe('CANCELLED');
    const payments = (await post('pb.lodhipur', `/collection-services/payments/_search?tenantId=pb.lodhipur&consumerCodes=${machinery.challanNo}`)).Payments;
    expect(payments.map((p: any) => p.paymentStatus)).toEqual(['CANCELLED']);
    const afterAnswer = await dashboard('pb.lodhipur', '/echallan-services/eChallan/v1/_expenseDashboard', FY);
    const after = afterAnswer.ExpenseDashboard;
    expect(after).toMatchObject({ totalExpenditure: '4250.5', amountPaid: '3000', billsPaid: '1', totalBills: '2', OMMisc: '0' });
    expect({ ...after, expenseByType: afterAnswer.expenseByType }).toEqual(await expensesOf('pb.lodhipur', FY.from, FY.to));
    // Bhadson's figures did not move.
    expect((await dashboard('pb.bhadson', '/echallan-services/eChallan/v1/_expenseDashboard', FY)).ExpenseDashboard).toMatchObject({ totalExpenditure: '999', amountPaid: '999' });
  });

  it('the monthly tables have a row per month of the year, each equal to that month alone', async () => {
    for (const gp of GPS) {
      const revenue = (await dashboard(gp, '/ws-services/wc/_revenueCollectionData', FY)).RevenueCollectionData as any[];
      const spent = (await dashboard(gp, '/echallan-services/eChallan/v1/_chalanCollectionData', FY)).ChallanCollectionData as any[];
      expect(revenue).toHaveLength(12);
      expect(spent).toHaveLength(12);
      for (let m = 0; m < 12; m++) {
        const from = ist(2026, 4 + m, 1);
        const to = ist(2026, 5 + m, 1) - 1;
        const expected = await revenueOf(gp, from, to);
        expect(revenue[m], `${gp} month ${m}`).toEqual({
          month: from,
          demand: expected.demand,
          pendingCollection: expected.pendingCollection,
          arrears: expected.arrears,
          actualCollection: expected.actualCollection,
          advanceAdjusted: expected.advanceAdjusted,
          advanceCollection: expected.advanceCollection,
          pendingPenalty: expected.pendingPenalty,
          penaltyCollection: expected.penaltyCollection,
        });
        const e = await expensesOf(gp, from, to);
        expect(spent[m]).toEqual({ month: from, totalExpenditure: e.totalExpenditure, amountPaid: e.amountPaid, amountUnpaid: e.amountUnpaid });
      }
    }
  });

  const detailsOf = async (gp: Gp, consumerCode: string) =>
    ((await post(gp, `/billing-service/demand/_search?tenantId=${gp}&businessService=WS&consumerCode=${encodeURIComponent(consumerCode)}&status=ACTIVE`)).Demands as any[]).flatMap((d) =>
      d.demandDetails.map((x: any) => ({ ...x, from: d.taxPeriodFrom, createdTime: d.auditDetails.createdTime, consumerType: d.consumerType })),
    );
  const receiptsOf = async (gp: Gp, consumerCode: string) =>
    ((await post(gp, `/collection-services/payments/_search?tenantId=${gp}&consumerCodes=${encodeURIComponent(consumerCode)}&businessServices=WS`)).Payments as any[])
      .filter((p) => p.paymentStatus !== 'CANCELLED')
      .map((p) => ({ amount: p.totalAmountPaid, date: p.transactionDate, mode: p.paymentMode, receipt: p.paymentDetails[0].receiptNumber, totalDue: p.totalDue }));
  const sumWhere = (xs: any[], keep: (x: any) => boolean, value: (x: any) => number) => total(xs.filter(keep).map(value));

  /**
   * A consumer's ledger as DIGIT's ws-services works it out (LedgerReportRowMapper, chronological
   * order), from the consumer's demands and receipts: each month's bill is its water charge's demand;
   * what was owed before it is what earlier bills asked (an advance a payment left aside) less what
   * was paid before the bill was made; its payments run from then until the next bill is made.
   */
  const ledgerOf = async (gp: Gp, consumerCode: string, months: number[], dueDays: number) => {
    const details = await detailsOf(gp, consumerCode);
    const receipts = await receiptsOf(gp, consumerCode);
    const connection = connections[gp].find((c) => c.connectionNo === consumerCode);
    const DAY = 86_400_000;
    const rows = months.map((from, i) => {
      const to = (months[i + 1] ?? ist(2027, 4, 1)) - 1;
      const inMonth = details.filter((x) => x.from >= from && x.from <= to);
      const made = inMonth.filter((x) => x.taxHeadMasterCode === '10101').map((x) => x.createdTime);
      return { from, inMonth, generatedOn: made.length ? Math.max(...made) : null };
    });
    const billed = rows.map((r, i) => ({ i, t: r.generatedOn })).filter((x): x is { i: number; t: number } => x.t !== null).sort((a, b) => a.t - b.t || a.i - b.i);
    return rows.map((r, i) => {
      const charges = total(r.inMonth.filter((x) => CHARGES.includes(x.taxHeadMasterCode)).map((x) => x.taxAmount));
      const penalty = total(r.inMonth.filter((x) => x.taxHeadMasterCode === 'WS_TIME_PENALTY').map((x) => x.taxAmount));
      let previous = 0;
      let mine: typeof receipts = [];
      if (r.generatedOn !== null) {
        const asked = details.filter((x) => x.from < r.from && (x.taxHeadMasterCode !== ADVANCE || x.consumerType === 'waterConnection-advance'));
        previous = total([...asked.map((x) => x.taxAmount), ...receipts.filter((p) => p.date < r.generatedOn!).map((p) => -p.amount)]);
        const k = billed.findIndex((b) => b.i === i);
        const next = billed[k + 1]?.t ?? Infinity;
        mine = receipts.filter((p) => p.date >= r.generatedOn! && p.date < next).sort((a, b) => a.date - b.date);
      }
      const totalDues = total([charges, penalty, previous]);
      const paid = total(mine.map((p) => p.amount));
      const day = r.generatedOn === null ? 0 : ist(...(new Date(r.generatedOn + IST).toISOString().slice(0, 10).split('-').map(Number) as [number, number, number]));
      const month = new Date(r.from + IST).toLocaleString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
      return {
        [month]: {
          demand: {
            consumerName: connection.connectionHolders[0].name,
            connectionNo: consumerCode,
            oldConnectionNo: connection.oldConnectionNo ?? null,
            userId: null,
            month,
            demandGenerationDate: r.generatedOn ?? 0,
            code: null,
            monthlyCharges: charges,
            penalty,
            totalForCurrentMonth: total([charges, penalty]),
            previousMonthBalance: previous,
            totalDues,
            dueDateOfPayment: day && day + dueDays * DAY,
            penaltyAppliedOnDate: day && day + (dueDays + 1) * DAY,
          },
          payment: mine.length
            ? mine.map((p) => ({ paymentCollectionDate: p.date, receiptNo: p.receipt, amountPaid: p.amount, balanceLeft: total([p.totalDue, -p.amount]) }))
            : [{ paymentCollectionDate: null, receiptNo: 'N/A', amountPaid: 0, balanceLeft: totalDues }],
          totalPaymentInMonth: paid,
          totalBalanceLeftInMonth: total([totalDues, -paid]),
        },
      };
    });
  };

  it("a consumer's ledger has a month per month of the year so far, each keyed by its name, a page at a time", async () => {
    const gurpreet = connections['pb.lodhipur'][0];
    const ledger = (query = '') => post('pb.lodhipur', `/ws-services/wc/ledger-report?tenantId=pb.lodhipur&consumercode=${encodeURIComponent(gurpreet.connectionNo)}&year=2026-27${query}`);
    const all = await ledger();
    // It is 7 December 2026: April to December.
    const months = Array.from({ length: 9 }, (_, m) => ist(2026, 4 + m, 1));
    expect(all).toMatchObject({ tenantName: 'pb.lodhipur', financialYear: '2026-27', totalCount: 9 });
    expect(all.ledgerReport.map((r: any) => Object.keys(r))).toEqual(['April 2026', 'May 2026', 'June 2026', 'July 2026', 'August 2026', 'September 2026', 'October 2026', 'November 2026', 'December 2026'].map((m) => [m]));
    // Lodhipur's penalty starts 15 days after the bill.
    expect(all.ledgerReport).toEqual(await ledgerOf('pb.lodhipur', gurpreet.connectionNo, months, 15));
    // By hand: September and October were billed together on 21 November (100 each); on 7 December
    // October's bill took the penalty, Lodhipur's FLAT 20 for each of his three demands still owing
    // a charge (60); before them, the opening 450 + 50 less the 250 paid on 5 October.
    const billedOn = ist(2026, 11, 21, 10);
    expect(all.ledgerReport[5]['September 2026'].demand).toMatchObject({ demandGenerationDate: billedOn, monthlyCharges: 100, penalty: 0, previousMonthBalance: 250, totalDues: 350, dueDateOfPayment: ist(2026, 12, 6), penaltyAppliedOnDate: ist(2026, 12, 7) });
    expect(all.ledgerReport[6]['October 2026']).toMatchObject({
      demand: { monthlyCharges: 100, penalty: 60, totalForCurrentMonth: 160, previousMonthBalance: 350, totalDues: 510 },
      payment: [{ paymentCollectionDate: null, receiptNo: 'N/A', amountPaid: 0, balanceLeft: 510 }],
      totalPaymentInMonth: 0,
      totalBalanceLeftInMonth: 510,
    });
    // A month without a bill: zeros, and DIGIT's N/A line.
    expect(all.ledgerReport[7]['November 2026']).toEqual({
      demand: expect.objectContaining({ month: 'November 2026', demandGenerationDate: 0, monthlyCharges: 0, previousMonthBalance: 0, totalDues: 0, dueDateOfPayment: 0, penaltyAppliedOnDate: 0 }),
      payment: [{ paymentCollectionDate: null, receiptNo: 'N/A', amountPaid: 0, balanceLeft: 0 }],
      totalPaymentInMonth: 0,
      totalBalanceLeftInMonth: 0,
    });
    const page = await ledger('&offset=4&limit=3');
    expect(page.ledgerReport.map((r: any) => Object.keys(r)[0])).toEqual(['August 2026', 'September 2026', 'October 2026']);
    expect(page.ledgerReport).toEqual(all.ledgerReport.slice(4, 7));
    // A year to come has no months yet; one gone by has twelve.
    expect((await post('pb.lodhipur', `/ws-services/wc/ledger-report?tenantId=pb.lodhipur&consumercode=${encodeURIComponent(gurpreet.connectionNo)}&year=2027-28`)).ledgerReport).toEqual([]);
    expect((await post('pb.lodhipur', `/ws-services/wc/ledger-report?tenantId=pb.lodhipur&consumercode=${encodeURIComponent(gurpreet.connectionNo)}&year=2025-26&limit=-1`)).ledgerReport).toHaveLength(12);
  });

  it('the month report has every consumer, a page at a time, each equal to its own records', async () => {
    const from = ist(2026, 10, 1);
    const to = ist(2026, 11, 1) - 1;
    const answer = await post('pb.lodhipur', `/ws-services/wc/month-report?tenantId=pb.lodhipur&startDate=01/10/2026&endDate=31/10/2026`);
    const consumers = [...connections['pb.lodhipur']].sort((a, b) => a.connectionNo.localeCompare(b.connectionNo));
    expect(answer.totalCount).toBe(consumers.length);
    expect(answer.monthReport.map((r: any) => r.connectionNo)).toEqual(consumers.map((c) => c.connectionNo));
    for (const [i, c] of consumers.entries()) {
      const details = await detailsOf('pb.lodhipur', c.connectionNo);
      const receipts = (await receiptsOf('pb.lodhipur', c.connectionNo)).filter((r) => r.date >= from && r.date <= to);
      const inMonth = (x: any) => x.from >= from && x.from <= to;
      const demandAmount = sumWhere(details, (x) => inMonth(x) && CHARGES.includes(x.taxHeadMasterCode), (x) => x.taxAmount);
      const penalty = sumWhere(details, (x) => inMonth(x) && PENALTY.includes(x.taxHeadMasterCode), (x) => x.taxAmount);
      const advance = neg(sumWhere(details, (x) => x.taxHeadMasterCode === ADVANCE, (x) => x.taxAmount - x.collectionAmount));
      const arrears = sumWhere(details, (x) => x.from < from && x.taxHeadMasterCode !== ADVANCE, (x) => x.taxAmount - x.collectionAmount);
      const generated = details.filter(inMonth).map((x) => x.createdTime);
      expect(answer.monthReport[i], c.connectionNo).toEqual({
        tenantName: 'pb.lodhipur',
        connectionNo: c.connectionNo,
        oldConnectionNo: c.oldConnectionNo ?? null,
        consumerCreatedOnDate: c.auditDetails.createdTime,
        consumerName: c.connectionHolders[0].name,
        demandGenerationDate: generated.length ? Math.max(...generated) : null,
        penalty,
        demandAmount,
        advance,
        arrears,
        totalAmount: total([arrears, demandAmount, penalty, -advance]),
        amountPaid: total(receipts.map((r) => r.amount)),
        paidDate: receipts.length ? Math.max(...receipts.map((r) => r.date)) : null,
        remainingAmount: sumWhere(details, (x) => x.from <= to, (x) => x.taxAmount - x.collectionAmount),
      });
    }
    const page = await post('pb.lodhipur', `/ws-services/wc/month-report?tenantId=pb.lodhipur&startDate=01/10/2026&endDate=31/10/2026&offset=2&limit=2&sortOrder=ASC`);
    expect(page.monthReport).toEqual(answer.monthReport.slice(2, 4));
    expect(page.totalCount).toBe(consumers.length);
  });

  it('the bill, collection, inactive consumer and vendor reports list what each GP did, and only that', async () => {
    for (const gp of GPS) {
      const bills = await post(gp, `/ws-services/wc/_billReport?tenantId=${gp}&demandStartDate=01/09/2026&demandEndDate=31/10/2026`);
      const billed = [];
      for (const c of connections[gp]) {
        const details = (await detailsOf(gp, c.connectionNo)).filter((x) => x.from >= ist(2026, 9, 1) && x.from < ist(2026, 11, 1));
        if (details.length > 0) billed.push([c.connectionNo, total(details.map((x) => x.taxAmount))]);
      }
      billed.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
      expect(bills.BillReportData.map((r: any) => [r.connectionNo, r.demandAmount]), gp).toEqual(billed);
      expect(bills.totalCount).toBe(billed.length);

      // DIGIT's rows: what each consumer paid in the period in each mode, by connection number.
      const collections = await post(gp, `/ws-services/wc/_collectionReport?tenantId=${gp}&paymentStartDate=01/11/2026&paymentEndDate=30/11/2026`);
      const paid = new Map<string, any>();
      for (const c of connections[gp]) {
        for (const r of await receiptsOf(gp, c.connectionNo)) {
          if (r.date < NOV.from || r.date > NOV.to) continue;
          const key = `${c.connectionNo} ${r.mode}`;
          const row = paid.get(key) ?? { tenantName: gp, consumerName: c.connectionHolders[0].name, connectionNo: c.connectionNo, oldConnectionNo: c.oldConnectionNo ?? null, userId: null, paymentMode: r.mode, paymentAmount: 0 };
          paid.set(key, { ...row, paymentAmount: total([row.paymentAmount, r.amount]) });
        }
      }
      const expected = [...paid.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, row]) => row);
      expect(expected.length, gp).toBeGreaterThan(0);
      expect(collections.CollectionReportData, gp).toEqual(expected);
      expect(collections.totalCount).toBe(expected.length);
      const descending = await post(gp, `/ws-services/wc/_collectionReport?tenantId=${gp}&paymentStartDate=01/11/2026&paymentEndDate=30/11/2026&sortOrder=DESC&offset=0&limit=1`);
      expect(descending.CollectionReportData).toEqual([expected[expected.length - 1]]);
    }
    // By hand: the dhaba's 300 and Kulwant's 250 (OLD-7) in cash in November.
    const lodhipur = (await post('pb.lodhipur', `/ws-services/wc/_collectionReport?tenantId=pb.lodhipur&paymentStartDate=01/11/2026&paymentEndDate=30/11/2026`)).CollectionReportData;
    expect(lodhipur.map((r: any) => [r.consumerName, r.oldConnectionNo, r.paymentMode, r.paymentAmount]).sort()).toEqual([
      ['Kulwant Rai', 'OLD-7', 'CASH', 250],
      ['Lodhipur Dhaba', null, 'CASH', 300],
    ]);
    // On the wire the amounts have their decimals, as DIGIT writes them: the app's `double? paymentAmount = json[...]` takes no whole number.
    const wire = await fetch(`${server.baseUrl}/ws-services/wc/_collectionReport?tenantId=pb.lodhipur&paymentStartDate=01/11/2026&paymentEndDate=30/11/2026`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ RequestInfo: requestInfo(tokens['pb.lodhipur']) }),
    });
    expect(wire.headers.get('content-type')).toContain('application/json');
    expect((await wire.text()).match(/"paymentAmount":[^,}]*/g)?.sort()).toEqual(['"paymentAmount":250.00', '"paymentAmount":300.00']);
    const inactive = await post('pb.lodhipur', `/ws-services/wc/_inactiveConsumerReport?tenantId=pb.lodhipur&monthStartDate=01/11/2026&monthEndDate=30/11/2026`);
    expect(inactive.InactiveConsumerReport).toHaveLength(1);
    expect(inactive.InactiveConsumerReport[0]).toMatchObject({ consumerName: 'Sohan Lal', status: 'Inactive', inactiveDate: ist(2026, 11, 25, 10) });
    expect(typeof inactive.InactiveConsumerReport[0].connectionno).toBe('string');
    expect((await post('pb.bhadson', `/ws-services/wc/_inactiveConsumerReport?tenantId=pb.bhadson&monthStartDate=01/11/2026&monthEndDate=30/11/2026`)).InactiveConsumerReport).toEqual([]);

    // DIGIT's vendor report: the bills entered in the period that stand, by bill number, newest first, in snake_case.
    const entered = (from: number, to: number) =>
      recordsOf('pb.lodhipur').then(({ expenses }) =>
        expenses
          .filter((c) => c.applicationStatus !== 'CANCELLED' && c.auditDetails.createdTime >= from && c.auditDetails.createdTime <= to)
          .sort((a, b) => b.challanNo.localeCompare(a.challanNo))
          .map((c) => ({ tenantId: 'pb.lodhipur', vendor_name: 'PSPCL pb.lodhipur', mobile_no: '9811100001', type_of_expense: c.typeOfExpense, bill_id: c.challanNo, owner_uuid: null })),
      );
    const standing = await entered(ist(2026, 10, 1), NOV.to);
    expect(standing.length).toBeGreaterThan(1);
    const vendors = await post('pb.lodhipur', `/vendor/v1/_vendorReport?tenantId=pb.lodhipur&monthStartDate=01/10/2026&monthEndDate=30/11/2026&limit=2`);
    expect(vendors.totalCount).toBe(standing.length);
    expect(vendors.VendorReportData).toEqual(standing.slice(0, 2));
    const everyBill = await post('pb.lodhipur', `/vendor/v1/_vendorReport?tenantId=pb.lodhipur&monthStartDate=01/10/2026&monthEndDate=30/11/2026`);
    expect(everyBill.VendorReportData).toEqual(standing);
    // The app sends sortOrder=ASC; DIGIT's report ignores it.
    expect((await post('pb.lodhipur', `/vendor/v1/_vendorReport?tenantId=pb.lodhipur&monthStartDate=01/10/2026&monthEndDate=30/11/2026&sortOrder=ASC`)).VendorReportData).toEqual(standing);
    // The bills were entered on 21 November: October has none, though the salary bill is dated 31 October.
    expect((await post('pb.lodhipur', `/vendor/v1/_vendorReport?tenantId=pb.lodhipur&monthStartDate=01/10/2026&monthEndDate=31/10/2026`)).VendorReportData).toEqual([]);
    expect((await post('pb.bhadson', `/vendor/v1/_vendorReport?tenantId=pb.bhadson&monthStartDate=01/11/2026&monthEndDate=30/11/2026`)).VendorReportData.map((r: any) => r.vendor_name)).toEqual(['PSPCL pb.bhadson']);
  });

  it('heads and receipts from before their repeated columns are filled at start-up, and count again', async () => {
    const before = await dashboard('pb.lodhipur', '/ws-services/wc/_revenueDashboard', FY);
    const db = server.seva.database.db;
    await sql`update seva_demand_detail set consumer_code = null, business_service = null, tax_period_from = null, tax_period_to = null, demand_status = null where tenant_id = 'pb.lodhipur'`.execute(db);
    await sql`update seva_payment_detail set payment_status = null, transaction_date = null, payment_mode = null where tenant_id = 'pb.lodhipur'`.execute(db);
    expect((await dashboard('pb.lodhipur', '/ws-services/wc/_revenueDashboard', FY)).RevenueDashboard.demand).toBe('0');
    const filled = await server.seva.billing.fillRepeatedColumns();
    expect(filled.heads).toBeGreaterThan(10);
    expect(filled.receipts).toBe(5); // three water payments, two expense payments (one since cancelled)
    expect((await dashboard('pb.lodhipur', '/ws-services/wc/_revenueDashboard', FY)).RevenueDashboard).toEqual(before.RevenueDashboard);
    expect(await server.seva.billing.fillRepeatedColumns()).toEqual({ heads: 0, receipts: 0 });
  });

  it('asks for the dates it needs, and keeps a GP to its own figures', async () => {
    const res = await server.post('/ws-services/wc/_revenueDashboard?tenantId=pb.lodhipur', { RequestInfo: requestInfo(tokens['pb.lodhipur']) });
    expect(res.status).toBe(400);
    expect(res.body.Errors.map((e: any) => [e.code, ...(e.params ?? [])])).toEqual([
      ['REQUIRED_FIELD_MISSING', '$.fromDate'],
      ['REQUIRED_FIELD_MISSING', '$.toDate'],
    ]);
    const bad = await server.post(`/ws-services/wc/_revenueDashboard?tenantId=pb.lodhipur&fromDate=yesterday&toDate=${FY.to}`, { RequestInfo: requestInfo(tokens['pb.lodhipur']) });
    expect(bad.body.Errors.map((e: any) => [e.code, ...(e.params ?? [])])).toEqual([['INVALID_PARAMETER', '$.fromDate']]);
    const foreign = await server.post(`/ws-services/wc/_revenueDashboard?tenantId=pb.bhadson&fromDate=${FY.from}&toDate=${FY.to}`, { RequestInfo: requestInfo(tokens['pb.lodhipur']) });
    expect(foreign.status).toBe(403);
  });
});
