import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../harness.ts';
import { expectModel, expectOk } from './app-client.ts';
import { bulkDemandBody, ddMMyyyy, istEndOfDay, istMidnight, meterReadingBody, paymentBody } from './bodies.ts';
import { list, nonEmptyList, obj } from './expect-model.ts';
import { CONSUMERS, fetchBill, GP, openDay, seedBulkDemand, seedConsumer, seedPayment, type Day } from './day.ts';
import * as M from './models.ts';

/**
 * A collection day as the app runs it: the generate-bill screen's counts and the consumers still
 * without a demand, a meter reading, the month's bulk demand, then at a household: the bill, the
 * aggregate dues, the penalty estimate and the demands, a cash payment and its receipt, and the
 * public bill and receipt pages the SMS links open.
 */
describe.each(backends())('the app bills and collects (%s)', (backend) => {
  let day: Day;
  const consumers: Record<string, Record<string, any>> = {};
  beforeAll(async () => {
    day = await openDay(backend);
    for (const key of ['arrears', 'metered', 'advance'] as const) consumers[key] = await seedConsumer(day, CONSUMERS[key]);
  });
  afterAll(async () => {
    await day?.close();
  });

  /** The October bulk demand: the app's step, or seeded in Seva's format while that is refused. */
  let octoberBilled = false;
  const ensureOctoberDemand = async () => {
    if (!octoberBilled) await seedBulkDemand(day, 2026, 10);
    octoberBilled = true;
  };
  let payment: Record<string, any> | undefined;
  const ensurePayment = async () => {
    await ensureOctoberDemand();
    return (payment ??= await seedPayment(day, consumers.arrears!.connectionNo, 250));
  };

  const count = () => day.app.post('ws-services/wc/_countWCbyDemandGenerationDate', { query: { tenantId: GP }, body: {}, requestInfo: day.ri('_get', true) });
  const CountResponse = obj({ WaterConnectionsDemandGenerated: list(M.WaterConnectionCount), WaterConnectionsDemandNotGenerated: list(M.WaterConnectionCount) });
  const lastBilled = CONSUMERS.arrears.previousReadingDate;

  it('generate-bill screen counts: ws-services/wc/_countWCbyDemandGenerationDate (reports_repo.dart fetchWaterConnectionsCount)', async () => {
    const res = await count();
    expectOk(res);
    expectModel(res.body, CountResponse);
    // DIGIT: active non-metered consumers without a monthly charge, grouped by their last billed date.
    expect(res.body.WaterConnectionsDemandNotGenerated).toEqual([{ count: 2, taxperiodto: lastBilled }]);
  });

  it('the consumers without a demand: ws-services/wc/consumers/demand-not-generated {previousMeterReading, tenantId} (search_connection_provider.dart)', async () => {
    const res = await day.app.post('ws-services/wc/consumers/demand-not-generated', { query: { previousMeterReading: String(lastBilled), tenantId: GP }, body: {}, requestInfo: day.ri('_search', true) });
    expectOk(res);
    expectModel(res.body, M.WaterConnections);
    expect(res.body.WaterConnection.map((c: any) => c.connectionNo).sort()).toEqual([consumers.arrears!.connectionNo, consumers.advance!.connectionNo].sort());
  });

  it('household screen before the month is billed: an opening advance shown with its sign (billing_service_repo.dart fetchAggregateDemand)', async () => {
    expect(octoberBilled, 'runs before the October bulk demand').toBe(false);
    const res = await day.app.post('billing-service/demand/_getAggregateDemandDetails', {
      query: { tenantId: GP, consumerCode: consumers.advance!.connectionNo, businessService: 'WS' },
      body: { RequestInfo: day.ri('_search', true) },
    });
    expectOk(res);
    expectModel(res.body, M.AggregateDemandDetails);
    // billing-service DemandService: the advance is a negative WS_ADVANCE_CARRYFORWARD amount; the app prints "-" from the sign.
    expect(res.body).toMatchObject({ advanceAvailable: -200, advanceAdjusted: 0, remainingAdvance: -200, netdue: -200 });
  });

  const meterSearch = () =>
    day.app.post('ws-calculator/meterConnection/_search', { query: { tenantId: GP, connectionNos: consumers.metered!.connectionNo }, body: {}, requestInfo: day.ri('create') });

  it('meter readings of a metered consumer before reading: ws-calculator/meterConnection/_search (bill_generation_details_repo.dart searchMeteredDemand)', async () => {
    const res = await meterSearch();
    expectOk(res);
    expectModel(res.body, obj({ meterReadings: list(M.MeterReadings) }));
    expect(res.body.meterReadings).toEqual([]);
  });

  it('a meter reading with its demand: ws-calculator/meterConnection/_create, billingPeriod "dd/MM/yyyy - dd/MM/yyyy" (bill_generation_details_provider.dart onSubmit)', async () => {
    const res = await day.app.post('ws-calculator/meterConnection/_create', {
      body: meterReadingBody({
        tenantId: GP,
        connectionNo: consumers.metered!.connectionNo,
        lastReading: CONSUMERS.metered.previousReading,
        lastReadingDate: CONSUMERS.metered.previousReadingDate,
        currentReading: 150,
        currentReadingDate: istMidnight(2026, 11, 21),
        from: ddMMyyyy(2026, 10, 1),
        to: ddMMyyyy(2026, 11, 21),
      }),
      requestInfo: day.ri('create'),
    });
    expectOk(res);
    expectModel(res.body, M.BillGenerationDetails);
    // The app then fetches the new bill and shows its number and the payer's mobile number.
    const bill = await fetchBill(day, consumers.metered!.connectionNo);
    expectOk(bill);
    expectModel(bill.body, obj({ Bill: nonEmptyList(M.Bill) }));
    expect(bill.body.Bill[0]).toMatchObject({ billNumber: expect.any(String), mobileNumber: expect.any(String) });
  });

  it('meter readings after reading: the new reading, sorted by the app on currentReading', async () => {
    const res = await meterSearch();
    expectOk(res);
    expectModel(res.body, obj({ meterReadings: nonEmptyList(M.MeterReadings) }));
    expect(res.body.meterReadings[0]).toMatchObject({ currentReading: 150, lastReading: 120, connectionNo: consumers.metered!.connectionNo });
  });

  it('bulk demand for October: ws-calculator/waterCalculator/_bulkDemand, billingPeriod "01/10/2026-31/10/2026" (bill_generation_details_provider.dart)', async () => {
    const body = bulkDemandBody(GP, 2026, 10);
    expect(body.billingPeriod).toBe('01/10/2026-31/10/2026');
    const res = await day.app.post('ws-calculator/waterCalculator/_bulkDemand', { body, requestInfo: day.ri('create') });
    expectOk(res);
    expectModel(res.body, M.BillGenerationDetails);
    octoberBilled = true;
  });

  it('generate-bill screen counts after the bulk demand: no consumer left without a demand', async () => {
    await ensureOctoberDemand();
    const res = await count();
    expectOk(res);
    expectModel(res.body, CountResponse);
    expect(res.body.WaterConnectionsDemandNotGenerated).toEqual([]);
    expect(res.body.WaterConnectionsDemandGenerated.find((c: any) => c.taxperiodto === istEndOfDay(2026, 10, 31))?.count).toBe(2);
  });

  it('household screen: the bill, billing-service/bill/v2/_fetchbill with the token (fetch_bill_provider.dart fetchBill)', async () => {
    await ensureOctoberDemand();
    const res = await fetchBill(day, consumers.arrears!.connectionNo);
    expectOk(res);
    expectModel(res.body, obj({ Bill: nonEmptyList(M.Bill) }));
    // 450 of arrears, 50 of penalty from before, 100 for October.
    expect(res.body.Bill[0]).toMatchObject({ consumerCode: consumers.arrears!.connectionNo, totalAmount: 600 });
  });

  const aggregate = (consumerCode: string) =>
    day.app.post('billing-service/demand/_getAggregateDemandDetails', {
      query: { tenantId: GP, consumerCode, businessService: 'WS' },
      body: { RequestInfo: day.ri('_search', true) },
    });

  it('household screen: aggregate dues, billing-service/demand/_getAggregateDemandDetails (billing_service_repo.dart fetchAggregateDemand)', async () => {
    await ensureOctoberDemand();
    const res = await aggregate(consumers.arrears!.connectionNo);
    expectOk(res);
    expectModel(res.body, M.AggregateDemandDetails);
  });

  const penaltyDetails = (consumerCode: string) =>
    day.app.post('ws-calculator/waterCalculator/_getPenaltyDetails', {
      query: { tenantId: GP, consumerCodes: consumerCode, isGetPenaltyEstimate: 'true' },
      body: { RequestInfo: {}, GetBillCriteria: { tenantId: GP, billId: null, isGetPenaltyEstimate: true, consumerCodes: [consumerCode] } },
    });

  it('household screen: penalty estimate, ws-calculator/waterCalculator/_getPenaltyDetails with RequestInfo {} (household_details_provider.dart fetchDemand)', async () => {
    await ensureOctoberDemand();
    const res = await penaltyDetails(consumers.arrears!.connectionNo);
    expectOk(res);
    expectModel(res.body, M.UpdateDemandList);
    // The demands as they stand, and on the latest (October's 100) the penalty it would take now,
    // not saved: Lodhipur's FLAT 20 for each of the two demands still owing a charge.
    const october = res.body.Demands.find((d: any) => d.consumerType === 'waterConnection');
    expect(october.demandDetails.filter((x: any) => x.taxHeadMasterCode === 'WS_TIME_PENALTY')).toEqual([expect.objectContaining({ id: null, taxAmount: 40, collectionAmount: 0 })]);
    // ws-calculator totals WS_TIME_PENALTY only: the opening penalty of 50 is legacy head 10201.
    expect(res.body.totalApplicablePenalty).toBe(40);
    // The app sorts them on the first line's createdTime (household_details_provider.dart).
    for (const d of res.body.Demands) expect(d.demandDetails[0].auditDetails.createdTime).toEqual(expect.any(Number));
    // The payer is masked for a caller without a token.
    expect(october.payer?.mobileNumber).not.toBe(CONSUMERS.arrears.mobileNumber);
    // Nothing was saved: the demand search still shows no penalty on October's demand.
    const demands = await day.app.post('billing-service/demand/_search', { query: { tenantId: GP, consumerCode: consumers.arrears!.connectionNo, businessService: 'WS' }, body: {}, requestInfo: day.ri('_search', true) });
    expectOk(demands);
    const saved = demands.body.Demands.find((d: any) => d.consumerType === 'waterConnection');
    expect(saved.demandDetails.map((x: any) => x.taxHeadMasterCode)).not.toContain('WS_TIME_PENALTY');
  });

  it("household screen: the consumer's demands, billing-service/demand/_search with RequestInfo {} (billing_service_repo.dart fetchdDemand)", async () => {
    await ensureOctoberDemand();
    const res = await day.app.post('billing-service/demand/_search', { query: { tenantId: GP, consumerCode: consumers.arrears!.connectionNo, businessService: 'WS' }, body: { RequestInfo: {} } });
    expectOk(res);
    expectModel(res.body, obj({ Demands: nonEmptyList(M.Demands) }));
    expect(res.body.Demands.map((d: any) => d.consumerType)).toContain('waterConnection-arrears');
  });

  let payable: Record<string, any> | undefined;
  it('collect payment screen: the bill, _fetchbill with RequestInfo {} and the screen\'s query (consumer_details_repo.dart getBillDetails)', async () => {
    await ensureOctoberDemand();
    const res = await day.app.post('billing-service/bill/v2/_fetchbill', {
      query: { consumerCode: consumers.arrears!.connectionNo, businessService: 'WS', tenantId: GP, connectionType: 'Non_Metered' },
      body: { RequestInfo: {} },
    });
    expectOk(res);
    payable = res.body.Bill?.[0];
    expectModel(res.body, obj({ Bill: nonEmptyList(M.FetchBill) }));
  });

  it('cash payment: collection-services/payments/_create with the amount as typed, a string (collect_payment_provider.dart updatePaymentInformation)', async () => {
    await ensureOctoberDemand();
    let bill = payable;
    if (!bill) {
      const fetched = await fetchBill(day, consumers.arrears!.connectionNo);
      expectOk(fetched);
      bill = fetched.body.Bill[0];
    }
    const res = await day.app.post('collection-services/payments/_create', {
      body: paymentBody({ tenantId: GP, paymentMode: 'CASH', payerName: bill!.payerName ?? null, mobileNumber: bill!.mobileNumber ?? null, amount: '250', businessService: bill!.businessService ?? null, billId: bill!.billDetails?.[0]?.billId ?? null }),
      requestInfo: day.ri(''),
    });
    expectOk(res);
    payment = res.body.Payments?.[0];
    expectModel(res.body, obj({ Payments: nonEmptyList(M.Payments) }));
    expect(payment).toMatchObject({ totalAmountPaid: 250, paymentMode: 'CASH' });
    expect(payment!.paymentDetails[0].receiptNumber).toMatch(/^WS\/1013\/2026-27\/\d+$/);
  });

  it("household screen: the consumer's receipts, collection-services/payments/WS/_search with the token (bill_payments_provider.dart)", async () => {
    await ensurePayment();
    const res = await day.app.post('collection-services/payments/WS/_search', {
      query: { tenantId: GP, consumerCodes: consumers.arrears!.connectionNo, businessService: 'WS' },
      body: { userInfo: day.userInfo },
      requestInfo: day.ri('_search', true),
    });
    expectOk(res);
    expectModel(res.body, obj({ Payments: nonEmptyList(M.Payments) }));
  });

  it('the SMS receipt link: payments/WS/_search without a token, body {"RequestInfo":{}}, by receipt number (bill_payments_provider.dart FetchBillPaymentsWithoutLogin)', async () => {
    const paid = await ensurePayment();
    const res = await day.app.post('collection-services/payments/WS/_search', {
      query: { tenantId: GP, consumerCode: consumers.arrears!.connectionNo, businessService: 'WS', receiptNumbers: paid.paymentDetails[0].receiptNumber },
      body: { RequestInfo: {} },
    });
    expectOk(res);
    expectModel(res.body, obj({ Payments: nonEmptyList(M.Payments) }));
    expect(res.body.Payments.map((p: any) => p.paymentDetails[0].receiptNumber)).toEqual([paid.paymentDetails[0].receiptNumber]);
    expect(res.body.Payments[0].mobileNumber, 'a public answer masks the mobile number').not.toBe(CONSUMERS.arrears.mobileNumber);
  });

  it('the SMS bill link: billing-service/bill/v2/_search without a token, by consumer code and bill number (fetch_bill_provider.dart FetchBillwithoutLogin)', async () => {
    await ensureOctoberDemand();
    const bill = await fetchBill(day, consumers.advance!.connectionNo);
    expectOk(bill);
    const res = await day.app.post('billing-service/bill/v2/_search', {
      query: { tenantId: GP, consumerCode: consumers.advance!.connectionNo, service: 'WS', billNumber: bill.body.Bill[0].billNumber },
      body: { RequestInfo: {} },
    });
    expectOk(res);
    expectModel(res.body, obj({ Bill: nonEmptyList(M.Bill) }));
    expect(res.body.Bill[0].mobileNumber, 'a public answer masks the mobile number').not.toBe(CONSUMERS.advance.mobileNumber);
  });

  it('the figures the household screen shows: aggregate dues after 250 paid of 600, and the advance used up by October', async () => {
    await ensurePayment();
    const dues = await aggregate(consumers.arrears!.connectionNo);
    expectOk(dues);
    // 500 of opening dues (450 + 50 of penalty) less the 250 paid is still owed; October's 100 is the current bill.
    expect(dues.body).toMatchObject({ currentmonthBill: 100, totalAreas: 250, netdue: 350 });
    const advance = await aggregate(consumers.advance!.connectionNo);
    expectOk(advance);
    // October's commercial 300 took all 200 of the advance: billing-service DemandService reads only
    // lines still open, and the settled advance line is not, so no advance is left to show.
    expect(advance.body).toMatchObject({ currentmonthBill: 100, advanceAvailable: 0, advanceAdjusted: 0, remainingAdvance: 0, netdue: 100 });
  });
});
