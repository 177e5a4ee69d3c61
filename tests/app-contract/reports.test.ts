import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../harness.ts';
import { expectModel, expectOk } from './app-client.ts';
import { istMidnight } from './bodies.ts';
import { entries, nonEmptyList, obj } from './expect-model.ts';
import { CONSUMERS, GP, SECRETARY, openDay, seedBulkDemand, seedConsumer, seedDeactivation, seedExpense, seedPayment, seedVendor, type Day } from './day.ts';
import * as M from './models.ts';

/**
 * Every report of services/urls.dart as the reports screen asks for it (providers/reports_provider.dart,
 * repository/reports_repo.dart): a month picked as `dd/MM/yyyy-dd/MM/yyyy` and split on "-", pages
 * from offset 0, and `limit=-1` when the user downloads the whole report.
 */
describe.each(backends())('the app reads its reports (%s)', (backend) => {
  let day: Day;
  const consumers: Record<string, Record<string, any>> = {};
  beforeAll(async () => {
    day = await openDay(backend);
    for (const key of ['arrears', 'metered', 'advance'] as const) consumers[key] = await seedConsumer(day, CONSUMERS[key]);
    await seedBulkDemand(day, 2026, 10);
    await seedPayment(day, consumers.arrears!.connectionNo, 250);
    await seedDeactivation(day, consumers.advance!.connectionNo);
    const vendor = await seedVendor(day, 'Sandhu Pump Works', '9811100002');
    await seedExpense(day, {
      typeOfExpense: 'MACHINERY_REPAIR',
      vendorId: vendor.id,
      vendorName: vendor.name,
      amount: '800',
      billDate: istMidnight(2026, 11, 10),
      billIssuedDate: istMidnight(2026, 11, 9),
      taxPeriodFrom: istMidnight(2026, 11, 1),
      taxPeriodTo: istMidnight(2026, 11, 9),
      paidDate: istMidnight(2026, 11, 12),
    });
  });
  afterAll(async () => {
    await day?.close();
  });

  /** reports_repo.dart: query parameters, the RequestInfo with the user, and an empty body. */
  const report = (path: string, query: Record<string, string>) => day.app.post(path, { query: { tenantId: GP, ...query }, body: {}, requestInfo: day.ri('_get', true) });
  const page = { offset: '0', limit: '10', sortOrder: 'ASC' };

  it('demand report: ws-services/wc/_billReport {demandStartDate, demandEndDate} (reports_provider.dart getDemandReport)', async () => {
    const res = await report('ws-services/wc/_billReport', { demandStartDate: '01/10/2026', demandEndDate: '31/10/2026', ...page });
    expectOk(res);
    expectModel(res.body, obj({ BillReportData: nonEmptyList(M.BillReportData) }));
    expect(res.body.BillReportData.map((r: any) => r.connectionNo)).toContain(consumers.arrears!.connectionNo);
  });

  it('demand report downloaded whole: limit=-1', async () => {
    const res = await report('ws-services/wc/_billReport', { demandStartDate: '01/10/2026', demandEndDate: '31/10/2026', offset: '0', limit: '-1', sortOrder: 'ASC' });
    expectOk(res);
    expectModel(res.body, obj({ BillReportData: nonEmptyList(M.BillReportData) }));
  });

  it('collection report: ws-services/wc/_collectionReport {paymentStartDate, paymentEndDate} (getCollectionReport)', async () => {
    const res = await report('ws-services/wc/_collectionReport', { paymentStartDate: '01/11/2026', paymentEndDate: '30/11/2026', ...page });
    expectOk(res);
    expectModel(res.body, obj({ CollectionReportData: nonEmptyList(M.CollectionReportData) }));
    expect(res.body.CollectionReportData[0]).toMatchObject({ connectionNo: consumers.arrears!.connectionNo, paymentMode: 'CASH', paymentAmount: 250 });
  });

  it('inactive consumer report: ws-services/wc/_inactiveConsumerReport under the key InactiveConsumerReport (getInactiveConsumerReport)', async () => {
    const res = await report('ws-services/wc/_inactiveConsumerReport', { monthStartDate: '01/11/2026', monthEndDate: '30/11/2026', ...page });
    expectOk(res);
    expectModel(res.body, obj({ InactiveConsumerReport: nonEmptyList(M.InactiveConsumerReportData) }));
    const row = res.body.InactiveConsumerReport.find((r: any) => r.connectionno === consumers.advance!.connectionNo);
    // reports_provider.dart shows who made the consumer inactive by name.
    expect(row).toMatchObject({ status: 'Inactive', inactivatedByName: SECRETARY.name, inactivatedByUuid: expect.any(String) });
  });

  it('expense bill report: echallan-services/eChallan/v1/_expenseBillReport {monthstartDate, monthendDate} (getExpenseBillReport)', async () => {
    const res = await report('echallan-services/eChallan/v1/_expenseBillReport', { monthstartDate: '01/11/2026', monthendDate: '30/11/2026', ...page });
    expectOk(res);
    expectModel(res.body, obj({ ExpenseBillReportData: nonEmptyList(M.ExpenseBillReportData) }));
    expect(res.body.ExpenseBillReportData[0]).toMatchObject({ typeOfExpense: 'MACHINERY_REPAIR', vendorName: 'Sandhu Pump Works', amount: 800 });
  });

  it('vendor report: vendor/v1/_vendorReport {monthStartDate, monthEndDate} (getVendorReport)', async () => {
    const res = await report('vendor/v1/_vendorReport', { monthStartDate: '01/11/2026', monthEndDate: '30/11/2026', ...page });
    expectOk(res);
    expectModel(res.body, obj({ VendorReportData: nonEmptyList(M.VendorReportData) }));
    expect(res.body.VendorReportData.map((r: any) => r.vendor_name)).toContain('Sandhu Pump Works');
  });

  it("a consumer's ledger: ws-services/wc/ledger-report {consumercode, year}, RequestInfo in the body (reports_repo.dart fetchLedgerReport)", async () => {
    const res = await day.app.post('ws-services/wc/ledger-report', {
      query: { tenantId: GP, offset: '0', limit: '12', consumercode: consumers.arrears!.connectionNo, year: '2026-27' },
      body: { RequestInfo: day.ri('_get', true) },
    });
    expectOk(res);
    expectModel(res.body, obj({ ledgerReport: nonEmptyList(entries(M.LedgerMonth)) }));
  });

  it('monthly ledger: ws-services/wc/month-report {startDate, endDate}, sortOrder DESC (getMonthlyLedgerReport)', async () => {
    const res = await report('ws-services/wc/month-report', { startDate: '01/10/2026', endDate: '31/10/2026', offset: '0', limit: '10', sortOrder: 'DESC' });
    expectOk(res);
    expectModel(res.body, M.MonthReport);
    expect(res.body.monthReport?.length, 'a row per consumer billed in the month').toBeGreaterThan(0);
  });
});
