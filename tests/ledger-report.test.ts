import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../engine/clock/index.ts';
import { backends, freshDatabase, requestInfo, TestServer } from './harness.ts';

/**
 * A consumer's ledger (ws-services/wc/ledger-report) over a season of bills and payments made on
 * their days, as the reports screen asks for it (reports_repo.dart fetchLedgerReport: consumercode,
 * year, offset and limit in the query, RequestInfo in the body), in the shape the app parses
 * (model/reports/leadger_report.dart: a list of {"<Month yyyy>": MonthData}), with DIGIT's figures
 * (LedgerReportRowMapper, chronological order) worked out by hand from Lodhipur's masters:
 * non-metered 100 a month; penalty FLAT outstanding: 20 for each demand still owing a charge, added
 * to the latest unpaid demand more than 15 days after it is made.
 */
const GP = 'pb.lodhipur';
const IST = 5.5 * 3600_000;
const ist = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d, h) - IST;
const DAY = 86_400_000;

describe.each(backends())("a consumer's ledger, month by month (%s)", (backend) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let server: TestServer;
  let admin: string;
  const clock = new ManualClock(ist(2026, 9, 20, 10));
  const post = async (path: string, body: Record<string, unknown> = {}) => {
    const res = await server.post(path, { RequestInfo: requestInfo(admin), ...body });
    expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200);
    return res.body;
  };
  const consumers = {} as Record<'harpreet' | 'balwinder', any>;
  const receipts: string[] = [];
  const pay = async (c: any, amount: number) => {
    const bill = (await post(`/billing-service/bill/v2/_fetchbill?tenantId=${GP}&consumerCode=${encodeURIComponent(c.connectionNo)}&businessService=WS`)).Bill[0];
    const payment = (
      await post('/collection-services/payments/_create', {
        Payment: { tenantId: GP, paymentMode: 'CASH', paidBy: 'self', totalAmountPaid: amount, transactionDate: clock.now(), paymentDetails: [{ businessService: 'WS', billId: bill.id, totalAmountPaid: amount }] },
      })
    ).Payments[0];
    receipts.push(payment.paymentDetails[0].receiptNumber);
    return payment;
  };
  /** Moves the clock, signing in again (a token does not outlive the days skipped). */
  const at = async (time: number) => {
    clock.set(time);
    admin = await server.token('lodhipur-admin', 'pass-word-1', 'pb');
  };
  const bulkDemand = async (billingPeriod: string) => expect((await post('/ws-calculator/waterCalculator/_bulkDemand', { tenantId: GP, billingPeriod })).run.status).toBe('SUCCEEDED');
  /** The app's call. */
  const ledger = (c: any, year: string, page = { offset: '0', limit: '12' }) =>
    post(`/ws-services/wc/ledger-report?tenantId=${GP}&consumercode=${encodeURIComponent(c.connectionNo)}&year=${year}&offset=${page.offset}&limit=${page.limit}`);
  const month = (answer: any, name: string) => answer.ledgerReport.find((m: any) => Object.keys(m)[0] === name)[name];

  beforeAll(async () => {
    db = await freshDatabase(backend);
    server = await TestServer.start({ database: db.config, clock });
    admin = await server.staffToken('lodhipur-admin', [
      { code: 'GP_ADMIN', tenantId: GP },
      { code: 'BULK_DEMAND_PROCESSING', tenantId: GP },
      { code: 'COLLECTION_OPERATOR', tenantId: GP },
    ]);
    const base = (name: string, mobile: string, extra: Record<string, unknown>) => ({
      tenantId: GP,
      connectionType: 'Non_Metered',
      propertyType: 'RESIDENTIAL',
      connectionHolders: [{ name, mobileNumber: mobile }],
      previousReadingDate: ist(2026, 9, 1),
      processInstance: { action: 'SUBMIT' },
      ...extra,
    });
    // 20 September: two consumers join, one owing 450 + 50 of penalty from before, one 150 ahead.
    [consumers.harpreet, consumers.balwinder] = (
      await post('/ws-services/wc/_create', {
        WaterConnection: [
          base('Harpreet Kaur', '9800000021', { paymentType: 'arrears', arrears: 450, penalty: 50, oldConnectionNo: '4711' }),
          base('Balwinder Singh', '9800000022', { paymentType: 'advance', advance: 150 }),
        ],
      })
    ).WaterConnection;
    // 1 October: September's bills. Harpreet pays all he owes on the 10th.
    await at(ist(2026, 10, 1, 10));
    await bulkDemand('01/09/2026 - 30/09/2026');
    await at(ist(2026, 10, 10, 12));
    await pay(consumers.harpreet, 600);
    // 1 November: October's bills; Harpreet pays 40 on the 5th and 30 on the 8th.
    await at(ist(2026, 11, 1, 10));
    await bulkDemand('01/10/2026 - 31/10/2026');
    await at(ist(2026, 11, 5, 12));
    await pay(consumers.harpreet, 40);
    await at(ist(2026, 11, 8, 12));
    await pay(consumers.harpreet, 30);
    // 20 November: 19 days on, the penalty on October's bills, still partly unpaid (20: the one demand owing).
    await at(ist(2026, 11, 20, 3));
    expect((await server.seva.jobs.run('ws-penalty')).status).toBe('succeeded');
    // 3 December, no bill for November yet: Harpreet pays 100 for 50 owed.
    await at(ist(2026, 12, 3, 12));
    await pay(consumers.harpreet, 100);
    await at(ist(2026, 12, 5, 12));
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('has a month for April to this month, each an object whose one key is the month, with every field the app reads, of its type', async () => {
    const answer = await ledger(consumers.harpreet, '2026-27');
    expect(answer).toMatchObject({ tenantName: GP, financialYear: '2026-27', totalCount: 9 });
    const names = ['April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'].map((m) => `${m} 2026`);
    expect(answer.ledgerReport.map((m: any) => Object.keys(m))).toEqual(names.map((n) => [n]));
    const int = (v: unknown) => Number.isInteger(v);
    for (const [i, entry] of (answer.ledgerReport as any[]).entries()) {
      const m = entry[names[i]!];
      expect(Object.keys(m).sort()).toEqual(['demand', 'payment', 'totalBalanceLeftInMonth', 'totalPaymentInMonth']);
      const d = m.demand;
      expect(d).toMatchObject({ consumerName: 'Harpreet Kaur', connectionNo: consumers.harpreet.connectionNo, oldConnectionNo: '4711', userId: null, month: names[i], code: null });
      for (const key of ['monthlyCharges', 'penalty', 'totalForCurrentMonth', 'previousMonthBalance', 'totalDues']) expect(typeof d[key], `${names[i]} ${key}`).toBe('number');
      for (const key of ['demandGenerationDate', 'dueDateOfPayment', 'penaltyAppliedOnDate']) expect(int(d[key]), `${names[i]} ${key}`).toBe(true);
      // The app shows payment.first and parses the totals (double.parse), so neither may be missing.
      expect(m.payment.length).toBeGreaterThan(0);
      for (const p of m.payment) {
        expect(p.paymentCollectionDate === null || int(p.paymentCollectionDate)).toBe(true);
        expect([typeof p.receiptNo, typeof p.amountPaid, typeof p.balanceLeft]).toEqual(['string', 'number', 'number']);
      }
      expect([typeof m.totalPaymentInMonth, typeof m.totalBalanceLeftInMonth]).toEqual(['number', 'number']);
    }
  });

  it("shows each bill with what was owed before it and the payments made until the next bill, by DIGIT's figures", async () => {
    const answer = await ledger(consumers.harpreet, '2026-27');
    const none = (balanceLeft: number) => [{ paymentCollectionDate: null, receiptNo: 'N/A', amountPaid: 0, balanceLeft }];
    const nothing = (name: string) => ({
      demand: expect.objectContaining({ month: name, demandGenerationDate: 0, monthlyCharges: 0, penalty: 0, totalForCurrentMonth: 0, previousMonthBalance: 0, totalDues: 0, dueDateOfPayment: 0, penaltyAppliedOnDate: 0 }),
      payment: none(0),
      totalPaymentInMonth: 0,
      totalBalanceLeftInMonth: 0,
    });
    // April to July: no bill. August holds the opening dues (their own demand): not a month's bill, as in DIGIT.
    for (const name of ['April 2026', 'May 2026', 'June 2026', 'July 2026', 'August 2026']) expect(month(answer, name), name).toEqual(nothing(name));
    // September's bill, made 1 October: 100, and the opening 500 owed before it; paid in full on the 10th.
    // Due 15 days from the day it was made (Lodhipur's penalty days), the penalty the day after.
    expect(month(answer, 'September 2026')).toEqual({
      demand: expect.objectContaining({
        demandGenerationDate: ist(2026, 10, 1, 10),
        monthlyCharges: 100,
        penalty: 0,
        totalForCurrentMonth: 100,
        previousMonthBalance: 500,
        totalDues: 600,
        dueDateOfPayment: ist(2026, 10, 1) + 15 * DAY,
        penaltyAppliedOnDate: ist(2026, 10, 1) + 16 * DAY,
      }),
      payment: [{ paymentCollectionDate: ist(2026, 10, 10, 12), receiptNo: receipts[0], amountPaid: 600, balanceLeft: 0 }],
      totalPaymentInMonth: 600,
      totalBalanceLeftInMonth: 0,
    });
    // October's bill, made 1 November: 100 and the penalty of 20; nothing owed before (600 asked, 600
    // paid). No bill since, so it takes every payment after it: 40 (of 100 due), 30 (of 60), and on
    // 3 December 100 (of 30 + 20), 50 over.
    expect(month(answer, 'October 2026')).toEqual({
      demand: expect.objectContaining({ demandGenerationDate: ist(2026, 11, 1, 10), monthlyCharges: 100, penalty: 20, totalForCurrentMonth: 120, previousMonthBalance: 0, totalDues: 120 }),
      payment: [
        { paymentCollectionDate: ist(2026, 11, 5, 12), receiptNo: receipts[1], amountPaid: 40, balanceLeft: 60 },
        { paymentCollectionDate: ist(2026, 11, 8, 12), receiptNo: receipts[2], amountPaid: 30, balanceLeft: 30 },
        { paymentCollectionDate: ist(2026, 12, 3, 12), receiptNo: receipts[3], amountPaid: 100, balanceLeft: -50 },
      ],
      totalPaymentInMonth: 170,
      totalBalanceLeftInMonth: -50,
    });
    for (const name of ['November 2026', 'December 2026']) expect(month(answer, name), name).toEqual(nothing(name));
  });

  it('counts an opening advance as owed less, and leaves a consumer who never paid with the N/A line', async () => {
    const answer = await ledger(consumers.balwinder, '2026-27');
    // September: 100 against the 150 ahead; October: 100 and the penalty of 20 on the 50 the advance left unpaid.
    expect(month(answer, 'September 2026')).toMatchObject({
      demand: { monthlyCharges: 100, previousMonthBalance: -150, totalDues: -50 },
      payment: [{ paymentCollectionDate: null, receiptNo: 'N/A', amountPaid: 0, balanceLeft: -50 }],
      totalPaymentInMonth: 0,
      totalBalanceLeftInMonth: -50,
    });
    expect(month(answer, 'October 2026')).toMatchObject({
      demand: { consumerName: 'Balwinder Singh', oldConnectionNo: null, monthlyCharges: 100, penalty: 20, previousMonthBalance: -50, totalDues: 70 },
      payment: [{ paymentCollectionDate: null, receiptNo: 'N/A', amountPaid: 0, balanceLeft: 70 }],
      totalBalanceLeftInMonth: 70,
    });
  });

  it('pages by month (a page ends each bill where the next begins), answers the whole year with limit=-1, and a year to come with none', async () => {
    const all = await ledger(consumers.harpreet, '2026-27');
    const page = await ledger(consumers.harpreet, '2026-27', { offset: '5', limit: '1' });
    expect(page.ledgerReport).toEqual([all.ledgerReport[5]]);
    expect(page).toMatchObject({ totalCount: 9, Pagination: { offSet: 5, limit: 1, totalCount: 9 } });
    // The download: every month.
    expect((await ledger(consumers.harpreet, '2026-27', { offset: '0', limit: '-1' })).ledgerReport).toEqual(all.ledgerReport);
    const last = await ledger(consumers.harpreet, '2025-26', { offset: '0', limit: '-1' });
    expect(last.ledgerReport.map((m: any) => Object.keys(m)[0])).toEqual(['April 2025', 'May 2025', 'June 2025', 'July 2025', 'August 2025', 'September 2025', 'October 2025', 'November 2025', 'December 2025', 'January 2026', 'February 2026', 'March 2026']);
    expect((await ledger(consumers.harpreet, '2027-28')).ledgerReport).toEqual([]);
  });
});
