import { createHmac } from 'node:crypto';
import { requestInfo, type TestServer } from '../harness.ts';

/**
 * The records the fuzz's seeds point at, made through the API before it starts: a vendor, a
 * consumer with opening arrears and its bill, a part payment, an expense, a user to edit, and the
 * callers (admin, a GP's staff holding every role there, the same at another GP).
 */
export interface World {
  gp: string;
  otherGp: string;
  state: string;
  adminPassword: string;
  tokens: { admin: string; staff: string; otherGpStaff: string };
  /** The users behind those tokens. */
  uuids: { admin: string; staff: string; otherGpStaff: string };
  vendorId: string;
  connectionNo: string;
  /** A second consumer, for the workflow seed to deactivate. */
  otherConnectionNo: string;
  /** A metered consumer, for meter readings. */
  meteredConnectionNo: string;
  /** The consumer's bill as it stands now (fetched again: demands the fuzz makes change it). */
  currentBillId: () => Promise<string>;
  demandId: string;
  billId: string;
  paymentId: string;
  /** A second payment, for the cancel seeds. */
  cancellablePaymentId: string;
  /** A pending online payment of the bill, for the gateway callback seed. */
  /** The gateway's signed callback for a pending online payment of the bill. */
  callback: [string, string][];
  challanNo: string;
  /** A user the fuzz may edit (never one whose token it uses). */
  editableUser: Record<string, unknown>;
  /** A token of a user whose password meets the policy (Fuzz@Pass1), for the password change seed. */
  passwordUserToken: string;
  /** Sends an OTP and reads it from the development outbox: for a password reset of fuzz-reset, or to register a citizen. */
  otpFor: (purpose: 'passwordreset' | 'register') => Promise<string>;
  /** An employee (egov-hrms) the fuzz may edit, as a search answers it. */
  editableEmployee: Record<string, unknown>;
  /** The id of a short link (eus) that works. */
  shortLinkId: string;
  /** The bill and the first payment as the app holds them, for the documents (pdf-service) seeds. */
  bill: Record<string, unknown>;
  payment: Record<string, unknown>;
  /** A job of pdf-service that printed the bill. */
  pdfJobId: string;
  /** An uploaded file, and the query of a signed link to it. */
  file: { id: string; link: [string, string][] };
  /** Epoch ms of the start of last month, and of its end: a month demands and readings may name. */
  lastMonth: { from: number; to: number; text: string };
  /** The financial year last month is in, as DIGIT names it: 2026-27. */
  financialYear: string;
}

const check = (what: string, res: { status: number; body: any }) => {
  if (res.status !== 200) throw new Error(`fuzz set-up: ${what} failed (${res.status}): ${JSON.stringify(res.body).slice(0, 2000)}`);
  return res.body;
};

const ddmmyyyy = (d: Date) => `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;

/** An employee as egov-hrms takes it: a collection operator at a GP. */
export const hrmsEmployee = (gp: string, mobileNumber: string, now: number, code?: string) => ({
  ...(code ? { code } : {}),
  tenantId: gp,
  employeeStatus: 'EMPLOYED',
  employeeType: 'PERMANENT',
  dateOfAppointment: now - 86_400_000,
  jurisdictions: [{ hierarchy: 'REVENUE', boundaryType: 'City', boundary: gp, tenantId: gp }],
  assignments: [{ fromDate: now, isCurrentAssignment: true, department: 'DEPT_WATER_SUPPLY', designation: 'DESIG_OPERATOR' }],
  user: { name: 'Fuzz Employee', mobileNumber, gender: 'MALE', roles: [{ code: 'COLLECTION_OPERATOR', tenantId: gp }] },
});

export async function makeWorld(server: TestServer, adminPassword: string): Promise<World> {
  const gp = 'pb.lodhipur';
  const otherGp = 'pb.bhadson';
  const admin = await server.token('admin', adminPassword, 'pb');
  const roleCodes = ['GP_ADMIN', 'COLLECTION_OPERATOR', 'BULK_DEMAND_PROCESSING', 'EXPENSE_PROCESSING', 'DASHBOARD_VIEWER', 'PROFILE_UPDATE', 'SARPANCH', 'SECRETARY', 'REVENUE_COLLECTOR'];
  const staff = await server.staffToken('fuzz-staff', roleCodes.map((code) => ({ code, tenantId: gp })), adminPassword);
  const otherGpStaff = await server.staffToken('fuzz-other-gp', roleCodes.map((code) => ({ code, tenantId: otherGp })), adminPassword);
  const post = (path: string, body: Record<string, unknown>) => server.post(path, { RequestInfo: requestInfo(admin), ...body });
  const uuidOf = async (token: string) => check('user details', await server.post('/user/_details', { RequestInfo: requestInfo(token) })).uuid as string;

  const connectionOf = async (name: string, mobileNumber: string, metered = false) =>
    check(
      'connection',
      await post('/ws-services/wc/_create', {
        WaterConnection: {
          tenantId: gp,
          ...(metered ? { connectionType: 'Metered', meterId: `M-${mobileNumber}`, additionalDetails: { locality: 'WARD3', initialMeterReading: 10 } } : { connectionType: 'Non_Metered' }),
          propertyType: 'RESIDENTIAL',
          connectionHolders: [{ name, mobileNumber }],
          ...(metered ? {} : { additionalDetails: { locality: 'WARD3' } }),
          paymentType: 'arrears',
          arrears: 450,
          penalty: 50,
          processInstance: { action: 'SUBMIT' },
        },
      }),
    ).WaterConnection[0].connectionNo as string;
  const vendor = check('vendor', await post('/vendor/v1/_create', { vendor: { tenantId: gp, name: 'Fuzz Electricals', owner: { name: 'Ramesh', mobileNumber: '9876543210' } } })).vendor[0];
  const connectionNo = await connectionOf('Gurpreet Singh', '9800000001');
  const otherConnectionNo = await connectionOf('Harjit Kaur', '9800000002');
  const meteredConnectionNo = await connectionOf('Balwinder Singh', '9800000003', true);
  const demand = check('demand search', await post(`/billing-service/demand/_search?tenantId=${gp}&consumerCode=${encodeURIComponent(connectionNo)}`, {})).Demands[0];
  const fetchBill = async () => check('fetch bill', await post(`/billing-service/bill/v2/_fetchbill?tenantId=${gp}&businessService=WS&consumerCode=${encodeURIComponent(connectionNo)}`, {})).Bill[0];
  const pay = async (amount: number, bill = { id: '' }) =>
    check(
      'payment',
      await post('/collection-services/payments/_create', {
        Payment: { tenantId: gp, paymentMode: 'CASH', totalAmountPaid: amount, paidBy: 'Gurpreet Singh', mobileNumber: '9800000001', paymentDetails: [{ businessService: 'WS', billId: bill.id, totalAmountPaid: amount }] },
      }),
    ).Payments[0];
  const payment = await pay(100, await fetchBill());
  const cancellable = await pay(50, await fetchBill());
  const billAgain = await fetchBill();
  const txn = check(
    'transaction',
    await post('/pg-service/transaction/v1/_create', { Transaction: { tenantId: gp, txnAmount: '20.00', module: 'WS', billId: billAgain.id, gateway: 'TESTPAY', callbackUrl: 'https://app.example/pay' } }),
  ).Transaction;
  const now = Date.now();
  const challan = check(
    'expense',
    await post('/echallan-services/eChallan/v1/_create', {
      Challan: { tenantId: gp, typeOfExpense: 'ELECTRICITY_BILL', vendor: vendor.id, billDate: now - 86_400_000, amount: [{ taxHeadCode: 'EXPENSE.ELECTRICITY_BILL', amount: '1250.50' }] },
    }),
  ).challans[0];
  const editable = check(
    'user',
    await post('/user/users/_createnovalidate', {
      user: { userName: 'fuzz-editable', name: 'Editable', mobileNumber: '9888000009', type: 'EMPLOYEE', tenantId: 'pb', password: 'pass-word-1', roles: [{ code: 'COLLECTION_OPERATOR', tenantId: gp }] },
    }),
  ).user[0];
  // Users of the password flows (users/profile.ts, users/otp.ts): one changes its password, one resets it with an OTP.
  for (const [userName, mobileNumber, password] of [['fuzz-password', '9888000010', 'Fuzz@Pass1'], ['fuzz-reset', '9888000011', 'pass-word-1']]) {
    check('user', await post('/user/users/_createnovalidate', { user: { userName, name: userName, mobileNumber, type: 'EMPLOYEE', tenantId: 'pb', password, roles: [{ code: 'COLLECTION_OPERATOR', tenantId: gp }] } }));
  }
  const passwordUserToken = await server.token('fuzz-password', 'Fuzz@Pass1', 'pb');
  const otpFor = async (purpose: 'passwordreset' | 'register') => {
    const [mobileNumber, recipient] = purpose === 'register' ? ['9888000012', '9888000012'] : ['fuzz-reset', '9888000011'];
    check('otp', await server.post('/user-otp/v1/_send', { otp: { mobileNumber, tenantId: 'pb', type: purpose, userType: purpose === 'register' ? 'CITIZEN' : 'EMPLOYEE' } }));
    const outbox = check('outbox', await post('/seva/sms/v1/_search', { recipient, limit: 1 }));
    return /\b([0-9]{6})\b/.exec(outbox.messages[0].text)![1]!;
  };
  const editableEmployee = check(
    'employee',
    await post('/egov-hrms/employees/_create', { Employees: [hrmsEmployee(gp, '9888000020', now)] }),
  ).Employees[0];
  const shortened = await fetch(`${server.baseUrl}/eus/shortener`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ url: `https://example.in/bill?tenantId=${gp}` }) });
  if (shortened.status !== 200) throw new Error(`fuzz world: shortening failed: ${await shortened.text()}`);
  const shortLinkId = (await shortened.text()).split('/').pop()!;
  const form = new FormData();
  form.append('file', new Blob(['%PDF-1.4\n%%EOF\n'], { type: 'application/pdf' }), 'fuzz.pdf');
  form.append('tenantId', gp);
  form.append('module', 'mgramseva');
  const uploaded = (await (await fetch(`${server.baseUrl}/filestore/v1/files`, { method: 'POST', body: form, headers: { authorization: `Bearer ${admin}` } })).json()) as { files: { fileStoreId: string }[] };
  const fileId = uploaded.files[0]!.fileStoreId;
  const links = (await (await fetch(`${server.baseUrl}/filestore/v1/files/url?tenantId=${gp}&fileStoreIds=${fileId}`, { headers: { authorization: `Bearer ${admin}` } })).json()) as { fileStoreIds: { url: string }[] };
  const file = { id: fileId, link: [...new URL(links.fileStoreIds[0]!.url).searchParams.entries()] };
  const today = new Date(now + 5.5 * 3600_000);
  const first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  const last = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 0));
  const printed = check('print the bill', await post(`/pdf-service/v1/_create?key=ws-bill-nm&tenantId=${gp}`, { Bill: [billAgain] }));
  return {
    gp,
    otherGp,
    state: 'pb',
    adminPassword,
    tokens: { admin, staff, otherGpStaff },
    uuids: { admin: await uuidOf(admin), staff: await uuidOf(staff), otherGpStaff: await uuidOf(otherGpStaff) },
    vendorId: vendor.id,
    connectionNo,
    demandId: demand.id,
    otherConnectionNo,
    meteredConnectionNo,
    currentBillId: async () => (await fetchBill()).id,
    billId: billAgain.id,
    paymentId: payment.id,
    cancellablePaymentId: cancellable.id,
    callback: signedCallback(server, txn.txnId, '20.00'),
    challanNo: challan.challanNo,
    editableUser: editable,
    passwordUserToken,
    otpFor,
    editableEmployee,
    shortLinkId,
    bill: billAgain,
    payment,
    pdfJobId: printed.jobid,
    file,
    financialYear: first.getUTCMonth() >= 3 ? `${first.getUTCFullYear()}-${String((first.getUTCFullYear() + 1) % 100).padStart(2, '0')}` : `${first.getUTCFullYear() - 1}-${String(first.getUTCFullYear() % 100).padStart(2, '0')}`,
    lastMonth: { from: first.getTime() - 5.5 * 3600_000, to: last.getTime() - 5.5 * 3600_000 + 86_399_999, text: `${ddmmyyyy(first)} - ${ddmmyyyy(last)}` },
  };
}

/** What the test gateway sends back when the payer has paid: its fields, signed as its definition says. */
function signedCallback(server: TestServer, txnId: string, amount: string): [string, string][] {
  const gateway = server.seva.registry.gateways.find((g) => g.gateway === 'TESTPAY');
  if (!gateway?.signature.secret) throw new Error('fuzz set-up: the TESTPAY gateway with its secret is not in the definitions');
  const params: Record<string, string> = { [gateway.callback.txnId]: txnId, [gateway.callback.status]: 'SUCCESS', [gateway.callback.amount ?? 'amount']: amount };
  const payload = gateway.signature.fields.map((f) => params[f] ?? '').join(gateway.signature.separator ?? '|');
  params[gateway.signature.param] = createHmac(gateway.signature.algorithm, gateway.signature.secret).update(payload).digest('hex');
  return Object.entries(params);
}
