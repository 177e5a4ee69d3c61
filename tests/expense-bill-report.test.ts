import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../engine/clock/index.ts';
import { backends, freshDatabase, requestInfo, TestServer } from './harness.ts';

// The app's expense bill report (echallan-services _expenseBillReport), with the app's own
// parameters (monthstartDate, monthendDate, offset from 0, limit -1 to download), over expenses
// recorded, paid and cancelled through Seva's APIs.
const GP = 'pb.lodhipur';
const IST = 5.5 * 3600_000;
const ist = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d, h) - IST;

describe.each(backends())('expense bill report (%s)', (backend) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let server: TestServer;
  let clerk: string;
  const clock = new ManualClock(ist(2026, 11, 10, 10));
  const post = async (path: string, body: Record<string, unknown> = {}) => server.post(path, { RequestInfo: requestInfo(clerk), ...body });
  const report = async (query: string) => {
    const res = await post(`/echallan-services/eChallan/v1/_expenseBillReport?tenantId=${GP}&${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const challans: Record<string, any> = {};

  beforeAll(async () => {
    db = await freshDatabase(backend);
    server = await TestServer.start({ database: db.config, clock });
    clerk = await server.staffToken('lodhipur-clerk', [{ code: 'EXPENSE_PROCESSING', tenantId: GP }, { code: 'COLLECTION_OPERATOR', tenantId: GP }]);
    const vendors = await post('/vendor/v1/_create', {
      vendor: [
        { tenantId: GP, name: 'PSPCL Patiala', owner: { name: 'SDO PSPCL', mobileNumber: '9811100001' } },
        { tenantId: GP, name: 'Sandhu Pump Works', owner: { name: 'Harjit Sandhu', mobileNumber: '9811100002' } },
      ],
    });
    const [board, mechanic] = vendors.body.vendor;
    const create = async (key: string, challan: Record<string, unknown>) => {
      const res = await post('/echallan-services/eChallan/v1/_create', { Challan: { tenantId: GP, billDate: ist(2026, 11, 1), ...challan } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      challans[key] = res.body.challans[0];
    };
    await create('electricity', { typeOfExpense: 'ELECTRICITY_BILL', vendor: board.id, amount: [{ taxHeadCode: 'EXPENSE.ELECTRICITY_BILL', amount: '1250.75' }] });
    clock.set(ist(2026, 11, 12, 10));
    await create('repair', { typeOfExpense: 'MACHINERY_REPAIR', vendor: mechanic.id, amount: [{ taxHeadCode: 'EXPENSE.MACHINERY_REPAIR', amount: 800 }], isBillPaid: true, paidDate: ist(2026, 11, 12), filestoreid: 'file-1' });
    clock.set(ist(2026, 11, 14, 10));
    const cancelled = await post('/echallan-services/eChallan/v1/_update', { Challan: { ...challans.repair, applicationStatus: 'CANCELLED' } });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    challans.repair = cancelled.body.challans[0];
    // Entered in December: outside November's report.
    clock.set(ist(2026, 12, 2, 10));
    clerk = await server.token('lodhipur-clerk', 'pass-word-1', 'pb'); // the first login has expired by now
    await create('december', { typeOfExpense: 'SALARY', vendor: mechanic.id, amount: [{ taxHeadCode: 'EXPENSE.SALARY', amount: 500 }] });
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it("lists the bills entered in the period, newest first, with every field the app's report reads", async () => {
    const body = await report('monthstartDate=01/11/2026&monthendDate=30/11/2026&offset=0&limit=10&sortOrder=ASC');
    expect(body.totalCount).toBe(2);
    const [repair, electricity] = body.ExpenseBillReportData;
    expect(electricity).toEqual({
      tenantId: GP,
      typeOfExpense: 'ELECTRICITY_BILL',
      vendorName: 'PSPCL Patiala',
      amount: 1250,
      billDate: ist(2026, 11, 1),
      taxPeriodFrom: ist(2026, 11, 1),
      taxPeriodTo: ist(2026, 11, 1),
      applicationStatus: 'ACTIVE',
      paidDate: 0,
      filestoreid: 'No',
      lastModifiedTime: 0,
      lastModifiedByUuid: null,
      lastModifiedBy: null,
    });
    expect(repair).toMatchObject({ typeOfExpense: 'MACHINERY_REPAIR', vendorName: 'Sandhu Pump Works', amount: 800, applicationStatus: 'CANCELLED', paidDate: ist(2026, 11, 12), filestoreid: 'Yes', lastModifiedTime: ist(2026, 11, 14, 10), lastModifiedByUuid: challans.repair.auditDetails.lastModifiedBy, lastModifiedBy: 'lodhipur-clerk' });
    // The app parses amount, dates and times as int.
    for (const key of ['amount', 'billDate', 'taxPeriodFrom', 'taxPeriodTo', 'paidDate', 'lastModifiedTime']) expect(Number.isInteger(repair[key]), key).toBe(true);
  });

  it('pages from offset 0, and answers every bill for a download (limit -1)', async () => {
    const page = await report('monthstartDate=01/11/2026&monthendDate=30/11/2026&offset=1&limit=1');
    expect(page.ExpenseBillReportData.map((r: any) => r.typeOfExpense)).toEqual(['ELECTRICITY_BILL']);
    expect(page.totalCount).toBe(2);
    const all = await report('monthstartDate=01/11/2026&monthendDate=31/12/2026&offset=0&limit=-1');
    expect(all.ExpenseBillReportData.map((r: any) => r.typeOfExpense)).toEqual(['SALARY', 'MACHINERY_REPAIR', 'ELECTRICITY_BILL']);
    const missing = await post(`/echallan-services/eChallan/v1/_expenseBillReport?tenantId=${GP}&monthstartDate=01/11/2026`);
    expect([missing.status, missing.body.Errors[0].code, missing.body.Errors[0].params]).toEqual([400, 'REQUIRED_FIELD_MISSING', ['$.monthendDate']]);
  });
});
