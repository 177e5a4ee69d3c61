import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../harness.ts';
import { expectModel, expectOk } from './app-client.ts';
import { feedbackBody, istEndOfDay, istMidnight } from './bodies.ts';
import { either, entries, intString, nonEmptyList, obj } from './expect-model.ts';
import { CONSUMERS, GP, openDay, seedBulkDemand, seedConsumer, seedExpense, seedPayment, seedVendor, type Day } from './day.ts';
import * as M from './models.ts';

/**
 * The GP dashboard as the app shows it for the financial year (dashboard_provider.dart,
 * revenue_dashboard_provider.dart, repository/dashboard.dart): the revenue and expense metrics,
 * the month-by-month trend table, the collections tab, and the consumers' feedback: submitted
 * after a payment without a token (screeens/feedback/feed_back.dart) and summed for the month.
 */
describe.each(backends())('the app shows the dashboards (%s)', (backend) => {
  let day: Day;
  let payment: Record<string, any>;
  let consumer: Record<string, any>;
  beforeAll(async () => {
    day = await openDay(backend);
    consumer = await seedConsumer(day, CONSUMERS.arrears);
    await seedConsumer(day, CONSUMERS.advance);
    await seedBulkDemand(day, 2026, 10);
    payment = await seedPayment(day, consumer.connectionNo, 250);
    const vendor = await seedVendor(day, 'PSPCL Patiala', '9811100001');
    const bill = { vendorId: vendor.id, vendorName: vendor.name, billDate: istMidnight(2026, 11, 10), billIssuedDate: istMidnight(2026, 11, 5), taxPeriodFrom: istMidnight(2026, 10, 1), taxPeriodTo: istMidnight(2026, 10, 31) };
    await seedExpense(day, { ...bill, typeOfExpense: 'ELECTRICITY_BILL', amount: '1250', paidDate: null });
    await seedExpense(day, { ...bill, typeOfExpense: 'SALARY', amount: '3000', paidDate: istMidnight(2026, 11, 12) });
  });
  afterAll(async () => {
    await day?.close();
  });

  /** The year picker's default: this financial year, 1 April 00:00 to 31 March 23:59:59.999 (common_methods.dart getFinancialYearList). */
  const year = { tenantId: GP, fromDate: String(istMidnight(2026, 4, 1)), toDate: String(istEndOfDay(2027, 3, 31)) };
  const metric = (path: string) => day.app.post(path, { query: year, body: {}, requestInfo: day.ri('', true) });

  it('revenue metrics: ws-services/wc/_revenueDashboard (dashboard.dart getMetricInformation)', async () => {
    const res = await metric('ws-services/wc/_revenueDashboard');
    expectOk(res);
    // dashboard_provider.dart: a Map value shows `paid/count`, any other value is the label, a String.
    expectModel(res.body, obj({ RevenueDashboard: entries(either('a string, or {paid, count}', 'string', obj({ paid: 'any', count: 'any' }))) }));
    expect(res.body.RevenueDashboard).toMatchObject({ demand: expect.any(String), actualCollection: '250' });
  });

  it('expense metrics: echallan-services/eChallan/v1/_expenseDashboard, every value a string label', async () => {
    const res = await metric('echallan-services/eChallan/v1/_expenseDashboard');
    expectOk(res);
    expectModel(res.body, obj({ ExpenseDashboard: entries('string') }));
    expect(res.body.ExpenseDashboard).toMatchObject({ totalExpenditure: '4250', amountPaid: '3000' });
  });

  const table = (path: string) => day.app.post(path, { query: year, body: { userInfo: day.userInfo }, requestInfo: day.ri('_search') });

  it('revenue trend table: ws-services/wc/_revenueCollectionData (dashboard.dart fetchRevenueDetails)', async () => {
    const res = await table('ws-services/wc/_revenueCollectionData');
    expectOk(res);
    // revenue_dashboard_provider.dart shows the table only when both lists have months.
    expectModel(res.body, obj({ RevenueCollectionData: nonEmptyList(M.Revenue) }));
  });

  it('expense trend table: echallan-services/eChallan/v1/_chalanCollectionData (dashboard.dart fetchExpenseDetails)', async () => {
    const res = await table('echallan-services/eChallan/v1/_chalanCollectionData');
    expectOk(res);
    expectModel(res.body, obj({ ChallanCollectionData: nonEmptyList(M.ExpenseTrend) }));
  });

  it('collections tab: wc/_search with iscollectionAmount and isPropertyCount, counts per property type as strings (dashboard_provider.dart)', async () => {
    const res = await day.app.post('ws-services/wc/_search', {
      query: { ...year, offset: '0', limit: '10', iscollectionAmount: 'true', isPropertyCount: 'true', sortOrder: 'DESC', sortBy: 'connectionNumber' },
      body: {},
      requestInfo: day.ri('_search', true),
    });
    expectOk(res);
    expectModel(res.body, M.WaterConnections);
    // `int.parse(response.tabData?[key.code!] ?? '0')` for each PropertyTax.PropertyType code.
    expectModel(res.body, obj({ propertyCount: entries(intString) }));
    expect(res.body.propertyCount).toMatchObject({ RESIDENTIAL: '1', COMMERCIAL: '1' });
  });

  it('feedback after a payment: ws-services/wc/_submitfeedback without a token, answered in plain text (core_repo.dart submitFeedBack)', async () => {
    const res = await day.app.post('ws-services/wc/_submitfeedback', { body: feedbackBody({ tenantId: GP, paymentId: payment.id, connectionno: consumer.connectionNo }, [4, 5, 3]) });
    expectOk(res);
    expect(typeof res.body, 'base_service.dart keeps an answer that is not JSON as its text').toBe('string');
  });

  it("the month's feedback: ws-services/wc/_getfeedback, averages per checklist code and a count (dashboard.dart getUsersFeedBackByMonth)", async () => {
    const res = await day.app.post('ws-services/wc/_getfeedback', { query: { tenantId: GP, fromDate: String(istMidnight(2026, 11, 1)), toDate: String(istEndOfDay(2026, 11, 30)) }, body: {}, requestInfo: day.ri('_search') });
    expectOk(res);
    // dashboard_card.dart: `feedBack['count']`, then every other key as a rating shown with toString().
    expectModel(res.body, obj({ feedback: obj({ count: 'num', HAPPY_WATER_SUPPLY: 'num', WATER_QUALITY_GOOD: 'num', WATER_SUPPLY_REGULAR: 'num' }) }));
    expect(res.body.feedback).toMatchObject({ count: 1, HAPPY_WATER_SUPPLY: 4, WATER_QUALITY_GOOD: 5, WATER_SUPPLY_REGULAR: 3 });
    expect(Object.keys(res.body.feedback).sort()).toEqual(['HAPPY_WATER_SUPPLY', 'WATER_QUALITY_GOOD', 'WATER_SUPPLY_REGULAR', 'count']);
  });
});
