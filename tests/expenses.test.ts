import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../engine/clock/index.ts';
import { backends, freshDatabase, requestInfo, TestServer } from './harness.ts';

/**
 * mGramSeva expenses (eChallan) end to end, over HTTP, on the shipped definitions: an unpaid bill,
 * paid later with a receipt; one paid as it is recorded; a paid one cancelled (its payment
 * cancelled); edits of an unpaid one re-bill it; every validation refused with its code and path.
 */
const GP = 'pb.lodhipur';
const IST = 5.5 * 3600_000;
const ist = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d, h) - IST;

describe.each(backends())('expenses (eChallan), end to end (%s)', (backend) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let server: TestServer;
  let clerk: string;
  let otherGp: string;
  const clock = new ManualClock(ist(2026, 11, 21, 10));
  const post = async (path: string, body: Record<string, unknown>, token = clerk) => server.post(path, { RequestInfo: requestInfo(token), ...body });
  let board: any;
  let mechanic: any;
  const expense = (extra: Record<string, unknown> = {}) => ({
    tenantId: GP,
    typeOfExpense: 'ELECTRICITY_BILL',
    vendor: board.id,
    billDate: ist(2026, 11, 10),
    billIssuedDate: ist(2026, 11, 5),
    amount: [{ taxHeadCode: 'EXPENSE.ELECTRICITY_BILL', amount: '1250.50' }],
    ...extra,
  });
  const create = (extra: Record<string, unknown> = {}) => post('/echallan-services/eChallan/v1/_create', { Challan: expense(extra) });
  const update = (challan: any, change: Record<string, unknown>) => post('/echallan-services/eChallan/v1/_update', { Challan: { ...challan, ...change } });
  const demandsOf = async (challanNo: string, status = 'ACTIVE,CANCELLED') =>
    ((await post(`/billing-service/demand/_search?tenantId=${GP}&consumerCode=${challanNo}&status=${status}`, {})).body.Demands as any[]).map((d) => [
      d.businessService,
      d.status,
      d.demandDetails.map((x: any) => [x.taxHeadMasterCode, x.taxAmount, x.collectionAmount]),
    ]);
  const paymentsOf = async (challanNo: string) => (await post(`/collection-services/payments/_search?tenantId=${GP}&consumerCodes=${challanNo}`, {})).body.Payments as any[];
  const refusal = (res: { status: number; body: any }) => [res.status, ...res.body.Errors.map((e: any) => [e.code, ...(e.params ?? [])].join(" "))];

  beforeAll(async () => {
    db = await freshDatabase(backend);
    server = await TestServer.start({ database: db.config, clock });
    clerk = await server.staffToken('lodhipur-clerk', [{ code: 'EXPENSE_PROCESSING', tenantId: GP }, { code: 'COLLECTION_OPERATOR', tenantId: GP }]);
    otherGp = await server.staffToken('bhadson-clerk', [{ code: 'EXPENSE_PROCESSING', tenantId: 'pb.bhadson' }]);
    const vendors = await post('/vendor/v1/_create', {
      vendor: [
        { tenantId: GP, name: 'PSPCL Patiala', owner: { name: 'SDO PSPCL', mobileNumber: '9811100001' } },
        { tenantId: GP, name: 'Sandhu Pump Works', owner: { name: 'Harjit Sandhu', mobileNumber: '9811100002' } },
      ],
    });
    expect(vendors.status, JSON.stringify(vendors.body)).toBe(200);
    [board, mechanic] = vendors.body.vendor;
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  let unpaid: any;
  it('records an unpaid expense: a challan number, and its demand in the same write', async () => {
    const res = await create();
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    unpaid = res.body.challans[0];
    expect(unpaid).toMatchObject({ challanNo: expect.stringMatching(/^EB-2026-27-\d+$/), businessService: 'EXPENSE.ELECTRICITY_BILL', vendorName: 'PSPCL Patiala', totalAmount: 1250.5, applicationStatus: 'ACTIVE', isBillPaid: false });
    expect(unpaid.taxPeriodFrom).toBe(unpaid.billDate);
    expect(await demandsOf(unpaid.challanNo)).toEqual([['EXPENSE.ELECTRICITY_BILL', 'ACTIVE', [['EXPENSE.ELECTRICITY_BILL', 1250.5, 0]]]]);
    expect(await paymentsOf(unpaid.challanNo)).toEqual([]);
  });

  it('an unpaid expense edited is re-billed: the old demand is cancelled, the new one carries the new amount', async () => {
    const res = await update(unpaid, { amount: [{ taxHeadCode: 'EXPENSE.ELECTRICITY_BILL', amount: 1300 }] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    unpaid = res.body.challans[0];
    expect(unpaid.totalAmount).toBe(1300);
    expect(await demandsOf(unpaid.challanNo, 'ACTIVE')).toEqual([['EXPENSE.ELECTRICITY_BILL', 'ACTIVE', [['EXPENSE.ELECTRICITY_BILL', 1300, 0]]]]);
    expect(await demandsOf(unpaid.challanNo, 'CANCELLED')).toEqual([['EXPENSE.ELECTRICITY_BILL', 'CANCELLED', [['EXPENSE.ELECTRICITY_BILL', 1250.5, 0]]]]);
  });

  it('marking it paid takes a cash payment of the whole bill, with a receipt, in the same write', async () => {
    const res = await update(unpaid, { isBillPaid: true, paidDate: ist(2026, 11, 20) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    unpaid = res.body.challans[0];
    expect(unpaid.applicationStatus).toBe('PAID');
    const [payment, ...more] = await paymentsOf(unpaid.challanNo);
    expect(more).toEqual([]);
    expect(payment).toMatchObject({ paymentMode: 'CASH', paymentStatus: 'NEW', totalAmountPaid: 1300, transactionDate: ist(2026, 11, 20), paidBy: 'PSPCL Patiala' });
    expect(payment.paymentDetails[0].receiptNumber).toMatch(/^EB\/1013\/2026-27\/\d+$/);
    expect(await demandsOf(unpaid.challanNo, 'ACTIVE')).toEqual([['EXPENSE.ELECTRICITY_BILL', 'ACTIVE', [['EXPENSE.ELECTRICITY_BILL', 1300, 1300]]]]);
  });

  let paidAtOnce: any;
  it('records one paid at creation: PAID, with its payment, in one write', async () => {
    const res = await create({ typeOfExpense: 'MACHINERY_REPAIR', vendor: mechanic.id, amount: [{ taxHeadCode: 'EXPENSE.MACHINERY_REPAIR', amount: 800 }], isBillPaid: true, paidDate: ist(2026, 11, 12) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    paidAtOnce = res.body.challans[0];
    expect(paidAtOnce).toMatchObject({ applicationStatus: 'PAID', vendorName: 'Sandhu Pump Works', businessService: 'EXPENSE.MACHINERY_REPAIR' });
    expect((await paymentsOf(paidAtOnce.challanNo)).map((p) => [p.paymentStatus, p.totalAmountPaid])).toEqual([['NEW', 800]]);
  });

  it('cancelling a paid expense cancels its payment and then its demand', async () => {
    const res = await update(paidAtOnce, { applicationStatus: 'CANCELLED' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    paidAtOnce = res.body.challans[0];
    expect(paidAtOnce.applicationStatus).toBe('CANCELLED');
    expect((await paymentsOf(paidAtOnce.challanNo)).map((p) => p.paymentStatus)).toEqual(['CANCELLED']);
    expect(await demandsOf(paidAtOnce.challanNo)).toEqual([['EXPENSE.MACHINERY_REPAIR', 'CANCELLED', [['EXPENSE.MACHINERY_REPAIR', 800, 0]]]]);
    expect(refusal(await update(paidAtOnce, { description: 'again' }))).toEqual([400, 'EXPENSE_CANCELLED $.Challan.applicationStatus']);
  });

  it('cancelling an unpaid expense cancels its demand; there is no payment to cancel', async () => {
    const res = await create({ typeOfExpense: 'CHLORINATION', vendor: mechanic.id, amount: [{ taxHeadCode: 'EXPENSE.CHLORINATION', amount: 75 }] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const cancelled = await update(res.body.challans[0], { applicationStatus: 'CANCELLED' });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    expect(cancelled.body.challans[0]).toMatchObject({ applicationStatus: 'CANCELLED', isBillPaid: false });
    expect(await demandsOf(res.body.challans[0].challanNo)).toEqual([['EXPENSE.CHLORINATION', 'CANCELLED', [['EXPENSE.CHLORINATION', 75, 0]]]]);
    expect(await paymentsOf(res.body.challans[0].challanNo)).toEqual([]);
  });

  it('searches by status, type, vendor, dates and free text, with bill counts', async () => {
    const third = await create({ typeOfExpense: 'SALARY', vendor: mechanic.id, amount: [{ taxHeadCode: 'EXPENSE.SALARY', amount: 3000 }], billDate: ist(2026, 10, 31), billIssuedDate: ist(2026, 10, 31) });
    expect(third.status, JSON.stringify(third.body)).toBe(200);
    const search = async (query: string) => {
      const res = await post(`/echallan-services/eChallan/v1/_search?tenantId=${GP}&${query}`, {});
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body;
    };
    const numbers = (body: any) => body.challans.map((c: any) => c.challanNo);
    expect((await search('status=ACTIVE&status=PAID&sortBy=billDate&sortOrder=ASC')).challans.map((c: any) => c.typeOfExpense)).toEqual(['SALARY', 'ELECTRICITY_BILL']);
    expect(numbers(await search('expenseType=SALARY'))).toEqual([third.body.challans[0].challanNo]);
    expect(numbers(await search('vendorName=pump&status=CANCELLED&expenseType=MACHINERY_REPAIR'))).toEqual([paidAtOnce.challanNo]);
    expect(numbers(await search(`freeSearch=${unpaid.challanNo.slice(-3)}`))).toContain(unpaid.challanNo);
    expect((await search('freeSearch=PSPCL')).challans.map((c: any) => c.vendorName)).toEqual(['PSPCL Patiala']);
    expect(numbers(await search(`fromDate=${ist(2026, 11, 1)}&toDate=${ist(2026, 11, 30)}&isBillPaid=true`)).sort()).toEqual([unpaid.challanNo, paidAtOnce.challanNo].sort());
    const counted = await search('status=ACTIVE&isBillCount=true');
    expect(counted).toMatchObject({ totalCount: 1, billData: { paidcount: '1', notPaidcount: '1' } });
    expect((await search('limit=1&offset=1&sortBy=billDate&sortOrder=DESC')).challans).toHaveLength(1);
  });

  it('keeps GPs apart: another GP neither sees these expenses nor may name their vendor', async () => {
    const res = await server.post(`/echallan-services/eChallan/v1/_search?tenantId=pb.bhadson`, { RequestInfo: requestInfo(otherGp) });
    expect(res.body.challans).toEqual([]);
    const foreign = await server.post('/echallan-services/eChallan/v1/_create', { RequestInfo: requestInfo(otherGp), Challan: { ...expense(), tenantId: 'pb.bhadson' } });
    expect(refusal(foreign)).toEqual([400, 'INVALID_VENDOR $.Challan.vendor']);
  });

  it('refuses each invalid expense with its code and field', async () => {
    const at = async (extra: Record<string, unknown>) => refusal(await create(extra));
    expect(await at({ typeOfExpense: 'FUEL' })).toEqual([400, 'INVALID_EXPENSE_TYPE $.Challan.typeOfExpense']);
    expect(await at({ vendor: 'no-such-vendor' })).toEqual([400, 'INVALID_VENDOR $.Challan.vendor']);
    expect(await at({ billDate: ist(2026, 11, 22), billIssuedDate: ist(2026, 11, 1) })).toEqual([400, 'INVALID_BILL_DATE $.Challan.billDate']);
    expect(await at({ billIssuedDate: ist(2026, 11, 11) })).toEqual([400, 'INVALID_BILL_ISSUED_DATE $.Challan.billIssuedDate']);
    expect(await at({ isBillPaid: true })).toEqual([400, 'PAID_DATE_REQUIRED $.Challan.paidDate']);
    expect(await at({ isBillPaid: true, paidDate: ist(2026, 11, 9) })).toEqual([400, 'INVALID_PAID_DATE $.Challan.paidDate']);
    expect(await at({ isBillPaid: true, paidDate: ist(2026, 11, 22) })).toEqual([400, 'INVALID_PAID_DATE $.Challan.paidDate']);
    expect(await at({ taxPeriodFrom: ist(2026, 11, 1), taxPeriodTo: ist(2026, 10, 1) })).toEqual([400, 'INVALID_TAX_PERIOD $.Challan.taxPeriodFrom']);
    expect(await at({ taxPeriodFrom: ist(2026, 11, 1), taxPeriodTo: ist(2026, 11, 15) })).toEqual([400, 'INVALID_TAX_PERIOD $.Challan.taxPeriodTo']);
    expect(await at({ amount: [{ taxHeadCode: 'EXPENSE.ELECTRICITY_BILL', amount: '12.345' }] })).toEqual([400, 'INVALID_AMOUNT $.Challan.amount[0].amount']);
    expect(await at({ amount: [{ taxHeadCode: 'EXPENSE.ELECTRICITY_BILL', amount: 0 }] })).toEqual([400, 'INVALID_AMOUNT $.Challan.amount']);
    expect((await at({ amount: [{ taxHeadCode: 'EXPENSE.SALARY', amount: 10 }] }))[1]).toMatch(/^\w+ \$\.Challan\.amount$/);
    // Once paid: type, vendor, dates and the paid flag are fixed.
    const paid = unpaid;
    for (const [field, value] of [
      ['typeOfExpense', 'OTHERS'],
      ['vendor', mechanic.id],
      ['billDate', ist(2026, 11, 11)],
      ['billIssuedDate', ist(2026, 11, 6)],
      ['paidDate', ist(2026, 11, 19)],
      ['isBillPaid', false],
    ] as const) {
      expect(refusal(await update(paid, { [field]: value }))).toEqual([400, `PAID_EXPENSE_NOT_EDITABLE $.Challan.${field}`]);
    }
  });
});
