import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../engine/clock/index.ts';
import { backends, freshDatabase, requestInfo, TestServer } from './harness.ts';

// What a consumer opens from the app's SMS links without logging in: the bill, the receipt, and
// the feedback page; and the GP's feedback summary on the dashboard.
const GP = 'pb.lodhipur';
const IST = 5.5 * 3600_000;
const ist = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) - IST;

describe.each(backends())('public bill and receipt look-ups, and feedback (%s)', (backend) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let server: TestServer;
  let token: string;
  const clock = new ManualClock(ist(2026, 11, 21) + 10 * 3600_000);
  const post = async (path: string, body: Record<string, unknown> = {}, as: string | undefined = token) => server.post(path, { RequestInfo: as ? requestInfo(as) : {}, ...body });
  /** A feedback as the app submits it: no token, and a plain-text answer. */
  const submit = async (body: Record<string, unknown>) => {
    const res = await fetch(`${server.baseUrl}/ws-services/wc/_submitfeedback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ RequestInfo: {}, ...body }) });
    return { status: res.status, text: await res.text() };
  };
  /** As the app sends it from a link: body {"RequestInfo": {}}, no token. */
  const anonymous = async (path: string, body: Record<string, unknown> = {}) => server.post(path, { RequestInfo: {}, ...body });
  let connectionNo: string;
  let bill: any;
  let payment: any;

  beforeAll(async () => {
    db = await freshDatabase(backend);
    server = await TestServer.start({ database: db.config, clock });
    token = await server.staffToken('collector', [{ code: 'GP_ADMIN', tenantId: GP }, { code: 'COLLECTION_OPERATOR', tenantId: GP }, { code: 'DASHBOARD_VIEWER', tenantId: GP }]);
    const created = await post('/ws-services/wc/_create', {
      WaterConnection: {
        tenantId: GP,
        connectionType: 'Non_Metered',
        propertyType: 'RESIDENTIAL',
        connectionHolders: [{ name: 'Gurpreet Singh', mobileNumber: '9800008888' }],
        additionalDetails: { locality: 'WARD3' },
        paymentType: 'arrears',
        arrears: 450,
        penalty: 50,
        processInstance: { action: 'SUBMIT' },
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    connectionNo = created.body.WaterConnection[0].connectionNo;
    bill = (await post(`/billing-service/bill/v2/_fetchbill?tenantId=${GP}&consumerCode=${encodeURIComponent(connectionNo)}&businessService=WS`)).body.Bill[0];
    const paid = await post('/collection-services/payments/_create', {
      Payment: { tenantId: GP, paymentMode: 'CASH', paidBy: 'Gurpreet Singh', payerName: 'Gurpreet Singh', mobileNumber: '9800008888', totalAmountPaid: 200, paymentDetails: [{ businessService: 'WS', billId: bill.id, totalAmountPaid: 200 }] },
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    payment = paid.body.Payments[0];
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it("opens the SMS's bill without a token, by consumer and bill number, with the payer's details starred", async () => {
    const query = `tenantId=${GP}&consumerCode=${encodeURIComponent(connectionNo)}&service=WS&billNumber=${encodeURIComponent(bill.billNumber)}`;
    const res = await anonymous(`/billing-service/bill/v2/_search?${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.Bill).toHaveLength(1);
    expect(res.body.Bill[0]).toMatchObject({ id: bill.id, billNumber: bill.billNumber, consumerCode: connectionNo, totalAmount: 500, payerName: 'G******* *****', mobileNumber: '******8888' });
    expect(res.body.Bill[0].billDetails[0].billAccountDetails.map((a: any) => a.taxHeadCode)).toEqual(['10102', '10201']);
    // Signed in with the role, the same look-up is whole.
    const whole = await post(`/billing-service/bill/v2/_search?${query}`);
    expect(whole.body.Bill[0]).toMatchObject({ payerName: 'Gurpreet Singh', mobileNumber: '9800008888' });
  });

  it('refuses an anonymous bill search that does not name both the consumer and the bill, or names several', async () => {
    for (const query of [`tenantId=${GP}&consumerCode=${encodeURIComponent(connectionNo)}`, `tenantId=${GP}&billNumber=${encodeURIComponent(bill.billNumber)}`, `tenantId=${GP}&consumerCode=${encodeURIComponent(`${connectionNo},WS/OTHER`)}&billNumber=${encodeURIComponent(bill.billNumber)}`]) {
      const res = await anonymous(`/billing-service/bill/v2/_search?${query}`);
      expect([res.status, res.body.Errors?.[0]?.code], query).toEqual([401, 'UNAUTHENTICATED']);
    }
    const other = await anonymous(`/billing-service/bill/v2/_search?tenantId=${GP}&consumerCode=${encodeURIComponent(connectionNo)}&billNumber=NOPE`);
    expect([other.status, other.body.Bill]).toEqual([200, []]);
  });

  it("opens the receipt by its number (and an online payment's by the consumer) without a token, the payer starred", async () => {
    const receiptNumber = payment.paymentDetails[0].receiptNumber;
    const res = await anonymous(`/collection-services/payments/WS/_search?tenantId=${GP}&consumerCode=${encodeURIComponent(connectionNo)}&businessService=WS&receiptNumbers=${encodeURIComponent(receiptNumber)}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.Payments).toHaveLength(1);
    const p = res.body.Payments[0];
    expect(p).toMatchObject({ id: payment.id, totalAmountPaid: 200, paymentStatus: 'NEW', paidBy: 'G******* *****', payerName: 'G******* *****', mobileNumber: '******8888' });
    expect(p.paymentDetails[0]).toMatchObject({ receiptNumber, businessService: 'WS', totalAmountPaid: 200 });
    expect(p.paymentDetails[0].bill).toMatchObject({ consumerCode: connectionNo, payerName: 'G******* *****', mobileNumber: '******8888' });
    const byConsumer = await anonymous(`/collection-services/payments/WS/_search?tenantId=${GP}&consumerCode=${encodeURIComponent(connectionNo)}&businessService=WS`);
    expect(byConsumer.body.Payments.map((x: any) => [x.id, x.mobileNumber])).toEqual([[payment.id, '******8888']]);
    const whole = await post(`/collection-services/payments/WS/_search?tenantId=${GP}&receiptNumbers=${encodeURIComponent(receiptNumber)}`);
    expect(whole.body.Payments[0]).toMatchObject({ paidBy: 'Gurpreet Singh', mobileNumber: '9800008888' });
    const everything = await anonymous(`/collection-services/payments/WS/_search?tenantId=${GP}`);
    expect([everything.status, everything.body.Errors[0].code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('takes feedback without a token and answers in plain text; refuses it for a payment not the consumer’s, twice, or with bad answers', async () => {
    const feedback = (extra: Record<string, unknown> = {}, checklist?: unknown[]) => ({
      feedback: {
        tenantId: GP,
        paymentId: payment.id,
        connectionno: connectionNo,
        additionaldetails: {
          CheckList: checklist ?? [
            { code: 'HAPPY_WATER_SUPPLY', type: 'SINGLE_SELECT', value: '4' },
            { code: 'WATER_QUALITY_GOOD', type: 'SINGLE_SELECT', value: '5' },
            { code: 'WATER_SUPPLY_REGULAR', type: 'SINGLE_SELECT', value: '3' },
          ],
        },
        ...extra,
      },
    });
    const refusals: [Record<string, unknown>, unknown[] | undefined, string, string][] = [
      [{ paymentId: 'no-such-payment' }, undefined, 'PAYMENT_NOT_FOUND', '$.feedback.paymentId'],
      [{ connectionno: 'WS/OTHER' }, undefined, 'PAYMENT_NOT_FOUND', '$.feedback.paymentId'],
      [{}, [{ code: 'HAPPY_WATER_SUPPLY', value: '4' }, { code: 'WATER_QUALITY_GOOD', value: '4' }], 'MISSING_CHECKLIST', '$.feedback.additionalDetails.CheckList'],
      [{}, [{ code: 'HAPPY_WATER_SUPPLY', value: '4' }, { code: 'WATER_QUALITY_GOOD', value: '4' }, { code: 'WATER_SUPPLY_REGULAR', value: '4' }, { code: 'PIPES_CLEAN', value: '4' }], 'INVALID_CHECKLIST', '$.feedback.additionalDetails.CheckList'],
      [{}, [{ code: 'HAPPY_WATER_SUPPLY', value: '9' }, { code: 'WATER_QUALITY_GOOD', value: '4' }, { code: 'WATER_SUPPLY_REGULAR', value: '4' }], 'INVALID_CHECKLIST_ANS', '$.feedback.additionalDetails.CheckList[0].value'],
    ];
    for (const [extra, checklist, code, path] of refusals) {
      const res = await anonymous('/ws-services/wc/_submitfeedback', feedback(extra, checklist));
      expect([res.status, res.body?.Errors?.[0]?.code, res.body?.Errors?.[0]?.params], JSON.stringify([extra, checklist])).toEqual([400, code, [path]]);
    }
    const res = await fetch(`${server.baseUrl}/ws-services/wc/_submitfeedback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ RequestInfo: {}, ...feedback() }) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('Successfully submitted feedback');
    // Stored as DIGIT keeps it: the paid bill's period, by nobody in particular.
    const stored = await sql<{ connectionno: string; billingcycle: string; createdby: string }>`select connectionno, billingcycle, createdby from eg_ws_feedback`.execute(server.seva.database.db);
    const period = bill.billDetails[bill.billDetails.length - 1];
    const ddmmyyyy = (t: number) => new Date(t + IST).toISOString().slice(0, 10).split('-').reverse().join('/');
    expect(stored.rows).toEqual([{ connectionno: connectionNo, billingcycle: `${ddmmyyyy(period.fromPeriod)}-${ddmmyyyy(period.toPeriod)}`, createdby: 'anonymous' }]);
    const again = await anonymous('/ws-services/wc/_submitfeedback', feedback());
    expect([again.status, again.body.Errors[0].code]).toEqual([409, 'DUPLICATE_FEEDBACK']);
  });

  it("averages each question's ratings over the period, cut to whole stars, with the number of feedbacks", async () => {
    const summary = async (query: string) => {
      const res = await post(`/ws-services/wc/_getfeedback?tenantId=${GP}&${query}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.feedback;
    };
    const month = `fromDate=${ist(2026, 11, 1)}&toDate=${ist(2026, 12, 1) - 1}`;
    expect(await summary(month)).toEqual({ HAPPY_WATER_SUPPLY: 4, WATER_QUALITY_GOOD: 5, WATER_SUPPLY_REGULAR: 3, count: 1 });
    // A second payment and a second feedback: means of 4 and 5 (4.5) and 3 and 2 (2.5) are cut.
    const second = await post('/collection-services/payments/_create', {
      Payment: { tenantId: GP, paymentMode: 'CASH', paidBy: 'Gurpreet Singh', mobileNumber: '9800008888', totalAmountPaid: 100, paymentDetails: [{ businessService: 'WS', billId: (await post(`/billing-service/bill/v2/_fetchbill?tenantId=${GP}&consumerCode=${encodeURIComponent(connectionNo)}&businessService=WS`)).body.Bill[0].id, totalAmountPaid: 100 }] },
    });
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    const given = await submit({
      feedback: {
        tenantId: GP,
        paymentId: second.body.Payments[0].id,
        connectionNo,
        additionalDetails: { CheckList: [{ code: 'HAPPY_WATER_SUPPLY', value: 5 }, { code: 'WATER_QUALITY_GOOD', value: '5' }, { code: 'WATER_SUPPLY_REGULAR', value: '2' }] },
      },
    });
    expect(given, given.text).toEqual({ status: 200, text: 'Successfully submitted feedback' });
    expect(await summary(month)).toEqual({ HAPPY_WATER_SUPPLY: 4, WATER_QUALITY_GOOD: 5, WATER_SUPPLY_REGULAR: 2, count: 2 });
    // Nobody gave feedback in October: DIGIT answers an empty object.
    expect(await summary(`fromDate=${ist(2026, 10, 1)}&toDate=${ist(2026, 11, 1) - 1}`)).toEqual({});
    const refused = await anonymous(`/ws-services/wc/_getfeedback?tenantId=${GP}`);
    expect(refused.status).toBe(401);
  });

  it("the collect-payment screen: one consumer's bill, demands and penalty preview without a token, the payer starred", async () => {
    const consumer = `tenantId=${GP}&consumerCode=${encodeURIComponent(connectionNo)}`;
    const fetched = await anonymous(`/billing-service/bill/v2/_fetchbill?${consumer}&businessService=WS&connectionType=Non_Metered`);
    expect(fetched.status, JSON.stringify(fetched.body)).toBe(200);
    expect(fetched.body.Bill[0]).toMatchObject({ consumerCode: connectionNo, payerName: 'G******* *****', mobileNumber: '******8888' });
    const demands = await anonymous(`/billing-service/demand/_search?${consumer}&businessService=WS`);
    expect(demands.status, JSON.stringify(demands.body)).toBe(200);
    expect(demands.body.Demands.map((d: any) => [d.consumerCode, d.payer.name, d.payer.mobileNumber])).toEqual([[connectionNo, 'G******* *****', '******8888']]);
    const preview = await anonymous(`/ws-calculator/waterCalculator/_getPenaltyDetails?tenantId=${GP}&consumerCodes=${encodeURIComponent(connectionNo)}&isGetPenaltyEstimate=true`, { GetBillCriteria: { tenantId: GP, billId: null, isGetPenaltyEstimate: true, consumerCodes: [connectionNo] } });
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    // Opening arrears only: the penalty applies to monthly demands, so none is estimated.
    expect(preview.body).toMatchObject({ totalApplicablePenalty: 0, Demands: [expect.objectContaining({ consumerType: 'waterConnection-arrears', payer: expect.objectContaining({ mobileNumber: '******8888' }) })] });
    // Signed in, the same calls are whole; without naming one consumer they are refused.
    expect((await post(`/billing-service/demand/_search?${consumer}&businessService=WS`)).body.Demands[0].payer.mobileNumber).toBe('9800008888');
    for (const path of [`/billing-service/bill/v2/_fetchbill?tenantId=${GP}&businessService=WS`, `/billing-service/demand/_search?tenantId=${GP}`, `/ws-calculator/waterCalculator/_getPenaltyDetails?tenantId=${GP}`]) {
      const res = await anonymous(path);
      expect([res.status, res.body.Errors?.[0]?.code], path).toEqual([401, 'UNAUTHENTICATED']);
    }
  });

  it("a payment that echoes the starred payer of such a bill is taken as the bill's payer; other starred text is refused", async () => {
    const fetched = await anonymous(`/billing-service/bill/v2/_fetchbill?tenantId=${GP}&consumerCode=${encodeURIComponent(connectionNo)}&businessService=WS`);
    const shown = fetched.body.Bill[0];
    const pay = (payer: Record<string, string>) =>
      post('/collection-services/payments/_create', { Payment: { tenantId: GP, paymentMode: 'CASH', ...payer, totalAmountPaid: '20', paymentDetails: [{ businessService: 'WS', billId: shown.id, totalAmountPaid: '20' }] } });
    for (const [payer, field] of [
      [{ paidBy: shown.payerName, mobileNumber: '******9999' }, 'mobileNumber'],
      [{ paidBy: 'S******* *****', mobileNumber: shown.mobileNumber }, 'paidBy'],
    ] as const) {
      const refused = await pay(payer);
      expect([refused.status, refused.body.Errors?.[0]?.code, refused.body.Errors?.[0]?.params], JSON.stringify(payer)).toEqual([400, 'INVALID_PAYER', [`$.Payment.${field}`]]);
    }
    const paid = await pay({ paidBy: shown.payerName, mobileNumber: shown.mobileNumber });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect(paid.body.Payments[0]).toMatchObject({ paidBy: 'Gurpreet Singh', mobileNumber: '9800008888', totalAmountPaid: 20 });
  });
});
