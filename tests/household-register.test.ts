import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../engine/clock/index.ts';
import { backends, freshDatabase, requestInfo, TestServer } from './harness.ts';

/**
 * The household register and the collection dashboard as the mGramSeva app asks for them
 * (providers/household_register_provider.dart, dashboard_provider.dart): wc/_search with its
 * query parameters, tab counts, text search, the paid/pending filter and the figures as text.
 * Four consumers: two with whole-rupee arrears (one paid in full in November, one paid in part in
 * October), one commercial with arrears, one with no demand at all.
 */
const GP = 'pb.lodhipur';
const IST = 5.5 * 3600_000;
const ist = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d, h) - IST;
const NOV = { from: ist(2026, 11, 1), to: ist(2026, 12, 1) - 1 };

describe.each(backends())('the household register as the app reads it (%s)', (backend) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let server: TestServer;
  let admin: string;
  const clock = new ManualClock(ist(2026, 10, 20, 10));
  const post = async (path: string, body: Record<string, unknown> = {}) => server.post(path, { RequestInfo: requestInfo(admin), ...body });
  const register = async (query: Record<string, string>) => {
    const res = await post(`/ws-services/wc/_search?${new URLSearchParams({ tenantId: GP, ...query })}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const pay = async (connectionNo: string, amount: number) => {
    const fetched = await post(`/billing-service/bill/v2/_fetchbill?tenantId=${GP}&businessService=WS&consumerCode=${encodeURIComponent(connectionNo)}`);
    expect(fetched.status, JSON.stringify(fetched.body)).toBe(200);
    const bill = fetched.body.Bill[0];
    const paid = await post('/collection-services/payments/_create', {
      Payment: { tenantId: GP, paymentMode: 'CASH', paidBy: 'Self', mobileNumber: '9800000009', totalAmountPaid: amount, paymentDetails: [{ businessService: 'WS', billId: bill.id, totalAmountPaid: amount }] },
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
  };
  const consumer = (name: string, mobile: string, extra: Record<string, unknown> = {}) => ({
    tenantId: GP,
    connectionType: 'Non_Metered',
    propertyType: 'RESIDENTIAL',
    connectionHolders: [{ name, mobileNumber: mobile }],
    processInstance: { action: 'SUBMIT' },
    ...extra,
  });
  const no: Record<'settled' | 'partly' | 'shop' | 'none', string> = {} as never;

  beforeAll(async () => {
    db = await freshDatabase(backend);
    server = await TestServer.start({ database: db.config, clock });
    admin = await server.staffToken('register-admin', [{ code: 'GP_ADMIN', tenantId: GP }, { code: 'COLLECTION_OPERATOR', tenantId: GP }]);
    const made = await post('/ws-services/wc/_create', {
      WaterConnection: [
        consumer('Gurpreet Singh', '9800000001', { paymentType: 'arrears', arrears: 300 }),
        consumer('Manjit Kaur', '9800000002', { paymentType: 'arrears', arrears: 500 }),
        consumer('Sharma Kiryana', '9800000003', { propertyType: 'COMMERCIAL', paymentType: 'arrears', arrears: 200 }),
        consumer('Baldev Raj', '9800000004'),
      ],
    });
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    [no.settled, no.partly, no.shop, no.none] = made.body.WaterConnection.map((w: any) => w.connectionNo);
    await pay(no.partly, 120); // in October
    clock.set(ist(2026, 11, 10, 10));
    admin = await server.token('register-admin', 'pass-word-1', 'pb'); // the October session has expired
    await pay(no.settled, 300); // in November
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('answers the register tab by tab: all, paid, pending, with the counts the tabs show', async () => {
    // household_register_provider: offset, limit, toDate=now, isCollectionCount, and isBillPaid on the Paid/Pending tabs.
    const base = { offset: '0', limit: '10', toDate: String(clock.now()), isCollectionCount: 'true' };
    const all = await register(base);
    expect(all.totalCount).toBe(4);
    expect(all.collectionDataCount).toEqual({ collectionPaid: 2, collectionPending: 2 });
    const paid = await register({ ...base, isBillPaid: 'true' });
    expect(paid.WaterConnection.map((w: any) => w.connectionNo).sort()).toEqual([no.settled, no.none].sort());
    expect(paid.totalCount).toBe(2);
    // The counts do not depend on the tab.
    expect(paid.collectionDataCount).toEqual({ collectionPaid: 2, collectionPending: 2 });
    const pending = await register({ ...base, isBillPaid: 'false', sortBy: 'collectionPendingAmount', sortOrder: 'DESC' });
    expect(pending.WaterConnection.map((w: any) => [w.connectionNo, w.additionalDetails.collectionPendingAmount, w.additionalDetails.totalamount])).toEqual([
      [no.partly, '380', '500'],
      [no.shop, '200', '200'],
    ]);
    const wrong = await post(`/ws-services/wc/_search?tenantId=${GP}&isBillPaid=maybe`);
    expect([wrong.status, wrong.body.Errors[0].code, wrong.body.Errors[0].params]).toEqual([400, 'INVALID_SEARCH_CRITERIA', ['$.isBillPaid']]);
  });

  it('finds consumers by part of a number, name or mobile, whatever the case', async () => {
    const find = async (text: string) => ((await register({ textSearch: text, freeSearch: 'true', isCollectionCount: 'true' })).WaterConnection as any[]).map((w) => w.connectionNo).sort();
    expect(await find('manjit')).toEqual([no.partly]);
    expect(await find('KIRYANA')).toEqual([no.shop]);
    expect(await find('98000000')).toHaveLength(4);
    expect(await find(no.none.slice(-4))).toContain(no.none);
  });

  it("the collection dashboard: the month's collection per consumer, property-type tabs as text, sorted by collection", async () => {
    // dashboard_provider: the month's fromDate/toDate bound collectionAmount; iscollectionAmount, isPropertyCount.
    const month = { offset: '0', limit: '10', fromDate: String(NOV.from), toDate: String(NOV.to), iscollectionAmount: 'true', isPropertyCount: 'true', sortBy: 'collectionAmount', sortOrder: 'DESC' };
    const answer = await register(month);
    expect(answer.totalCount).toBe(4);
    expect(answer.propertyCount).toEqual({ RESIDENTIAL: '3', COMMERCIAL: '1' });
    const collected = Object.fromEntries(answer.WaterConnection.map((w: any) => [w.connectionNo, w.additionalDetails.collectionAmount]));
    // October's 120 is outside November; consumers who paid nothing have none.
    expect(collected).toEqual({ [no.settled]: '300', [no.partly]: null, [no.shop]: null, [no.none]: null });
    expect(answer.WaterConnection[0].connectionNo).toBe(no.settled);
    const ever = await register({ toDate: String(NOV.to) });
    expect(ever.WaterConnection.find((w: any) => w.connectionNo === no.partly).additionalDetails.collectionAmount).toBe('120');
    const shops = await register({ ...month, propertyType: 'COMMERCIAL' });
    expect(shops.WaterConnection.map((w: any) => w.connectionNo)).toEqual([no.shop]);
    expect(shops.propertyCount).toEqual({ COMMERCIAL: '1' });
  });

  it('downloads every consumer with limit=-1', async () => {
    const all = await register({ limit: '-1', toDate: String(clock.now()), isCollectionCount: 'true' });
    expect(all.WaterConnection).toHaveLength(4);
    expect(all.Pagination).toEqual({ offSet: 0, limit: 10000, totalCount: 4 });
  });
});
