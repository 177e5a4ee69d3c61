import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../engine/clock/index.ts';
import { backends, definitionsWith, freshDatabase, month2026, requestInfo, TestServer } from './harness.ts';

const GP = 'pb.lodhipur';
// The built-in test gateway's published secret and scheme (definitions/gateways/testpay.yaml).
const sign = (txnId: string, status: string, amount: string) => createHmac('sha256', 'seva-test-gateway-secret').update(`${txnId}|${status}|${amount}`).digest('hex');

describe.each(backends())('online payment through the test gateway (%s)', (backend) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let server: TestServer;
  let token: string;
  const clock = new ManualClock(Date.UTC(2026, 10, 2, 4, 30));
  const post = (path: string, body: Record<string, unknown>, auth = true) => server.post(path, { RequestInfo: requestInfo(auth ? token : undefined), ...body });
  const callback = (params: Record<string, string>) => post(`/pg-service/transaction/v1/_update?transactionId=${params.txnId}`, params, false);

  async function billFor(consumerCode: string, amount: number) {
    const period = month2026(4);
    await post('/billing-service/demand/_create', { Demands: [{ tenantId: GP, consumerCode, businessService: 'TESTSVC', ...period, demandDetails: [{ taxHeadMasterCode: 'TESTSVC_CHARGE', taxAmount: amount }] }] });
    return (await post(`/billing-service/bill/v2/_fetchbill?tenantId=${GP}&consumerCode=${consumerCode}&businessService=TESTSVC`, {})).body.Bill[0];
  }
  async function start(bill: any, amount: number) {
    const res = await post('/pg-service/transaction/v1/_create', {
      Transaction: { tenantId: GP, txnAmount: amount, module: 'TESTSVC', billId: bill.id, consumerCode: bill.consumerCode, gateway: 'TESTPAY', callbackUrl: 'https://app.invalid/paid', productInfo: 'Water charges', user: { name: 'Harjit Kaur', mobileNumber: '9876500001' }, taxAndPayments: [{ billId: bill.id, amountPaid: amount, businessService: 'TESTSVC' }] },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.Transaction;
  }
  const paymentsOf = async (consumerCode: string) => (await post(`/collection-services/payments/_search?tenantId=${GP}&consumerCodes=${consumerCode}`, {})).body.Payments;

  beforeAll(async () => {
    db = await freshDatabase(backend);
    server = await TestServer.start({ definitionsDir: definitionsWith('tests/fixtures/billing'), database: db.config, clock });
    token = await server.staffToken('online', [{ code: 'GP_ADMIN', tenantId: GP }]);
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('creates one payment from a callback replayed 10 times, and none from a forged one', async () => {
    const bill = await billFor('G-1', 100);
    const txn = await start(bill, 100);
    expect(txn).toMatchObject({ txnStatus: 'PENDING', txnAmount: 100, gateway: 'TESTPAY', billId: bill.id });
    expect(txn.txnId).toMatch(/^PG-20261102-\d{8}$/);
    expect(txn.redirectUrl).toBe(`https://testpay.invalid/pay?txnId=${txn.txnId}&amount=100.00&returnUrl=https%3A%2F%2Fapp.invalid%2Fpaid`);

    const forged = await callback({ txnId: txn.txnId, status: 'SUCCESS', amount: '100.00', checksum: sign(txn.txnId, 'SUCCESS', '100.00').replace(/^./, (c) => (c === 'a' ? 'b' : 'a')) });
    expect(forged.status).toBe(400);
    expect(forged.body.Errors[0].code).toBe('INVALID_SIGNATURE');
    const tampered = await callback({ txnId: txn.txnId, status: 'SUCCESS', amount: '1.00', checksum: sign(txn.txnId, 'SUCCESS', '100.00') });
    expect(tampered.status).toBe(400);
    expect(await paymentsOf('G-1')).toEqual([]);
    expect((await post(`/pg-service/transaction/v1/_search?tenantId=${GP}&txnId=${txn.txnId}`, {})).body.Transaction[0].txnStatus).toBe('PENDING');

    const good = { txnId: txn.txnId, status: 'SUCCESS', amount: '100.00', gatewayTxnId: 'GW-991', checksum: sign(txn.txnId, 'SUCCESS', '100.00') };
    const replies = await Promise.all(Array.from({ length: 10 }, () => callback(good)));
    expect(replies.map((r) => r.status)).toEqual(Array(10).fill(200));
    const receipts = new Set(replies.map((r) => r.body.Transaction[0].receipt));
    expect(receipts.size).toBe(1);
    expect(replies[0]!.body.Transaction[0]).toMatchObject({ txnStatus: 'SUCCESS', gatewayTxnId: 'GW-991', gatewayStatusCode: 'SUCCESS', redirectUrl: null });
    const payments = await paymentsOf('G-1');
    expect(payments).toHaveLength(1);
    expect(payments[0]).toMatchObject({ paymentMode: 'ONLINE', transactionNumber: txn.txnId, totalAmountPaid: 100, payerName: 'Harjit Kaur', paymentDetails: [{ receiptNumber: [...receipts][0] }] });
    const [demand] = (await post(`/billing-service/demand/_search?tenantId=${GP}&consumerCode=G-1`, {})).body.Demands;
    expect(demand.demandDetails[0]).toMatchObject({ taxAmount: 100, collectionAmount: 100 });
  });

  it('records a failed payment at the gateway without paying, and refuses unknown gateways', async () => {
    const bill = await billFor('G-2', 50);
    const txn = await start(bill, 50);
    const res = await callback({ txnId: txn.txnId, status: 'FAILED', amount: '50.00', checksum: sign(txn.txnId, 'FAILED', '50.00') });
    expect(res.status).toBe(200);
    expect(res.body.Transaction[0].txnStatus).toBe('FAILURE');
    expect(await paymentsOf('G-2')).toEqual([]);
    const unknown = await post('/pg-service/transaction/v1/_create', { Transaction: { tenantId: GP, txnAmount: 50, billId: bill.id, module: 'TESTSVC', gateway: 'NOPAY' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.Errors[0]).toMatchObject({ code: 'INVALID_GATEWAY', params: ['$.Transaction.gateway'] });
  });
});
