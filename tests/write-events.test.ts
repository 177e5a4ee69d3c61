import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, freshDatabase, requestInfo, TestServer } from './harness.ts';

/**
 * Every business fact of the README's water walk-through lands in the outbox, written by the
 * write lifecycle in the transaction of the change: the consumer, its workflow step and opening
 * demand, the bulk demand and its run, the bill, the payment and the demand versions it makes.
 */
const GP = 'pb.lodhipur';

describe.each(backends())('the facts a water walk-through records (%s)', (backend) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let server: TestServer;
  let admin: string;
  const post = (path: string, body: Record<string, unknown>) => server.post(path, { RequestInfo: requestInfo(admin), ...body });
  const outbox = async (after: number) =>
    (await server.seva.database.db.selectFrom('seva_outbox').select(['topic', 'key', 'tenant_id', 'payload', 'created_at']).where('created_at', '>=', after).orderBy('created_at').orderBy('position').execute()) as {
      topic: string;
      key: string;
      tenant_id: string;
      payload: any;
    }[];
  const topics = async (after: number) => (await outbox(after)).map((e) => e.topic);

  beforeAll(async () => {
    db = await freshDatabase(backend);
    server = await TestServer.start({ database: db.config });
    admin = await server.staffToken('events-admin', [{ code: 'GP_ADMIN', tenantId: GP }, { code: 'BULK_DEMAND_PROCESSING', tenantId: GP }, { code: 'COLLECTION_OPERATOR', tenantId: GP }]);
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('onboarding, bulk demand, bill and payment each leave their events, in order', async () => {
    const since = Date.now() - 1;
    const created = await post('/ws-services/wc/_create', {
      WaterConnection: {
        tenantId: GP,
        connectionType: 'Non_Metered',
        propertyType: 'RESIDENTIAL',
        connectionHolders: [{ name: 'Gurpreet Singh', mobileNumber: '9800000001' }],
        additionalDetails: { locality: 'WARD3' },
        paymentType: 'arrears',
        arrears: 450,
        penalty: 50,
        processInstance: { action: 'SUBMIT' },
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const connectionNo = created.body.WaterConnection[0].connectionNo as string;
    expect(await topics(since)).toEqual(['save-wf-transitions', 'save-demand', 'save-ws-connection']);

    const afterCreate = Date.now();
    const bulk = await post('/ws-calculator/waterCalculator/_bulkDemand', { tenantId: GP, billingPeriod: '01/10/2026 - 31/10/2026' });
    expect(bulk.body.run, JSON.stringify(bulk.body)).toMatchObject({ status: 'SUCCEEDED', created: 1 });
    expect(await topics(afterCreate)).toEqual(['save-demand', 'seva.batch.run-finished']);

    const afterBulk = Date.now();
    const bill = await server.post(`/billing-service/bill/v2/_fetchbill?tenantId=${GP}&businessService=WS&consumerCode=${encodeURIComponent(connectionNo)}`, {}, { token: admin });
    expect(bill.status, JSON.stringify(bill.body)).toBe(200);
    const billId = bill.body.Bill[0].id as string;
    const paid = await post('/collection-services/payments/_create', {
      Payment: { tenantId: GP, paymentMode: 'CASH', totalAmountPaid: 250, paidBy: 'Gurpreet Singh', mobileNumber: '9800000001', paymentDetails: [{ businessService: 'WS', billId, totalAmountPaid: 250 }] },
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    const events = await outbox(afterBulk);
    // The bill; then the payment collects from both demands (a new version of each) and is recorded.
    expect(events.map((e) => e.topic)).toEqual(['save-bill', 'update-demand', 'update-demand', 'egov.collection.payment-create']);
    const [billEvent, ...rest] = events;
    const paymentEvent = rest.pop()!;
    expect(billEvent).toMatchObject({ key: billId, tenant_id: GP });
    expect(billEvent!.payload.Bill.totalAmount).toBe(600);
    const receipt = paymentEvent.payload.Payment.paymentDetails[0].receiptNumber;
    expect(rest.map((e) => e.payload.reason)).toEqual([`collected: receipt ${receipt}`, `collected: receipt ${receipt}`]);
    expect(paymentEvent.payload.Payment.totalAmountPaid).toBe(250);

    // The paid bill is done with: the next fetch makes a bill for what is left; fetched again with
    // nothing changed, it is the same bill and no new fact.
    const fetchBill = () => server.post(`/billing-service/bill/v2/_fetchbill?tenantId=${GP}&businessService=WS&consumerCode=${encodeURIComponent(connectionNo)}`, {}, { token: admin });
    const afterPayment = Date.now();
    expect((await fetchBill()).body.Bill[0].totalAmount).toBe(350);
    expect(await topics(afterPayment)).toEqual(['save-bill']);
    const before = (await outbox(0)).length;
    await fetchBill();
    expect((await outbox(0)).length).toBe(before);
  });

  it('a refused write leaves no event behind', async () => {
    const since = Date.now();
    const refused = await post('/ws-services/wc/_create', {
      WaterConnection: { tenantId: GP, connectionType: 'Non_Metered', propertyType: 'NO_SUCH_TYPE', connectionHolders: [{ name: 'X', mobileNumber: '9800000009' }], processInstance: { action: 'SUBMIT' } },
    });
    expect(refused.status).toBe(400);
    expect(await topics(since)).toEqual([]);
  });
});
