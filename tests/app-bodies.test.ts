import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../engine/clock/index.ts';
import { appRequestInfo, build, CHALLAN, modelOf, OWNER, PROPERTY, WATER_CONNECTION, ADDRESS, LOCALITY, CONNECTION_DETAILS } from './helpers/app-models.ts';
import { backends, freshDatabase, TestServer } from './harness.ts';

/**
 * The mGramSeva app's own request bodies, built as its providers and models build them (every key
 * of the model, null for what it has no value for, DIGIT fields Seva does not use), are taken
 * whole: each is accepted, every value sent comes back on the matching search (declared fields at
 * their place, DIGIT fields as sent), and what no column maps is kept in the rest column.
 */
const GP = 'pb.lodhipur';
const IST = 5.5 * 3600_000;
const ist = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d, h) - IST;

type Json = Record<string, any>;

/**
 * Every non-null value of `sent` is in `found` at the same place (null means absent, so a null
 * sent may come back absent); `except` names paths the server sets whatever was sent.
 */
function expectKept(found: unknown, sent: unknown, path = '$', except: string[] = []): void {
  if (except.includes(path) || sent === null || sent === undefined) return;
  if (Array.isArray(sent)) {
    expect(Array.isArray(found), `${path} is a list`).toBe(true);
    expect((found as unknown[]).length, `${path} keeps its length`).toBe(sent.length);
    sent.forEach((item, i) => expectKept((found as unknown[])[i], item, `${path}[${i}]`, except));
    return;
  }
  if (typeof sent === 'object') {
    expect(found !== null && typeof found === 'object', `${path} is an object`).toBe(true);
    for (const [key, value] of Object.entries(sent)) expectKept((found as Json)[key], value, `${path}.${key}`, except);
    return;
  }
  expect(found, path).toEqual(sent);
}

describe.each(backends())("the mGramSeva app's own bodies are taken whole (%s)", (backend) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let server: TestServer;
  let token: string;
  const clock = new ManualClock(ist(2026, 11, 21, 10));
  /** The app's call: RequestInfo first, then its body (services/base_service.dart). */
  const call = (path: string, action: string, body: Json) => server.post(path, { RequestInfo: appRequestInfo(token, action), ...body });

  beforeAll(async () => {
    db = await freshDatabase(backend);
    server = await TestServer.start({ database: db.config, clock });
    token = await server.staffToken('gp-admin', ['GP_ADMIN', 'COLLECTION_OPERATOR', 'EXPENSE_PROCESSING'].map((code) => ({ code, tenantId: GP })));
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  const rowOf = async (table: string, where: Record<string, unknown>) => {
    let q = server.seva.database.db.selectFrom(table).selectAll();
    for (const [column, value] of Object.entries(where)) q = q.where(column as never, '=', value as never);
    return (await q.executeTakeFirstOrThrow()) as Json;
  };
  const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

  // providers/consumer_details_provider.dart setModel + validateConsumerDetails: a new consumer,
  // Harjit Kaur of ward 1, non-metered, 450 of arrears and 50 of penalty from before mGramSeva.
  const october = ist(2026, 10, 1);
  const owner = build(OWNER, { mobileNumber: '9876543210', fatherOrHusbandName: 'Gurdev Singh', name: 'Harjit Kaur', remarks: '', gender: 'FEMALE', ownerType: 'NONE' });
  const property = build(PROPERTY, {
    tenantId: GP,
    address: build(ADDRESS, { city: 'Lodhipur', locality: build(LOCALITY, { code: 'WARD1' }), street: 'Gurudwara Road', doorNo: '12' }),
    ownershipCategory: 'INDIVIDUAL',
    owners: [owner],
    landArea: 1,
    propertyType: 'RESIDENTIAL',
    noOfFloors: 1,
    usageCategory: 'RESIDENTIAL',
    creationReason: 'CREATE',
    source: 'WS',
    channel: 'CITIZEN',
  });
  const connection = (propertyId: string) =>
    build(WATER_CONNECTION, {
      propertyId,
      tenantId: GP,
      action: 'SUBMIT',
      meterInstallationDate: october,
      proposedTaps: 1,
      noOfTaps: 1,
      arrears: 450,
      connectionType: 'Non_Metered',
      oldConnectionNo: 'LDP-0417',
      propertyType: 'RESIDENTIAL',
      previousReadingDate: october,
      proposedPipeSize: 10,
      connectionHolders: [owner],
      additionalDetails: build(CONNECTION_DETAILS, { locality: 'WARD1', propertyType: 'RESIDENTIAL', street: 'Gurudwara Road', doorNo: '12', remarks: '' }),
      processInstance: { action: 'SUBMIT' },
      paymentType: 'arrears',
      penalty: 50,
    });

  let createdProperty: Json;
  let createdConnection: Json;

  it('consumer create, the property: every key of the Property model taken, every value back on search', async () => {
    const res = await call('/property-services/property/_create', '_create', { Property: property });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    createdProperty = res.body.Properties[0];
    // consumer_details_repo.dart getProperty: the query the app sends.
    const found = await call(`/property-services/property/_search?tenantId=${GP}&propertyIds=${createdProperty.propertyId}`, '_search', { userInfo: null });
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    expectKept(found.body.Properties[0], property);
  });

  it('consumer create, the connection: every key of the WaterConnection model taken, every value back on search', async () => {
    const sent = connection(createdProperty.propertyId);
    const res = await call('/ws-services/wc/_create', '_create', { WaterConnection: sent });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    createdConnection = res.body.WaterConnection[0];
    const found = await call(`/ws-services/wc/_search?tenantId=${GP}&connectionNumber=${encodeURIComponent(createdConnection.connectionNo)}`, '_search', {});
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    // status follows the workflow; the workflow object rides along and is not stored.
    expectKept(found.body.WaterConnection[0], sent, '$', ['$.processInstance']);
  });

  it('what no column maps is kept in the rest columns, as sent', async () => {
    const row = await rowOf('eg_pt_property', { id: createdProperty.id });
    expect(json(row.extra)).toEqual({ ownershipCategory: 'INDIVIDUAL', creationReason: 'CREATE' });
    const ownerRow = await rowOf('eg_pt_owner', { property_id: createdProperty.id });
    expect(json(ownerRow.extra)).toEqual({ remarks: '' });
    expect(ownerRow.id).toBe(createdProperty.owners[0].ownerInfoUuid);
    const connectionRow = await rowOf('eg_ws_connection', { id: createdConnection.id });
    expect(json(connectionRow.extra)).toEqual({ action: 'SUBMIT', proposedTaps: 1, proposedPipeSize: 10 });
  });

  it("consumer update: the app sends back what its models parsed from the searches (no auditDetails), with the user's edits", async () => {
    // consumer_details_provider.dart getWaterConnection / getProperty, then validateConsumerDetails in edit mode.
    const searchedProperty = (await call(`/property-services/property/_search?tenantId=${GP}&propertyIds=${createdProperty.propertyId}`, '_search', {})).body.Properties[0];
    const searchedConnection = (await call(`/ws-services/wc/_search?tenantId=${GP}&connectionNumber=${encodeURIComponent(createdConnection.connectionNo)}`, '_search', {})).body.WaterConnection[0];
    const p = modelOf(PROPERTY, searchedProperty) as Json;
    p.owners[0].name = 'Harjit Kaur Sidhu';
    p.address.street = 'Gurudwara Road, near the tank';
    p.creationReason = 'UPDATE';
    p.address.geoLocation = { latitude: null, longitude: null };
    p.source = 'WS';
    const c = modelOf(WATER_CONNECTION, searchedConnection) as Json;
    c.connectionHolders = p.owners;
    c.noOfTaps = 1;
    c.propertyType = p.propertyType;
    c.processInstance ??= { action: 'SUBMIT' };
    c.additionalDetails = { ...c.additionalDetails, locality: p.address.locality.code, street: p.address.street, doorNo: p.address.doorNo, remarks: '' };

    const propertyRes = await call('/property-services/property/_update', '_update', { Property: p });
    expect(propertyRes.status, JSON.stringify(propertyRes.body)).toBe(200);
    const connectionRes = await call('/ws-services/wc/_update', '_update', { WaterConnection: c });
    expect(connectionRes.status, JSON.stringify(connectionRes.body)).toBe(200);

    const foundProperty = (await call(`/property-services/property/_search?tenantId=${GP}&propertyIds=${createdProperty.propertyId}`, '_search', {})).body.Properties[0];
    expectKept(foundProperty, p);
    expect(foundProperty.owners[0].ownerInfoUuid).toBe(createdProperty.owners[0].ownerInfoUuid);
    const foundConnection = (await call(`/ws-services/wc/_search?tenantId=${GP}&connectionNumber=${encodeURIComponent(createdConnection.connectionNo)}`, '_search', {})).body.WaterConnection[0];
    // A holder's id is the server's: the property owner's id the app copies in is not this connection's, so the holder gets its own.
    expectKept(foundConnection, c, '$', ['$.processInstance', '$.connectionHolders[0].ownerInfoUuid']);
    expect(foundConnection.connectionHolders[0].ownerInfoUuid).toEqual(expect.any(String));
    expect(foundConnection.connectionHolders[0].name).toBe('Harjit Kaur Sidhu');
  });

  it('an update that does send a stale lastModifiedTime is still refused', async () => {
    const searched = (await call(`/property-services/property/_search?tenantId=${GP}&propertyIds=${createdProperty.propertyId}`, '_search', {})).body.Properties[0];
    const res = await call('/property-services/property/_update', '_update', { Property: { ...searched, auditDetails: createdProperty.auditDetails } });
    expect([res.status, res.body.Errors?.[0]?.code]).toEqual([409, 'STALE_RECORD']);
  });

  let meteredNo: string;
  it('a metered consumer with an advance, as the app sends it: the advance negative, a credit of 100', async () => {
    const owner2 = build(OWNER, { mobileNumber: '9876543211', fatherOrHusbandName: 'Balwant Singh', name: 'Kulwinder Singh', remarks: '', gender: 'MALE', ownerType: 'NONE' });
    const p = { ...property, owners: [owner2] };
    const propertyRes = await call('/property-services/property/_create', '_create', { Property: p });
    expect(propertyRes.status, JSON.stringify(propertyRes.body)).toBe(200);
    const sent = {
      ...connection(propertyRes.body.Properties[0].propertyId),
      connectionHolders: [owner2],
      connectionType: 'Metered',
      oldConnectionNo: 'LDP-0418',
      meterId: 'MTR-2231',
      previousReading: 120,
      additionalDetails: build(CONNECTION_DETAILS, { initialMeterReading: 120, meterReading: 120, locality: 'WARD1', propertyType: 'RESIDENTIAL', street: 'Gurudwara Road', doorNo: '14', remarks: '' }),
      paymentType: 'advance',
      arrears: null,
      penalty: null,
      advance: -100,
    };
    const res = await call('/ws-services/wc/_create', '_create', { WaterConnection: sent });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    meteredNo = res.body.WaterConnection[0].connectionNo;
    const found = (await call(`/ws-services/wc/_search?tenantId=${GP}&connectionNumber=${encodeURIComponent(meteredNo)}`, '_search', {})).body.WaterConnection[0];
    expectKept(found, sent, '$', ['$.processInstance']);
    const demands = (await call(`/billing-service/demand/_search?tenantId=${GP}&businessService=WS&consumerCode=${encodeURIComponent(meteredNo)}`, '', {})).body.Demands;
    expect(demands.map((d: Json) => [d.consumerType, d.demandDetails.map((x: Json) => [x.taxHeadMasterCode, x.taxAmount])])).toEqual([['waterConnection-advance', [['WS_ADVANCE_CARRYFORWARD', -100]]]]);
  });

  it('a meter reading as the app sends it (bill_generation_details_provider.dart onSubmit)', async () => {
    const sent = {
      currentReading: 150,
      currentReadingDate: ist(2026, 10, 31),
      billingPeriod: '01/10/2026 - 31/10/2026',
      meterStatus: 'Working',
      connectionNo: meteredNo,
      lastReading: 120,
      lastReadingDate: october,
      generateDemand: true,
      tenantId: GP,
    };
    const res = await call('/ws-calculator/meterConnection/_create', 'create', { meterReadings: sent });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const found = await call(`/ws-calculator/meterConnection/_search?tenantId=${GP}&connectionNos=${encodeURIComponent(meteredNo)}`, 'create', {});
    expect(found.body.meterReadings).toHaveLength(1);
    expectKept(found.body.meterReadings[0], sent);
    // The app reads consumption as a String?; the units charged stay a number beside it.
    expect(found.body.meterReadings[0]).toMatchObject({ consumption: '30', units: 30 });
  });

  it('a cash payment as the app builds it (collect_payment_provider.dart updatePaymentInformation): amounts as text', async () => {
    const bills = await call(`/billing-service/bill/v2/_fetchbill?tenantId=${GP}&consumerCode=${encodeURIComponent(createdConnection.connectionNo)}&businessService=WS`, '', {});
    expect(bills.status, JSON.stringify(bills.body)).toBe(200);
    const bill = bills.body.Bill[0];
    const sent = {
      tenantId: GP,
      paymentMode: 'CASH',
      paidBy: bill.payerName,
      mobileNumber: bill.mobileNumber,
      totalAmountPaid: '300',
      paymentDetails: [{ businessService: bill.businessService, billId: bill.billDetails[0].billId, totalAmountPaid: '300' }],
    };
    const res = await call('/collection-services/payments/_create', '', { Payment: sent });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const found = (await call(`/collection-services/payments/_search?tenantId=${GP}&consumerCodes=${encodeURIComponent(createdConnection.connectionNo)}`, '', {})).body.Payments;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ tenantId: GP, paymentMode: 'CASH', totalAmountPaid: 300, paymentDetails: [{ businessService: 'WS', billId: bill.billDetails[0].billId, totalAmountPaid: 300 }] });
    expect([found[0].paidBy, found[0].mobileNumber]).toEqual(['Harjit Kaur', '9876543210']);
  });

  // expenses_details_provider.dart createVendor: the body as the app writes it, nulls and all.
  const vendorBody = {
    tenantId: GP,
    name: 'Shiv Shakti Electricals',
    address: {
      tenantId: GP, doorNo: null, plotNo: null, landmark: null, city: null, district: null, region: null, state: 'punjab', country: 'in', pincode: null,
      additionDetails: null, buildingName: null, street: null,
      locality: { code: 'WARD1', name: null, label: null, latitude: null, longitude: null, area: 'null', pincode: null, boundaryNum: 1, children: [] },
      geoLocation: { latitude: 0, longitude: 0, additionalDetails: {} },
    },
    owner: { tenantId: GP, name: 'Shiv Shakti Electricals', fatherOrHusbandName: 'defaultName', relationship: 'FATHER', gender: 'MALE', dob: 550261800000, emailId: 'example@gmail.com', mobileNumber: '9888000001' },
    vehicles: [],
    drivers: [],
    source: 'WhatsApp',
  };
  let vendorId: string;

  it('a vendor as the app creates it for a new expense', async () => {
    const res = await call('/vendor/v1/_create', 'create', { vendor: vendorBody });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    vendorId = res.body.vendor[0].id;
    const found = await call(`/vendor/v1/_search?tenantId=${GP}&ids=${vendorId}`, 'create', {});
    expectKept(found.body.vendor[0], vendorBody);
  });

  // expenses_details_provider.dart setEnteredDetails + ExpensesDetailsModel.setText: a new expense.
  const expense = () =>
    build(CHALLAN, {
      tenantId: GP,
      businessService: 'EXPENSE.ELECTRICITY_BILL',
      consumerType: 'EXPENSE',
      typeOfExpense: 'ELECTRICITY_BILL',
      vendor: vendorId,
      vendorName: 'Shiv Shakti Electricals',
      amount: [{ taxHeadCode: 'EXPENSE.ELECTRICITY_BILL', amount: '1250' }],
      billDate: ist(2026, 11, 10),
      billIssuedDate: ist(2026, 11, 5),
      isBillPaid: false,
      taxPeriodFrom: ist(2026, 10, 1),
      taxPeriodTo: ist(2026, 10, 31),
    });
  let challan: Json;

  it("an expense as the app creates it: null for id, auditDetails, challanNo, totalAmount, applicationStatus, citizen, accountId", async () => {
    const sent = expense();
    const res = await call('/echallan-services/eChallan/v1/_create', 'create', { Challan: sent });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    challan = res.body.challans[0];
    expect(challan).toMatchObject({ challanNo: expect.stringMatching(/^EB-2026-27-\d+$/), totalAmount: 1250, applicationStatus: 'ACTIVE' });
    const found = await call(`/echallan-services/eChallan/v1/_search?tenantId=${GP}&challanNo=${challan.challanNo}`, 'create', {});
    expectKept(found.body.challans[0], sent);
    const row = await rowOf('eg_echallan', { id: challan.id });
    expect(json(row.extra)).toEqual({ consumerType: 'EXPENSE' });
  });

  it('the expense marked paid as the app updates it: what it parsed from the search, with its edits', async () => {
    const searched = (await call(`/echallan-services/eChallan/v1/_search?tenantId=${GP}&challanNo=${challan.challanNo}`, 'create', {})).body.challans[0];
    const sent = modelOf(CHALLAN, searched) as Json;
    sent.isBillPaid = true;
    sent.paidDate = ist(2026, 11, 20);
    sent.applicationStatus = 'PAID';
    const res = await call('/echallan-services/eChallan/v1/_update', 'create', { Challan: sent });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const found = (await call(`/echallan-services/eChallan/v1/_search?tenantId=${GP}&challanNo=${challan.challanNo}`, 'create', {})).body.challans[0];
    expectKept(found, sent, '$', ['$.auditDetails']);
    expect(found.applicationStatus).toBe('PAID');
  });

  it('fields the server sets are overwritten when the app sends them, not refused', async () => {
    const res = await call('/echallan-services/eChallan/v1/_create', 'create', {
      Challan: { ...expense(), challanNo: 'EB-MINE-1', totalAmount: 1, vendorName: 'Someone else', businessService: 'EXPENSE.SALARY', applicationStatus: 'PAID' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.challans[0]).toMatchObject({ challanNo: expect.stringMatching(/^EB-2026-27-\d+$/), totalAmount: 1250, vendorName: 'Shiv Shakti Electricals', businessService: 'EXPENSE.ELECTRICITY_BILL', applicationStatus: 'ACTIVE' });
  });

  it('a wrong type in a declared field is still refused, at its path; so is a key no model has', async () => {
    const refusal = (res: { status: number; body: any }) => [res.status, ...res.body.Errors.map((e: Json) => `${e.code} ${e.params?.[0]}`)];
    const badProperty = { ...property, landArea: 'one acre', owners: [{ ...owner, id: 'u-17' }], colour: 'blue' };
    expect(refusal(await call('/property-services/property/_create', '_create', { Property: badProperty }))).toEqual([
      400,
      'UNKNOWN_FIELD $.Property.colour',
      'INVALID_TYPE $.Property.landArea',
      'INVALID_TYPE $.Property.owners[0].id',
    ]);
    const badConnection = { ...connection(createdProperty.propertyId), oldConnectionNo: 'LDP-0999', proposedTaps: 'one', advance: '-100' };
    expect(refusal(await call('/ws-services/wc/_create', '_create', { WaterConnection: badConnection }))).toEqual([400, 'INVALID_TYPE $.WaterConnection.advance', 'INVALID_TYPE $.WaterConnection.proposedTaps']);
    expect(refusal(await call('/echallan-services/eChallan/v1/_create', 'create', { Challan: { ...expense(), isBillPaid: 'no', citizen: { id: 'abc' } } }))).toEqual([
      400,
      'INVALID_TYPE $.Challan.isBillPaid',
      'INVALID_TYPE $.Challan.citizen.id',
    ]);
    const payment = { tenantId: GP, paymentMode: 'CASH', totalAmountPaid: '10', paymentDetails: [{ businessService: 'WS', billId: 'b-1', totalAmountPaid: '10', receiptDate: 1 }] };
    expect(refusal(await call('/collection-services/payments/_create', '', { Payment: { ...payment, paidBy: 7, colour: 'blue' } }))).toEqual([
      400,
      'UNKNOWN_FIELD $.Payment.colour',
      'INVALID_TYPE $.Payment.paidBy',
    ]);
  });

  it('an expense update still proves it saw the latest record: its model carries auditDetails', async () => {
    const searched = (await call(`/echallan-services/eChallan/v1/_search?tenantId=${GP}&challanNo=${challan.challanNo}`, 'create', {})).body.challans[0];
    const res = await call('/echallan-services/eChallan/v1/_update', 'create', { Challan: { ...modelOf(CHALLAN, searched), auditDetails: null } });
    expect([res.status, res.body.Errors?.[0]?.code, res.body.Errors?.[0]?.params]).toEqual([400, 'REQUIRED_FIELD_MISSING', ['$.Challan.auditDetails.lastModifiedTime']]);
  });
});
