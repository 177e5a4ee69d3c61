/**
 * A working day at the demo GP: Seva on the shipped definitions (tenant `pb.lodhipur`, state
 * `pb`), a clock at 21 November 2026 10:00 IST, and the GP's secretary as the app signs them in.
 * The set-up goes through Seva's own APIs. Seeds a later area needs are made in the app's shape
 * first and, while Seva still refuses that shape, in a shape Seva takes, so every area runs; the
 * app-shaped call itself is tested in its own area.
 */
import { ManualClock } from '../../engine/clock/index.ts';
import { freshDatabase, requestInfo, TestServer, type Backend } from '../harness.ts';
import { AppClient, appRequestInfo, type AppResponse } from './app-client.ts';
import { bulkDemandBody, connectionBody, connectionRoundTrip, ddMMyyyy, expenseBody, lastDay, paymentBody, propertyBody, userRequestJson, vendorBody, type ConsumerInput, type ExpenseInput } from './bodies.ts';

export const STATE = 'pb';
export const GP = 'pb.lodhipur';
export const GP_NAME = 'Lodhipur';
/** 21 November 2026, 10:00 IST. */
export const NOW = Date.UTC(2026, 10, 21, 4, 30);
export const ADMIN_PASSWORD = 'admin-secret-1';

/** The secretary: every GP role the app's home screen offers (utils/role_actions.dart). */
export const SECRETARY = {
  userName: '9812300001',
  mobileNumber: '9812300001',
  name: 'Kuldeep Kaur',
  password: 'Secretary@2026',
  roles: ['GP_ADMIN', 'COLLECTION_OPERATOR', 'BULK_DEMAND_PROCESSING', 'EXPENSE_PROCESSING', 'DASHBOARD_VIEWER', 'PROFILE_UPDATE', 'SECRETARY'],
};

/** `authorization` of authentication_provider.dart: DIGIT's egov-user-client. */
export const LOGIN_HEADERS = { 'Access-Control-Allow-Origin': '*', authorization: 'Basic ZWdvdi11c2VyLWNsaWVudDo=' };

export interface Day {
  server: TestServer;
  app: AppClient;
  clock: ManualClock;
  /** The secretary's access token. */
  token: string;
  /** The login answer's `UserRequest` as the app re-sends it (`userRequest.toJson()`). */
  userInfo: Record<string, unknown>;
  /** The app's RequestInfo for the signed-in secretary. */
  ri: (action: string, withUserInfo?: boolean) => ReturnType<typeof appRequestInfo>;
  close: () => Promise<void>;
}

/** The app's login form (providers/authentication_provider.dart validateLogin). */
export const loginForm = (username: string, password: string) => ({ username, password, scope: 'read', grant_type: 'password', tenantId: STATE, userType: 'EMPLOYEE' });

export async function openDay(backend: Backend): Promise<Day> {
  const db = await freshDatabase(backend);
  const clock = new ManualClock(NOW);
  const server = await TestServer.start({ database: db.config, clock, adminPassword: ADMIN_PASSWORD });
  const app = new AppClient(server.baseUrl);
  const admin = await server.token('admin', ADMIN_PASSWORD, STATE);
  const created = await server.post('/user/users/_createnovalidate', {
    RequestInfo: requestInfo(admin),
    user: {
      userName: SECRETARY.userName,
      name: SECRETARY.name,
      mobileNumber: SECRETARY.mobileNumber,
      type: 'EMPLOYEE',
      tenantId: STATE,
      password: SECRETARY.password,
      roles: SECRETARY.roles.map((code) => ({ code, tenantId: GP })),
    },
  });
  if (created.status !== 200) throw new Error(`creating the secretary failed: ${JSON.stringify(created.body)}`);
  const login = await app.post('user/oauth/token', { form: loginForm(SECRETARY.userName, SECRETARY.password), headers: LOGIN_HEADERS });
  if (login.status !== 200) throw new Error(`the secretary cannot sign in: ${login.text}`);
  const token = login.body.access_token as string;
  const userInfo = userRequestJson(login.body.UserRequest);
  return {
    server,
    app,
    clock,
    token,
    userInfo,
    ri: (action, withUserInfo = false) => appRequestInfo(action, token, withUserInfo ? userInfo : null),
    close: async () => {
      await server.stop();
      await db.drop();
    },
  };
}

const ok = (res: AppResponse) => res.status >= 200 && res.status < 300;
const fail = (what: string, res: AppResponse) => new Error(`${what}: HTTP ${res.status} ${res.text.slice(0, 400)}`);

/** Seva's own shape of a new property, which it takes today. */
function workingProperty(c: ConsumerInput) {
  return {
    tenantId: GP,
    propertyType: c.propertyType,
    usageCategory: 'RESIDENTIAL',
    landArea: 1,
    noOfFloors: 1,
    source: 'WS',
    channel: 'CITIZEN',
    owners: [{ name: c.name, mobileNumber: c.mobileNumber, gender: c.gender, fatherOrHusbandName: c.fatherOrHusbandName }],
    address: { city: GP_NAME, doorNo: c.doorNo, street: c.street, locality: { code: 'WARD1' } },
  };
}

/** Seva's own shape of a new connection, which it takes today. */
function workingConnection(c: ConsumerInput) {
  return {
    tenantId: GP,
    connectionType: c.connectionType,
    propertyType: c.propertyType,
    oldConnectionNo: c.oldConnectionNo,
    previousReadingDate: c.previousReadingDate,
    ...(c.connectionType === 'Metered' ? { meterId: c.meterId, meterInstallationDate: c.previousReadingDate } : {}),
    connectionHolders: [{ name: c.name, mobileNumber: c.mobileNumber, gender: c.gender, fatherOrHusbandName: c.fatherOrHusbandName }],
    additionalDetails: { locality: 'WARD1', street: c.street, doorNo: c.doorNo, ...(c.connectionType === 'Metered' ? { initialMeterReading: c.previousReading ?? 0 } : {}) },
    paymentType: c.paymentType,
    ...(c.paymentType === 'arrears' ? { arrears: c.arrears ?? 0, penalty: c.penalty ?? 0 } : { advance: c.advance ?? 0 }),
    processInstance: { action: 'SUBMIT' },
  };
}

/** A consumer: the app's property + connection create, else Seva's working shape. Returns the connection. */
export async function seedConsumer(day: Day, c: ConsumerInput): Promise<Record<string, any>> {
  let property = await day.app.post('property-services/property/_create', { body: { Property: propertyBody(c, GP, GP_NAME) }, requestInfo: day.ri('_create') });
  if (!ok(property)) property = await day.app.post('property-services/property/_create', { body: { Property: workingProperty(c) }, requestInfo: day.ri('_create') });
  if (!ok(property)) throw fail(`seeding the property of ${c.name}`, property);
  const propertyId = property.body.Properties[0].propertyId as string;
  const appShaped = await day.app.post('ws-services/wc/_create', { body: { WaterConnection: connectionBody(c, GP, propertyId) }, requestInfo: day.ri('_create') });
  if (ok(appShaped)) return appShaped.body.WaterConnection[0];
  const working = await day.app.post('ws-services/wc/_create', { body: { WaterConnection: { ...workingConnection(c), propertyId } }, requestInfo: day.ri('_create') });
  if (!ok(working)) throw fail(`seeding consumer ${c.name}`, working);
  return working.body.WaterConnection[0];
}

/** Bulk demand for a month: the app's `dd/MM/yyyy-dd/MM/yyyy`, else Seva's `dd/MM/yyyy - dd/MM/yyyy`. */
export async function seedBulkDemand(day: Day, y: number, m: number): Promise<void> {
  const appShaped = await day.app.post('ws-calculator/waterCalculator/_bulkDemand', { body: bulkDemandBody(GP, y, m), requestInfo: day.ri('create') });
  if (ok(appShaped)) return;
  const working = await day.app.post('ws-calculator/waterCalculator/_bulkDemand', {
    body: { tenantId: GP, billingPeriod: `${ddMMyyyy(y, m, 1)} - ${ddMMyyyy(y, m, lastDay(y, m))}` },
    requestInfo: day.ri('create'),
  });
  if (!ok(working)) throw fail(`seeding the bulk demand of ${m}/${y}`, working);
}

/** The signed-in fetch-bill (billing_service_repo.dart fetchBill). */
export async function fetchBill(day: Day, consumerCode: string): Promise<AppResponse> {
  return day.app.post('billing-service/bill/v2/_fetchbill', {
    query: { tenantId: GP, consumerCode, businessService: 'WS' },
    body: { userInfo: day.userInfo },
    requestInfo: day.ri('_search', true),
  });
}

/** A cash payment of `amount` against the consumer's bill: the app's body, else with numbers. */
export async function seedPayment(day: Day, consumerCode: string, amount: number): Promise<Record<string, any>> {
  const bills = await fetchBill(day, consumerCode);
  if (!ok(bills) || !bills.body.Bill?.[0]) throw fail(`fetching the bill of ${consumerCode}`, bills);
  const bill = bills.body.Bill[0];
  const body = paymentBody({ tenantId: GP, paymentMode: 'CASH', payerName: bill.payerName ?? null, mobileNumber: bill.mobileNumber ?? null, amount: String(amount), businessService: bill.businessService ?? 'WS', billId: bill.billDetails?.[0]?.billId ?? bill.id });
  const appShaped = await day.app.post('collection-services/payments/_create', { body, requestInfo: day.ri('') });
  if (ok(appShaped)) return appShaped.body.Payments[0];
  const numeric = { Payment: { ...body.Payment, totalAmountPaid: amount, paymentDetails: [{ ...body.Payment.paymentDetails[0], billId: bill.id, totalAmountPaid: amount }] } };
  const working = await day.app.post('collection-services/payments/_create', { body: numeric, requestInfo: day.ri('') });
  if (!ok(working)) throw fail(`seeding a payment of ${amount} for ${consumerCode}`, working);
  return working.body.Payments[0];
}

/** A vendor: the app's body, else Seva's minimal one. */
export async function seedVendor(day: Day, name: string, mobileNumber: string): Promise<Record<string, any>> {
  const appShaped = await day.app.post('vendor/v1/_create', { body: vendorBody(GP, name, mobileNumber), requestInfo: day.ri('create', true) });
  if (ok(appShaped) && appShaped.body.vendor?.[0]) return appShaped.body.vendor[0];
  const working = await day.app.post('vendor/v1/_create', { body: { vendor: { tenantId: GP, name, owner: { name, mobileNumber } } }, requestInfo: day.ri('create', true) });
  if (!ok(working)) throw fail(`seeding vendor ${name}`, working);
  return working.body.vendor[0];
}

/** An expense: the app's body, else without the keys and nulls Seva refuses. */
export async function seedExpense(day: Day, e: ExpenseInput): Promise<Record<string, any>> {
  const body = expenseBody(e, GP);
  const appShaped = await day.app.post('echallan-services/eChallan/v1/_create', { body, requestInfo: day.ri('create', true) });
  if (ok(appShaped)) return appShaped.body.challans[0];
  const c = body.Challan;
  const working = {
    Challan: {
      tenantId: c.tenantId,
      typeOfExpense: c.typeOfExpense,
      vendor: c.vendor,
      amount: c.amount,
      billDate: c.billDate,
      ...(c.billIssuedDate !== null ? { billIssuedDate: c.billIssuedDate } : {}),
      taxPeriodFrom: c.taxPeriodFrom,
      taxPeriodTo: c.taxPeriodTo,
      isBillPaid: c.isBillPaid,
      ...(c.paidDate !== null ? { paidDate: c.paidDate } : {}),
    },
  };
  const res = await day.app.post('echallan-services/eChallan/v1/_create', { body: working, requestInfo: day.ri('create', true) });
  if (!ok(res)) throw fail(`seeding an expense of ${e.typeOfExpense}`, res);
  return res.body.challans[0];
}

/** The consumers of the day: one with opening arrears, one metered, one with an advance. */
export const CONSUMERS = {
  arrears: {
    name: 'Gurpreet Singh',
    mobileNumber: '9800000001',
    fatherOrHusbandName: 'Harbans Singh',
    gender: 'MALE',
    propertyType: 'RESIDENTIAL',
    connectionType: 'Non_Metered',
    oldConnectionNo: 'LDP-0101',
    doorNo: '12',
    street: 'Gurdwara Road',
    previousReadingDate: Date.UTC(2026, 9, 1) - 5.5 * 3600_000,
    paymentType: 'arrears',
    arrears: 450,
    penalty: 50,
  },
  metered: {
    name: 'Manjit Kaur',
    mobileNumber: '9800000002',
    fatherOrHusbandName: 'Joginder Singh',
    gender: 'FEMALE',
    propertyType: 'RESIDENTIAL',
    connectionType: 'Metered',
    oldConnectionNo: 'LDP-0102',
    doorNo: '27',
    street: 'School Lane',
    previousReadingDate: Date.UTC(2026, 9, 1) - 5.5 * 3600_000,
    meterId: 'MTR-2002',
    previousReading: 120,
    paymentType: 'arrears',
  },
  advance: {
    name: 'Baldev Raj',
    mobileNumber: '9800000003',
    fatherOrHusbandName: 'Mohan Lal',
    gender: 'MALE',
    propertyType: 'COMMERCIAL',
    connectionType: 'Non_Metered',
    oldConnectionNo: 'LDP-0103',
    doorNo: '3',
    street: 'Bazaar',
    previousReadingDate: Date.UTC(2026, 9, 1) - 5.5 * 3600_000,
    paymentType: 'advance',
    advance: 200,
  },
} satisfies Record<string, ConsumerInput>;

/** Makes a consumer inactive: the app's edit (status `Inactive`), else Seva's DEACTIVATE action on its own search result. */
export async function seedDeactivation(day: Day, connectionNo: string): Promise<void> {
  const found = await day.app.post('ws-services/wc/_search', { query: { tenantId: GP, connectionNumber: connectionNo }, body: {}, requestInfo: day.ri('_search', true) });
  if (!ok(found) || !found.body.WaterConnection?.[0]) throw fail(`finding ${connectionNo}`, found);
  const current = found.body.WaterConnection[0];
  const appShaped = connectionRoundTrip(current);
  Object.assign(appShaped, { status: 'Inactive', paymentType: null, penalty: null, arrears: null, advance: null, processInstance: appShaped.processInstance ?? { action: 'SUBMIT' } });
  const app = await day.app.post('ws-services/wc/_update', { body: { WaterConnection: appShaped }, requestInfo: day.ri('_update') });
  if (ok(app)) return;
  const working = await day.app.post('ws-services/wc/_update', { body: { WaterConnection: { ...current, processInstance: { action: 'DEACTIVATE' } } }, requestInfo: day.ri('_update') });
  if (!ok(working)) throw fail(`deactivating ${connectionNo}`, working);
}
