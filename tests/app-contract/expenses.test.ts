import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../harness.ts';
import { expectModel, expectOk } from './app-client.ts';
import { expenseBody, expenseUpdateBody, istEndOfDay, istMidnight, vendorBody, type ExpenseInput } from './bodies.ts';
import { list, nonEmptyList, obj } from './expect-model.ts';
import { GP, openDay, seedExpense, seedVendor, type Day } from './day.ts';
import * as M from './models.ts';

/**
 * Expenses as the app records them (providers/expenses_details_provider.dart, repository/expenses_repo.dart):
 * the vendor list at `limit=-1`, a new vendor, bills recorded with the app's nulls, found, marked
 * paid and cancelled, and the expense dashboard's list.
 */
describe.each(backends())('the app records expenses (%s)', (backend) => {
  let day: Day;
  beforeAll(async () => {
    day = await openDay(backend);
  });
  afterAll(async () => {
    await day?.close();
  });

  const vendorSearch = () => day.app.post('vendor/v1/_search', { query: { tenantId: GP, limit: '-1' }, body: { userInfo: day.userInfo }, requestInfo: day.ri('create') });
  const expenseSearch = (query: Record<string, string | string[]>) => day.app.post('echallan-services/eChallan/v1/_search', { query, body: { userInfo: day.userInfo }, requestInfo: day.ri('create') });

  let vendor: Record<string, any> | undefined;
  const theVendor = async () => (vendor ??= await seedVendor(day, 'PSPCL Patiala', '9811100001'));

  it('the vendor list when the screen opens: vendor/v1/_search with limit=-1 (expenses_details_provider.dart fetchVendors)', async () => {
    const res = await vendorSearch();
    expectOk(res);
    // expenses_repo.dart getVendor: every vendor through `Vendor.fromJson` (owner filled in when missing).
    expectModel(res.body, obj({ vendor: list(M.Vendor) }));
  });

  it("a new vendor: vendor/v1/_create with the app's whole vendor (expenses_details_provider.dart createVendor)", async () => {
    const res = await day.app.post('vendor/v1/_create', { body: vendorBody(GP, 'PSPCL Patiala', '9811100001'), requestInfo: day.ri('create', true) });
    expectOk(res);
    vendor = res.body.vendor?.[0];
    // `Vendor(res['name'], res['id'])` of `vendor[0]`.
    expectModel(res.body, obj({ vendor: nonEmptyList(obj({ name: 'string', id: 'string' })) }));
  });

  it('the vendor list with the new vendor, all of them at limit=-1', async () => {
    const v = await theVendor();
    for (let i = 0; i < 11; i++) await seedVendor(day, `Vendor ${i}`, `98111002${String(i).padStart(2, '0')}`);
    const res = await vendorSearch();
    expectOk(res);
    expectModel(res.body, obj({ vendor: nonEmptyList(M.Vendor) }));
    expect(res.body.vendor.map((x: any) => x.id)).toContain(v.id);
    expect(res.body.vendor).toHaveLength(12);
  });

  const bill = (v: Record<string, any>, extra: Partial<ExpenseInput> = {}): ExpenseInput => ({
    typeOfExpense: 'ELECTRICITY_BILL',
    vendorId: v.id,
    vendorName: v.name,
    amount: '1250',
    billDate: istMidnight(2026, 11, 10),
    billIssuedDate: istMidnight(2026, 11, 5),
    taxPeriodFrom: istMidnight(2026, 10, 1),
    taxPeriodTo: istMidnight(2026, 10, 31),
    paidDate: null,
    ...extra,
  });
  const recorded: Record<string, Record<string, any>> = {};
  const expense = async (key: 'unpaid' | 'paid', extra: Partial<ExpenseInput> = {}) => (recorded[key] ??= await seedExpense(day, bill(await theVendor(), extra)));

  it("an unpaid bill: echallan-services/eChallan/v1/_create with the model's nulls (expenses_details_provider.dart addExpensesDetails)", async () => {
    const res = await day.app.post('echallan-services/eChallan/v1/_create', { body: expenseBody(bill(await theVendor()), GP), requestInfo: day.ri('create', true) });
    expectOk(res);
    recorded.unpaid = res.body.challans?.[0];
    // The success page shows `challans[0]['challanNo']`.
    expectModel(res.body, obj({ challans: nonEmptyList(obj({ challanNo: 'string' })) }));
    expect(recorded.unpaid!.challanNo).toMatch(/^EB-2026-27-\d+$/);
  });

  it('a bill paid as it is recorded: isBillPaid with a paid date', async () => {
    const paid = { typeOfExpense: 'MACHINERY_REPAIR', amount: '800', paidDate: istMidnight(2026, 11, 12) };
    const res = await day.app.post('echallan-services/eChallan/v1/_create', { body: expenseBody(bill(await theVendor(), paid), GP), requestInfo: day.ri('create', true) });
    expectOk(res);
    recorded.paid = res.body.challans[0];
    expect(recorded.paid).toMatchObject({ applicationStatus: 'PAID' });
  });

  it('open a bill to edit it: eChallan/v1/_search {tenantId, challanNo} (expenses_details_provider.dart getExpensesDetails)', async () => {
    const { challanNo } = await expense('unpaid');
    const res = await expenseSearch({ tenantId: GP, challanNo });
    expectOk(res);
    expectModel(res.body, obj({ challans: nonEmptyList(M.ExpensesDetails) }));
    expect(res.body.challans.map((c: any) => c.challanNo)).toEqual([challanNo]);
  });

  it('the search screen: {tenantId, vendorName, expenseType} (screeens/expense/search_expense.dart)', async () => {
    const { challanNo } = await expense('unpaid');
    const res = await expenseSearch({ tenantId: GP, vendorName: 'pspcl', expenseType: 'ELECTRICITY_BILL' });
    expectOk(res);
    expectModel(res.body, obj({ challans: nonEmptyList(M.ExpensesDetails) }));
    expect(res.body.challans.map((c: any) => c.challanNo)).toContain(challanNo);
  });

  it('mark the bill paid: eChallan/v1/_update with the searched model sent back, applicationStatus PAID (setEnteredDetails isUpdate)', async () => {
    const { challanNo } = await expense('unpaid');
    const found = await expenseSearch({ tenantId: GP, challanNo });
    expectOk(found);
    const res = await day.app.post('echallan-services/eChallan/v1/_update', { body: expenseUpdateBody(found.body.challans[0], { paidDate: istMidnight(2026, 11, 20) }), requestInfo: day.ri('create', true) });
    expectOk(res);
    expectModel(res.body, obj({ challans: nonEmptyList(obj({ challanNo: 'string' })) }));
    expect(res.body.challans[0]).toMatchObject({ challanNo, applicationStatus: 'PAID' });
  });

  it('cancel a paid bill: eChallan/v1/_update with applicationStatus CANCELLED', async () => {
    const { challanNo } = await expense('paid', { typeOfExpense: 'MACHINERY_REPAIR', amount: '800', paidDate: istMidnight(2026, 11, 12) });
    const found = await expenseSearch({ tenantId: GP, challanNo });
    expectOk(found);
    const res = await day.app.post('echallan-services/eChallan/v1/_update', { body: expenseUpdateBody(found.body.challans[0], { cancel: true }), requestInfo: day.ri('create', true) });
    expectOk(res);
    expect(res.body.challans[0]).toMatchObject({ challanNo, applicationStatus: 'CANCELLED' });
  });

  /** dashboard_provider.dart fetchExpenseDashBoardDetails: the year's active and paid bills, a page at a time, with counts. */
  const dashboardList = (extra: Record<string, string>) => ({
    tenantId: GP,
    offset: '0',
    limit: '10',
    fromDate: String(istMidnight(2026, 4, 1)),
    toDate: String(istEndOfDay(2027, 3, 31)),
    freeSearch: 'true',
    status: ['ACTIVE', 'PAID'],
    isBillCount: 'true',
    ...extra,
  });

  it("the expense dashboard's list: status=ACTIVE&status=PAID, isBillCount, sortBy=challanno (dashboard_provider.dart fetchExpenseDashBoardDetails)", async () => {
    await expense('unpaid');
    await seedExpense(day, bill(await theVendor(), { typeOfExpense: 'SALARY', amount: '3000' }));
    const res = await expenseSearch(dashboardList({ sortOrder: 'DESC', sortBy: 'challanno' }));
    expectOk(res);
    expectModel(res.body, M.ExpensesDetailsWithPagination);
    expect(res.body.billData, 'isBillCount asks for the paid and unpaid counts').toBeDefined();
    // Active and paid bills of the year, all on this page.
    expect(res.body.totalCount).toBe(res.body.challans.length);
    expect(res.body.challans.every((c: any) => ['ACTIVE', 'PAID'].includes(c.applicationStatus))).toBe(true);
    const numbers = res.body.challans.map((c: any) => c.challanNo);
    expect(numbers).toEqual([...numbers].sort().reverse());
  });

  it("the expense dashboard sorted by type: sortBy=typeOfExpense, the pending tab's isBillPaid=false", async () => {
    await expense('unpaid');
    const res = await expenseSearch(dashboardList({ sortOrder: 'ASC', sortBy: 'typeOfExpense', isBillPaid: 'false' }));
    expectOk(res);
    expectModel(res.body, M.ExpensesDetailsWithPagination);
  });
});
