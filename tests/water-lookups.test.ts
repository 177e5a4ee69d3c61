import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../engine/clock/index.ts';
import { backends, freshDatabase, requestInfo, TestServer } from './harness.ts';

// The calls the app's consumer search, bulk-demand screen and monthly summary make, over
// consumers, demands and payments made through Seva's own APIs.
const GP = 'pb.lodhipur';
const IST = 5.5 * 3600_000;
/** A local (IST) date as epoch ms. */
const ist = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) - IST;

describe.each(backends())('water look-ups the app makes (%s)', (backend) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let server: TestServer;
  let token: string;
  const clock = new ManualClock(ist(2026, 11, 21) + 10 * 3600_000);
  const post = async (path: string, body: Record<string, unknown> = {}, as = token) => server.post(path, { RequestInfo: requestInfo(as), ...body });
  const consumers: Record<string, string> = {};

  const create = async (key: string, holder: { name: string; mobileNumber: string }, extra: Record<string, unknown>) => {
    const res = await post('/ws-services/wc/_create', {
      WaterConnection: {
        tenantId: GP,
        connectionType: 'Non_Metered',
        propertyType: 'RESIDENTIAL',
        connectionHolders: [holder],
        additionalDetails: { locality: 'WARD1', street: 'Gurdwara Road', doorNo: '7' },
        processInstance: { action: 'SUBMIT' },
        ...extra,
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    consumers[key] = res.body.WaterConnection[0].connectionNo;
  };

  beforeAll(async () => {
    db = await freshDatabase(backend);
    server = await TestServer.start({ database: db.config, clock });
    token = await server.staffToken('gp-admin', [
      { code: 'GP_ADMIN', tenantId: GP },
      { code: 'BULK_DEMAND_PROCESSING', tenantId: GP },
      { code: 'COLLECTION_OPERATOR', tenantId: GP },
    ]);
    // Two consumers billed from September (one with opening arrears), one from October, one
    // metered, one made inactive.
    await create('gurpreet', { name: 'Gurpreet Singh', mobileNumber: '9800000001' }, { previousReadingDate: ist(2026, 9, 1), oldConnectionNo: 'OLD-17', paymentType: 'arrears', arrears: 450, penalty: 50 });
    await create('harjit', { name: 'Harjit KAUR', mobileNumber: '9812345678' }, { previousReadingDate: ist(2026, 9, 1) });
    await create('simran', { name: 'Simranjit Kaur', mobileNumber: '9800000003' }, { previousReadingDate: ist(2026, 10, 1) });
    await create('metered', { name: 'Baldev Raj', mobileNumber: '9800000004' }, { connectionType: 'Metered', meterId: 'M-1', previousReadingDate: ist(2026, 9, 1), additionalDetails: { initialMeterReading: 10 } });
    await create('inactive', { name: 'Kuldeep Kaur', mobileNumber: '9800000005' }, { previousReadingDate: ist(2026, 9, 1) });
    const found = await post(`/ws-services/wc/_search?tenantId=${GP}&connectionNumber=${encodeURIComponent(consumers.inactive!)}`);
    const wc = found.body.WaterConnection[0];
    const off = await post('/ws-services/wc/_update', { WaterConnection: { ...wc, processInstance: { action: 'DEACTIVATE' } } });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('counts non-metered consumers by the period they were last charged, and the uncharged by their previous reading date', async () => {
    const count = async () => {
      const res = await post(`/ws-services/wc/_countWCbyDemandGenerationDate?tenantId=${GP}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body;
    };
    // Nobody charged yet: the opening arrears are not a month's charge.
    expect(await count()).toMatchObject({
      WaterConnectionsDemandGenerated: [],
      WaterConnectionsDemandNotGenerated: [
        { taxperiodto: ist(2026, 9, 1), count: 2 },
        { taxperiodto: ist(2026, 10, 1), count: 1 },
      ],
    });
    const run = await post('/ws-calculator/waterCalculator/_bulkDemand', { tenantId: GP, billingPeriod: '01/10/2026 - 31/10/2026' });
    expect(run.body.run, JSON.stringify(run.body)).toMatchObject({ status: 'SUCCEEDED', created: 3 });
    const after = await count();
    expect(after.WaterConnectionsDemandGenerated).toEqual([{ taxperiodto: ist(2026, 11, 1) - 1, count: 3 }]);
    expect(after.WaterConnectionsDemandNotGenerated).toEqual([]);
    // Each count is a JSON number, as the app's WaterConnectionCount reads it.
    for (const row of after.WaterConnectionsDemandGenerated) expect([typeof row.count, typeof row.taxperiodto]).toEqual(['number', 'number']);
  });

  it('lists the Active non-metered consumers a run left uncharged, by previous reading date, in the shape of wc/_search', async () => {
    const notGenerated = async (previousMeterReading: number) => post(`/ws-services/wc/consumers/demand-not-generated?tenantId=${GP}&previousMeterReading=${previousMeterReading}`);
    // Everyone was charged for October; a consumer added now, billed from November, was not.
    await create('late', { name: 'Manpreet Gill', mobileNumber: '9800000006' }, { previousReadingDate: ist(2026, 11, 1) });
    const res = await notGenerated(ist(2026, 11, 1));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.WaterConnection.map((w: any) => w.connectionNo)).toEqual([consumers.late]);
    expect(res.body.totalCount).toBe(1);
    expect(res.body.WaterConnection[0]).toMatchObject({ status: 'Active', connectionType: 'Non_Metered', connectionHolders: [{ name: 'Manpreet Gill', mobileNumber: '9800000006' }], additionalDetails: { locality: 'WARD1', collectionPendingAmount: '0', lastChargePeriodTo: null } });
    expect((await notGenerated(ist(2026, 9, 1))).body.WaterConnection).toEqual([]);
    const missing = await post(`/ws-services/wc/consumers/demand-not-generated?tenantId=${GP}`);
    expect([missing.status, missing.body.Errors[0].code, missing.body.Errors[0].params]).toEqual([400, 'REQUIRED_FIELD_MISSING', ['$.previousMeterReading']]);
  });

  it('finds consumers by part of a name or mobile number, or free text, whatever the case, as waterConnectionData', async () => {
    const fuzzy = async (query: string) => {
      const res = await post(`/ws-services/wc/fuzzy/_search?tenantId=${GP}&${query}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body;
    };
    const byName = await fuzzy('name=kaur');
    expect(byName.waterConnectionData.map((w: any) => w.connectionHolders[0].name).sort()).toEqual(['Harjit KAUR', 'Kuldeep Kaur', 'Simranjit Kaur']);
    expect(byName.totalCount).toBe(3);
    // The app reads WaterConnection when the fuzzy list is empty: it is there, empty.
    expect(byName.WaterConnection).toEqual([]);
    expect((await fuzzy('name=%20JIT%20')).totalCount).toBe(2);
    expect((await fuzzy('name=jit')).waterConnectionData.map((w: any) => w.connectionNo).sort()).toEqual([consumers.harjit, consumers.simran].sort());
    expect((await fuzzy('mobileNumber=2345')).waterConnectionData.map((w: any) => w.connectionNo)).toEqual([consumers.harjit]);
    expect((await fuzzy(`textSearch=${consumers.gurpreet!.slice(-4)}`)).waterConnectionData.map((w: any) => w.connectionNo)).toEqual([consumers.gurpreet]);
    expect((await fuzzy('textSearch=BALDEV')).waterConnectionData.map((w: any) => w.connectionNo)).toEqual([consumers.metered]);
    expect((await fuzzy('name=kaur&status=Active')).totalCount).toBe(2);
    const none = await fuzzy('name=nobody');
    expect([none.waterConnectionData, none.WaterConnection, none.totalCount]).toEqual([[], [], 0]);
    // Every field the app's result card reads.
    const one = (await fuzzy('name=gurpreet')).waterConnectionData[0];
    expect(one).toMatchObject({ connectionNo: consumers.gurpreet, oldConnectionNo: 'OLD-17', status: 'Active', connectionHolders: [{ name: 'Gurpreet Singh', mobileNumber: '9800000001' }], additionalDetails: { doorNo: '7', street: 'Gurdwara Road', locality: 'WARD1' } });
    const refused = await post(`/ws-services/wc/fuzzy/_search?tenantId=${GP}`);
    expect([refused.status, refused.body.Errors[0].code]).toEqual([400, 'INVALID_SEARCH_CRITERIA']);
  });

  it('pages the plain search by creation date', async () => {
    const all = await post(`/ws-services/wc/_plainsearch?tenantId=${GP}&limit=2`);
    expect(all.status, JSON.stringify(all.body)).toBe(200);
    expect(all.body.WaterConnection).toHaveLength(2);
    expect(all.body.totalCount).toBe(6);
    const none = await post(`/ws-services/wc/_plainsearch?tenantId=${GP}&fromDate=${clock.now() + 1}`);
    expect(none.body.totalCount).toBe(0);
    // Only the plain search's criteria are read: a name narrows nothing here.
    expect((await post(`/ws-services/wc/_plainsearch?tenantId=${GP}&name=gurpreet`)).body.totalCount).toBe(6);
  });

  it("sums last month's demand and collection, and the year's pending collection, in whole rupees as strings", async () => {
    const bill = (await post(`/billing-service/bill/v2/_fetchbill?tenantId=${GP}&consumerCode=${encodeURIComponent(consumers.gurpreet!)}&businessService=WS`)).body.Bill[0];
    expect(bill.totalAmount).toBe(600);
    // Paid in October (the clock moved back for it), and a payment of November not counted.
    clock.set(ist(2026, 10, 30) + 12 * 3600_000);
    const paid = await post('/collection-services/payments/_create', { Payment: { tenantId: GP, paymentMode: 'CASH', paidBy: 'Gurpreet Singh', mobileNumber: '9800000001', totalAmountPaid: 250.75, paymentDetails: [{ businessService: 'WS', billId: bill.id, totalAmountPaid: 250.75 }] } });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    clock.set(ist(2026, 11, 21) + 10 * 3600_000);
    const summary = await post(`/ws-services/wc/_lastMonthSummary?tenantId=${GP}`);
    expect(summary.status, JSON.stringify(summary.body)).toBe(200);
    // October: three charges of 100; pending this year up to October: 450 + 50 + 300 - 250.75.
    expect(summary.body.LastMonthSummary).toEqual({ previousMonthYear: 'OCTOBER 2026-27', newDemand: '300', actualCollection: '250', cumulativePendingCollection: '549' });
    const april = await post(`/ws-services/wc/_lastMonthSummary?tenantId=${GP}&currentDate=${ist(2026, 4, 10)}`);
    expect(april.body.LastMonthSummary).toEqual({ previousMonthYear: 'MARCH 2025-26', newDemand: '0', actualCollection: '0', cumulativePendingCollection: '0' });
  });
});
