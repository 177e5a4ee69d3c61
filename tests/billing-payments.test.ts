import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../engine/clock/index.ts';
import { backends, definitionsWith, freshDatabase, month2026, requestInfo, TestServer } from './harness.ts';

const GP = 'pb.lodhipur';
const month = month2026;
const demand = (consumerCode: string, m: number, details: [string, number][], businessService = 'TESTSVC') => ({
  tenantId: GP,
  consumerCode,
  consumerType: 'waterConnection',
  businessService,
  payer: { uuid: 'payer-1', name: 'Harjit Kaur', mobileNumber: '9876500001' },
  ...month(m),
  demandDetails: details.map(([taxHeadMasterCode, taxAmount]) => ({ taxHeadMasterCode, taxAmount })),
});

describe.each(backends())('bills are paid, apportioned, receipted and cancelled over HTTP (%s)', (backend) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let server: TestServer;
  let token: string;
  const clock = new ManualClock(Date.UTC(2026, 10, 2, 4, 30));
  const post = (path: string, body: Record<string, unknown>) => server.post(path, { RequestInfo: requestInfo(token), ...body });
  const createDemands = async (...demands: unknown[]) => {
    const res = await post('/billing-service/demand/_create', { Demands: demands });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.Demands;
  };
  const fetchBill = async (consumerCode: string, businessService = 'TESTSVC') => {
    const res = await post(`/billing-service/bill/v2/_fetchbill?tenantId=${GP}&consumerCode=${consumerCode}&businessService=${businessService}`, {});
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.Bill[0];
  };
  const pay = (bill: any, amount: number | string, paymentMode = 'CASH') =>
    post('/collection-services/payments/_create', {
      Payment: { tenantId: GP, paymentMode, paidBy: 'Harjit Kaur', mobileNumber: '9876500001', totalAmountPaid: amount, paymentDetails: [{ businessService: bill.businessService, billId: bill.id, totalAmountPaid: amount }] },
    });
  /** Each demand's heads as [head, taxAmount, collectionAmount], oldest period first. */
  const ledger = async (consumerCode: string) =>
    (await post(`/billing-service/demand/_search?tenantId=${GP}&consumerCode=${consumerCode}&status=ACTIVE`, {})).body.Demands.map((d: any) => d.demandDetails.map((x: any) => [x.taxHeadMasterCode, x.taxAmount, x.collectionAmount]));

  beforeAll(async () => {
    db = await freshDatabase(backend);
    server = await TestServer.start({ definitionsDir: definitionsWith('tests/fixtures/billing'), database: db.config, clock });
    token = await server.staffToken('collector', [{ code: 'GP_ADMIN', tenantId: GP }]);
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  let first: any;
  let second: any;

  it('apportions a part payment oldest period first, drawing on credits first, with a receipt in the configured format', async () => {
    await createDemands(demand('P-1', 4, [['TESTSVC_CHARGE', 100], ['TESTSVC_PENALTY', 10]]), demand('P-1', 5, [['TESTSVC_CHARGE', 100], ['TESTSVC_REBATE', -20]]), demand('P-1', 6, [['TESTSVC_CHARGE', 100]]));
    const bill = await fetchBill('P-1');
    expect(bill.totalAmount).toBe(290);
    const res = await pay(bill, '150');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    first = res.body.Payments[0];
    expect(first).toMatchObject({ totalAmountPaid: 150, totalDue: 290, paymentMode: 'CASH', paymentStatus: 'NEW', paymentDetails: [{ billId: bill.id, totalAmountPaid: 150, receiptType: 'BILLBASED' }] });
    expect(first.paymentDetails[0].receiptNumber).toBe('TR/1013/2026-27/000001');
    // The rebate (20) is drawn on first; then April's penalty and charge, then May's charge in part.
    expect(await ledger('P-1')).toEqual([
      [['TESTSVC_CHARGE', 100, 100], ['TESTSVC_PENALTY', 10, 10]],
      [['TESTSVC_CHARGE', 100, 60], ['TESTSVC_REBATE', -20, -20]],
      [['TESTSVC_CHARGE', 100, 0]],
    ]);
    const paidBill = first.paymentDetails[0].bill;
    expect(paidBill.status).toBe('PAID');
    expect(paidBill.billDetails[1].billAccountDetails.map((a: any) => [a.taxHeadCode, a.adjustedAmount])).toEqual([['TESTSVC_CHARGE', 60], ['TESTSVC_REBATE', -20]]);
    const april = (await post(`/billing-service/demand/_search?tenantId=${GP}&consumerCode=P-1&isPaymentCompleted=true`, {})).body.Demands;
    expect(april.map((d: any) => d.taxPeriodFrom)).toEqual([month(4).taxPeriodFrom]);
  });

  it('refuses a paid bill (409 STALE_BILL) and a mode the service does not accept', async () => {
    const old = first.paymentDetails[0].bill;
    let res = await pay(old, 10);
    expect(res.status).toBe(409);
    expect(res.body.Errors[0]).toMatchObject({ code: 'STALE_BILL', params: ['$.Payment.paymentDetails[0].billId'] });
    const bill = await fetchBill('P-1');
    expect(bill.totalAmount).toBe(140);
    res = await pay(bill, 200, 'DD');
    expect(res.status).toBe(400);
    expect(res.body.Errors[0]).toMatchObject({ code: 'PAYMENT_MODE_NOT_ALLOWED', params: ['$.Payment.paymentMode'] });
    res = await pay(bill, 200, 'BITCOIN');
    expect(res.status).toBe(400);
    expect(res.body.Errors[0].code).toBe('INVALID_PAYMENT_MODE');
  });

  it('turns an over-payment into advance, and a new demand consumes it', async () => {
    const bill = await fetchBill('P-1');
    const res = await pay(bill, 200);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    second = res.body.Payments[0];
    expect(second.paymentDetails[0].receiptNumber).toBe('TR/1013/2026-27/000002');
    expect(await ledger('P-1')).toEqual([
      [['TESTSVC_CHARGE', 100, 100], ['TESTSVC_PENALTY', 10, 10]],
      [['TESTSVC_CHARGE', 100, 100], ['TESTSVC_REBATE', -20, -20]],
      [['TESTSVC_CHARGE', 100, 100], ['TESTSVC_ADVANCE_CARRYFORWARD', -60, 0]],
    ]);
    const [july] = await createDemands(demand('P-1', 7, [['TESTSVC_CHARGE', 100]]));
    expect(july.demandDetails[0]).toMatchObject({ taxAmount: 100, collectionAmount: 60 });
    expect((await ledger('P-1'))[2]).toEqual([['TESTSVC_CHARGE', 100, 100], ['TESTSVC_ADVANCE_CARRYFORWARD', -60, -60]]);
    expect((await fetchBill('P-1')).totalAmount).toBe(40);
  });

  it('cancels a payment: the dues come back, the payment stays as CANCELLED, twice is harmless', async () => {
    // The second payment's advance has been used by July's demand: it cannot be taken back first.
    let res = await post('/collection-services/payments/_workflow', { PaymentWorkflows: [{ paymentId: second.id, action: 'CANCEL', tenantId: GP, reason: 'typo' }] });
    expect(res.status).toBe(409);
    expect(res.body.Errors[0].code).toBe('ADVANCE_ALREADY_USED');

    res = await post('/collection-services/payments/_workflow', { PaymentWorkflows: [{ paymentId: first.id, action: 'CANCEL', tenantId: GP, reason: 'cheque bounced' }] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.Payments[0]).toMatchObject({ id: first.id, paymentStatus: 'CANCELLED', instrumentStatus: 'CANCELLED', additionalDetails: { cancellation: { reason: 'cheque bounced' } } });
    expect(await ledger('P-1')).toEqual([
      [['TESTSVC_CHARGE', 100, 0], ['TESTSVC_PENALTY', 10, 0]],
      [['TESTSVC_CHARGE', 100, 40], ['TESTSVC_REBATE', -20, 0]],
      [['TESTSVC_CHARGE', 100, 100], ['TESTSVC_ADVANCE_CARRYFORWARD', -60, -60]],
      [['TESTSVC_CHARGE', 100, 60]],
    ]);
    expect((await fetchBill('P-1')).totalAmount).toBe(190);
    res = await post('/collection-services/payments/_cancel', { Payment: { id: first.id, tenantId: GP } });
    expect(res.status).toBe(200);
    expect((await fetchBill('P-1')).totalAmount).toBe(190);

    const search = async (query: string) => (await post(`/collection-services/payments/_search?tenantId=${GP}&${query}`, {})).body.Payments.map((p: any) => p.id);
    expect(await search(`receiptNumbers=${first.paymentDetails[0].receiptNumber}`)).toEqual([first.id]);
    expect((await search('consumerCodes=P-1')).sort()).toEqual([first.id, second.id].sort());
    expect(await search('paymentStatus=CANCELLED')).toEqual([first.id]);
    expect(await search(`billIds=${second.paymentDetails[0].billId}`)).toEqual([second.id]);
    const byService = await post(`/collection-services/payments/TESTSVC/_search?tenantId=${GP}&consumerCodes=P-1`, {});
    expect(byService.body.Payments).toHaveLength(2);
    expect((await post(`/collection-services/payments/TESTSTRICT/_search?tenantId=${GP}&consumerCodes=P-1`, {})).body.Payments).toEqual([]);
  });

  it('takes only the full amount where part payment and advance are not allowed', async () => {
    await createDemands(demand('S-1', 4, [['TESTSTRICT_FEE', 50]], 'TESTSTRICT'));
    const bill = await fetchBill('S-1', 'TESTSTRICT');
    let res = await pay(bill, 20);
    expect(res.status).toBe(400);
    expect(res.body.Errors[0]).toMatchObject({ code: 'PART_PAYMENT_NOT_ALLOWED', params: ['$.Payment.paymentDetails[0].totalAmountPaid'] });
    res = await pay(bill, 60);
    expect(res.status).toBe(400);
    expect(res.body.Errors[0].code).toBe('ADVANCE_NOT_ALLOWED');
    res = await pay(bill, '50.00');
    expect(res.status).toBe(200);
    expect(await ledger('S-1')).toEqual([[['TESTSTRICT_FEE', 50, 50]]]);
  });

  it('lets one of 50 payments racing for one bill through, never over-collecting; receipt numbers never repeat', async () => {
    await createDemands(demand('RACE', 4, [['TESTSVC_CHARGE', 100]]));
    const bill = await fetchBill('RACE');
    const results = await Promise.all(Array.from({ length: 50 }, () => pay(bill, 100)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409).map((r) => r.body.Errors[0].code)).toEqual(Array(49).fill('STALE_BILL'));
    expect(await ledger('RACE')).toEqual([[['TESTSVC_CHARGE', 100, 100]]]);
    const settled = (await post(`/billing-service/demand/_search?tenantId=${GP}&consumerCode=RACE`, {})).body.Demands;
    expect(settled[0].demandDetails[0]).toMatchObject({ taxAmount: 100, collectionAmount: 100 });

    // 30 consumers paid at once: 30 distinct receipts.
    const codes = Array.from({ length: 30 }, (_, i) => `MANY-${i}`);
    await createDemands(...codes.map((c) => demand(c, 4, [['TESTSVC_CHARGE', 10]])));
    const bills = await Promise.all(codes.map((c) => fetchBill(c)));
    const paid = await Promise.all(bills.map((b) => pay(b, 10)));
    expect(paid.every((r) => r.status === 200)).toBe(true);
    const all = (await post(`/collection-services/payments/_search?tenantId=${GP}&limit=1000`, {})).body.Payments.flatMap((p: any) => p.paymentDetails.map((d: any) => d.receiptNumber));
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(2 + 1 + 1 + 30);
  });
});
