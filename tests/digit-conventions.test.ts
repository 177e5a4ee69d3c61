import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../engine/clock/index.ts';
import { backends, freshDatabase, requestInfo, TestServer } from './harness.ts';

/**
 * DIGIT's conventions the mGramSeva app relies on, declared in the shipped YAML: limit=-1 meaning
 * "all" (bounded, and the bound stated), sort keys in whatever case and by alias, counts as the
 * strings the app parses, and the page an answer gives.
 */
const GP = 'pb.lodhipur';
const IST = 5.5 * 3600_000;
const ist = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d, h) - IST;

describe.each(backends())("DIGIT's search conventions (%s)", (backend) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let server: TestServer;
  let clerk: string;
  const clock = new ManualClock(ist(2026, 11, 21, 10));
  const post = async (path: string, body: Record<string, unknown> = {}) => server.post(path, { RequestInfo: requestInfo(clerk), ...body });
  const vendors = Array.from({ length: 12 }, (_, i) => ({ tenantId: GP, name: `Vendor ${String(i).padStart(2, '0')}`, owner: { name: `Owner ${i}`, mobileNumber: `98111000${String(i).padStart(2, '0')}` } }));
  const expenseTypes = ['SALARY', 'ELECTRICITY_BILL', 'MACHINERY_REPAIR'];

  beforeAll(async () => {
    db = await freshDatabase(backend);
    server = await TestServer.start({ database: db.config, clock });
    clerk = await server.staffToken('conventions-clerk', [{ code: 'EXPENSE_PROCESSING', tenantId: GP }, { code: 'GP_ADMIN', tenantId: GP }]);
    const made = await post('/vendor/v1/_create', { vendor: vendors });
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    const vendorId = made.body.vendor[0].id;
    for (const [i, type] of expenseTypes.entries()) {
      const res = await post('/echallan-services/eChallan/v1/_create', {
        Challan: { tenantId: GP, typeOfExpense: type, vendor: vendorId, billDate: ist(2026, 11, 10 + i), amount: [{ taxHeadCode: `EXPENSE.${type}`, amount: 100 * (3 - i) }], isBillPaid: i === 0, paidDate: i === 0 ? ist(2026, 11, 15) : undefined },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('limit=-1 lists every vendor, and the answer states the cap it applied', async () => {
    const all = await post(`/vendor/v1/_search?tenantId=${GP}&limit=-1`);
    expect(all.status, JSON.stringify(all.body)).toBe(200);
    expect(all.body.vendor).toHaveLength(12);
    expect(all.body.Pagination).toEqual({ offSet: 0, limit: 5000, totalCount: 12 });
    const page = await post(`/vendor/v1/_search?tenantId=${GP}&limit=5&offset=10`);
    expect(page.body.vendor).toHaveLength(2);
    expect(page.body.Pagination).toEqual({ offSet: 10, limit: 5, totalCount: 12 });
  });

  it('limit=-1 is refused where a search declares no cap for it, naming the most it gives', async () => {
    const res = await post(`/property-services/property/_search?tenantId=${GP}&limit=-1`);
    expect(res.status).toBe(400);
    expect(res.body.Errors[0]).toMatchObject({ code: 'INVALID_PAGINATION', params: ['$.limit'], message: expect.stringContaining('at most 100') });
  });

  it("sorts expenses by the app's keys, challanno in lower case and typeOfExpense", async () => {
    const sorted = async (sortBy: string, sortOrder: string) =>
      ((await post(`/echallan-services/eChallan/v1/_search?tenantId=${GP}&sortBy=${sortBy}&sortOrder=${sortOrder}`)).body.challans as any[]).map((c) => (sortBy === 'typeOfExpense' ? c.typeOfExpense : c.challanNo));
    const numbers = await sorted('challanno', 'ASC');
    expect(numbers).toHaveLength(3);
    expect(numbers).toEqual([...numbers].sort());
    expect(await sorted('CHALLANNO', 'DESC')).toEqual([...numbers].reverse());
    expect(await sorted('typeOfExpense', 'ASC')).toEqual([...expenseTypes].sort());
    const unknown = await post(`/echallan-services/eChallan/v1/_search?tenantId=${GP}&sortBy=__proto__`);
    expect([unknown.status, unknown.body.Errors[0].code]).toEqual([400, 'INVALID_SORT_BY']);
  });

  it("answers the expense dashboard's bill counts as the strings the app parses", async () => {
    const res = await post(`/echallan-services/eChallan/v1/_search?tenantId=${GP}&isBillCount=true&status=ACTIVE,PAID&limit=-1`);
    expect(res.body.billData).toEqual({ paidcount: '1', notPaidcount: '2' });
    expect(res.body.totalCount).toBe(3);
    expect(res.body.Pagination.limit).toBe(10000);
  });

  it('a paged report given limit=-1 answers every row and states the cap', async () => {
    const res = await post(`/vendor/v1/_vendorReport?tenantId=${GP}&monthStartDate=${ist(2026, 11, 1)}&monthEndDate=${ist(2026, 11, 30, 23)}&limit=-1`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.Pagination).toMatchObject({ offSet: 0, limit: 10000 });
    const refused = await post(`/vendor/v1/_vendorReport?tenantId=${GP}&monthStartDate=${ist(2026, 11, 1)}&monthEndDate=${ist(2026, 11, 30, 23)}&limit=-3`);
    expect([refused.status, refused.body.Errors[0].code]).toEqual([400, 'INVALID_PAGINATION']);
  });
});
