/**
 * Request bodies and queries exactly as the app builds them: every key its models' `toJson`
 * emits, nulls included. Each builder names the app file it follows. Dates are what the app's
 * `DateFormats.dateToTimeStamp('dd/MM/yyyy')` gives on a phone in India: local (IST) midnight.
 */

export const IST_OFFSET = 5.5 * 3600_000;
/** Local (IST) midnight of a day, in epoch ms: `DateFormats.dateToTimeStamp`. */
export const istMidnight = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) - IST_OFFSET;
/** The last millisecond of a day in IST (`DateTime(y, m, d, 23, 59, 59, 999)`). */
export const istEndOfDay = (y: number, m: number, d: number) => istMidnight(y, m, d) + 86_400_000 - 1;
/** `DateFormat('dd/MM/yyyy')`. */
export const ddMMyyyy = (y: number, m: number, d: number) => `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
/** The last day of a month. */
export const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** `UserRequest.toJson()` (model/user/user_details.g.dart): the login answer's user, as the app re-sends it in `userInfo`. */
export function userRequestJson(user: Record<string, any>) {
  return {
    id: user.id ?? null,
    uuid: user.uuid ?? null,
    userName: user.userName ?? null,
    name: user.name ?? null,
    mobileNumber: user.mobileNumber ?? null,
    emailId: user.emailId ?? null,
    locale: user.locale ?? null,
    type: user.type ?? null,
    roles: Array.isArray(user.roles) ? user.roles.map((r: any) => ({ name: r.name ?? null, code: r.code ?? null, tenantId: r.tenantId ?? null })) : null,
    active: user.active ?? null,
    tenantId: user.tenantId ?? null,
    permanentCity: user.permanentCity ?? null,
  };
}

// ---- Consumers: providers/consumer_details_provider.dart validateConsumerDetails ----

export interface ConsumerInput {
  name: string;
  mobileNumber: string;
  fatherOrHusbandName: string;
  gender: 'MALE' | 'FEMALE' | 'TRANSGENDER';
  propertyType: string;
  connectionType: 'Metered' | 'Non_Metered';
  oldConnectionNo: string;
  doorNo: string;
  street: string;
  /** Non_Metered: the first day of the last billed month the user picks; Metered: the previous reading date. */
  previousReadingDate: number;
  meterId?: string;
  /** Metered: the five digits of the previous reading. */
  previousReading?: number;
  paymentType: 'arrears' | 'advance';
  arrears?: number;
  penalty?: number;
  advance?: number;
}

/** `Owners.fromJson({"ownerType": "NONE"})` after `setText()` and the gender picker: property.g.dart `_$OwnersToJson`. */
export function ownerJson(c: ConsumerInput) {
  return {
    id: null,
    uuid: null,
    userName: null,
    password: null,
    aadhaarNumber: null,
    permanentAddress: null,
    permanentCity: null,
    permanentPinCode: null,
    correspondenceCity: null,
    correspondencePinCode: null,
    correspondenceAddress: null,
    pwdExpiryDate: null,
    accountLocked: null,
    active: null,
    type: null,
    tenantId: null,
    altContactNumber: null,
    ownerInfoUuid: null,
    isPrimaryOwner: null,
    ownerShipPercentage: null,
    institutionId: null,
    designation: null,
    emailId: null,
    isCorrespondenceAddress: null,
    mobileNumber: c.mobileNumber,
    fatherOrHusbandName: c.fatherOrHusbandName,
    name: c.name,
    remarks: '',
    status: null,
    gender: c.gender,
    ownerType: 'NONE',
    documents: null,
    roles: null,
  };
}

/**
 * The locality when egov-location has none for the GP: consumer_details_provider.dart
 * fetchBoundary adds `WARD1` named after the GP; `onChangeOfLocality` copies its code and area.
 */
export const FALLBACK_LOCALITY = { code: 'WARD1', area: null, name: null, label: null };

/** `Property.toJson()` of `setModel()` + the form (property.g.dart `_$PropertyToJson`). */
export function propertyBody(c: ConsumerInput, tenantId: string, tenantName: string) {
  return {
    id: null,
    propertyId: null,
    status: null,
    workflow: null,
    acknowldgementNumber: null,
    accountId: null,
    tenantId,
    address: { city: tenantName, id: null, locality: FALLBACK_LOCALITY, street: c.street, geoLocation: null, doorNo: c.doorNo, landmark: null, documents: null },
    ownershipCategory: 'INDIVIDUAL',
    owners: [ownerJson(c)],
    institution: null,
    documents: null,
    units: null,
    landArea: 1,
    propertyType: c.propertyType,
    noOfFloors: 1,
    superBuiltUpArea: null,
    usageCategory: 'RESIDENTIAL',
    additionalDetails: null,
    creationReason: 'CREATE',
    source: 'WS',
    channel: 'CITIZEN',
  };
}

/** `AdditionalDetails.fromJson({...})` of validateConsumerDetails, then `toJson()` (water_connection.g.dart). */
export function connectionAdditionalDetails(c: ConsumerInput) {
  const reading = c.connectionType === 'Metered' ? (c.previousReading ?? 0) : null;
  return {
    initialMeterReading: reading,
    meterReading: reading,
    locality: FALLBACK_LOCALITY.code,
    category: null,
    subCategory: null,
    aadharNumber: null,
    propertyType: c.propertyType,
    street: c.street,
    lastDemandGeneratedDate: null,
    doorNo: c.doorNo,
    collectionAmount: null,
    collectionPendingAmount: null,
    totalamount: null,
    remarks: '',
    appCreatedDate: null,
    action: null,
  };
}

/**
 * `WaterConnection.toJson()` after `setText()` and validateConsumerDetails (water_connection.g.dart).
 * The advance goes out negative (`-double.parse(advanceCtrl.text)`); arrears and penalty are 0.0
 * when the user picks arrears and leaves them empty.
 */
export function connectionBody(c: ConsumerInput, tenantId: string, propertyId: string | null) {
  const arrears = c.paymentType === 'arrears' ? (c.arrears ?? 0) : null;
  const penalty = c.paymentType === 'arrears' ? (c.penalty ?? 0) : null;
  const advance = c.paymentType === 'advance' && c.advance ? -c.advance : null;
  return {
    id: null,
    connectionNo: null,
    propertyId,
    applicationNo: null,
    tenantId,
    action: 'SUBMIT',
    status: null,
    meterInstallationDate: c.previousReadingDate,
    documents: null,
    proposedTaps: 1,
    noOfTaps: 1,
    arrears,
    connectionType: c.connectionType,
    oldConnectionNo: c.oldConnectionNo,
    meterId: c.connectionType === 'Metered' ? (c.meterId ?? null) : null,
    propertyType: c.propertyType,
    previousReadingDate: c.previousReadingDate,
    previousReading: c.connectionType === 'Metered' ? (c.previousReading ?? 0) : null,
    proposedPipeSize: 10,
    connectionHolders: [ownerJson(c)],
    additionalDetails: connectionAdditionalDetails(c),
    processInstance: { action: 'SUBMIT' },
    paymentType: c.paymentType,
    penalty,
    advance,
  };
}

/** The keys `WaterConnection.toJson()` emits: a search result parsed by the app and sent back. */
const CONNECTION_KEYS = Object.keys(connectionBody({ connectionType: 'Non_Metered', paymentType: 'arrears' } as ConsumerInput, '', null));
const ADDITIONAL_KEYS = Object.keys(connectionAdditionalDetails({ connectionType: 'Non_Metered' } as ConsumerInput));
const OWNER_KEYS = Object.keys(ownerJson({} as ConsumerInput));
const pick = (from: Record<string, any> | null | undefined, keys: string[]) => (from ? Object.fromEntries(keys.map((k) => [k, from[k] ?? null])) : null);

/** `WaterConnection.fromJson(searchResult).toJson()`: what the edit screen sends back, before its edits. */
export function connectionRoundTrip(found: Record<string, any>) {
  const out: Record<string, any> = pick(found, CONNECTION_KEYS)!;
  out.connectionHolders = Array.isArray(found.connectionHolders) ? found.connectionHolders.map((h: any) => pick(h, OWNER_KEYS)) : null;
  out.additionalDetails = pick(found.additionalDetails, ADDITIONAL_KEYS);
  out.processInstance = found.processInstance ? { action: found.processInstance.action ?? null } : null;
  out.documents = found.documents ? { fileStoreId: found.documents.fileStoreId ?? null, documentType: found.documents.documentType ?? null } : null;
  return out;
}

const PROPERTY_KEYS = Object.keys(propertyBody({} as ConsumerInput, '', ''));
const ADDRESS_KEYS = ['city', 'id', 'locality', 'street', 'geoLocation', 'doorNo', 'landmark', 'documents'];
const LOCALITY_KEYS = ['code', 'area', 'name', 'label'];

/** `Property.fromJson(searchResult).toJson()` (property.g.dart). */
export function propertyRoundTrip(found: Record<string, any>) {
  const out: Record<string, any> = pick(found, PROPERTY_KEYS)!;
  const address = pick(found.address, ADDRESS_KEYS) ?? pick({}, ADDRESS_KEYS)!;
  address.locality = pick(found.address?.locality, LOCALITY_KEYS);
  address.geoLocation = found.address?.geoLocation ? { latitude: found.address.geoLocation.latitude ?? null, longitude: found.address.geoLocation.longitude ?? null } : null;
  out.address = address;
  out.owners = Array.isArray(found.owners) ? found.owners.map((o: any) => pick(o, OWNER_KEYS)) : null;
  return out;
}

// ---- Meter reading and bulk demand: providers/bill_generation_details_provider.dart onSubmit ----

/** The metered branch: `billingPeriod` joins two dates with " - ". */
export function meterReadingBody(p: { tenantId: string; connectionNo: string; lastReading: number; lastReadingDate: number; currentReading: number; currentReadingDate: number; from: string; to: string }) {
  return {
    meterReadings: {
      currentReading: p.currentReading,
      currentReadingDate: p.currentReadingDate,
      billingPeriod: `${p.from} - ${p.to}`,
      meterStatus: 'Working',
      connectionNo: p.connectionNo,
      lastReading: p.lastReading,
      lastReadingDate: p.lastReadingDate,
      generateDemand: true,
      tenantId: p.tenantId,
    },
  };
}

/** The non-metered branch: `selectedBillPeriod` joins the month's first and last day with a bare "-". */
export const bulkDemandBody = (tenantId: string, y: number, m: number) => ({ tenantId, billingPeriod: `${ddMMyyyy(y, m, 1)}-${ddMMyyyy(y, m, lastDay(y, m))}` });

// ---- Payments: providers/collect_payment_provider.dart updatePaymentInformation ----

/** The amounts are the text of the amount field: strings. */
export function paymentBody(p: { tenantId: string; paymentMode: string; payerName: string | null; mobileNumber: string | null; amount: string; businessService: string | null; billId: string | null }) {
  return {
    Payment: {
      tenantId: p.tenantId,
      paymentMode: p.paymentMode,
      paidBy: p.payerName,
      mobileNumber: p.mobileNumber,
      totalAmountPaid: p.amount,
      paymentDetails: [{ businessService: p.businessService, billId: p.billId, totalAmountPaid: p.amount }],
    },
  };
}

// ---- Vendors and expenses: providers/expenses_details_provider.dart ----

/** createVendor: the whole DIGIT vendor the app sends, with its fixed placeholder values. */
export function vendorBody(tenantId: string, name: string, mobileNumber: string, localityCode = 'WARD1') {
  return {
    vendor: {
      tenantId,
      name,
      address: {
        tenantId,
        doorNo: null,
        plotNo: null,
        landmark: null,
        city: null,
        district: null,
        region: null,
        state: 'punjab',
        country: 'in',
        pincode: null,
        additionDetails: null,
        buildingName: null,
        street: null,
        locality: { code: localityCode, name: null, label: null, latitude: null, longitude: null, area: 'null', pincode: null, boundaryNum: 1, children: [] },
        geoLocation: { latitude: 0, longitude: 0, additionalDetails: {} },
      },
      owner: { tenantId, name, fatherOrHusbandName: 'defaultName', relationship: 'FATHER', gender: 'MALE', dob: 550261800000, emailId: 'example@gmail.com', mobileNumber },
      vehicles: [],
      drivers: [],
      source: 'WhatsApp',
    },
  };
}

export interface ExpenseInput {
  typeOfExpense: string;
  vendorId: string;
  vendorName: string;
  amount: string;
  billDate: number;
  billIssuedDate: number | null;
  taxPeriodFrom: number;
  taxPeriodTo: number;
  paidDate: number | null;
}

/** A new expense: `ExpensesDetailsModel.toJson()` after `setEnteredDetails` (expenses_details.g.dart). */
export function expenseBody(e: ExpenseInput, tenantId: string) {
  return {
    Challan: {
      citizen: null,
      auditDetails: null,
      id: null,
      tenantId,
      businessService: `EXPENSE.${e.typeOfExpense}`,
      consumerType: 'EXPENSE',
      typeOfExpense: e.typeOfExpense,
      vendor: e.vendorId,
      vendorName: e.vendorName,
      amount: [{ taxHeadCode: `EXPENSE.${e.typeOfExpense}`, amount: e.amount }],
      billDate: e.billDate,
      paidDate: e.paidDate,
      billIssuedDate: e.billIssuedDate,
      challanNo: null,
      accountId: null,
      applicationStatus: null,
      totalAmount: null,
      isBillPaid: e.paidDate !== null,
      filestoreid: null,
      taxPeriodFrom: e.taxPeriodFrom,
      taxPeriodTo: e.taxPeriodTo,
    },
  };
}

/**
 * An edited expense: the search result through `ExpensesDetailsModel.fromJson` / `toJson`, with the
 * amount re-read from its text field and the edits of `setEnteredDetails(isUpdate: true)`.
 */
export function expenseUpdateBody(found: Record<string, any>, edits: { paidDate?: number; cancel?: boolean }) {
  const amountText = found.amount?.[0]?.amount ?? (found.totalAmount === undefined || found.totalAmount === null ? '' : String(Math.trunc(found.totalAmount)));
  const citizen = found.citizen
    ? { id: found.citizen.id ?? null, uuid: found.citizen.uuid ?? null, userName: found.citizen.userName ?? null, name: found.citizen.name ?? null, mobileNumber: found.citizen.userName ?? null }
    : null;
  const auditDetails = found.auditDetails
    ? { createdBy: found.auditDetails.createdBy ?? null, lastModifiedBy: found.auditDetails.lastModifiedBy ?? null, createdTime: found.auditDetails.createdTime ?? null, lastModifiedTime: found.auditDetails.lastModifiedTime ?? null }
    : null;
  const isBillPaid = edits.paidDate !== undefined ? true : (found.isBillPaid ?? false);
  let applicationStatus = found.applicationStatus ?? null;
  if (isBillPaid) applicationStatus = 'PAID';
  if (edits.cancel) applicationStatus = 'CANCELLED';
  return {
    Challan: {
      citizen,
      auditDetails,
      id: found.id ?? null,
      tenantId: found.tenantId ?? null,
      businessService: found.businessService ?? null,
      consumerType: 'EXPENSE',
      typeOfExpense: found.typeOfExpense ?? null,
      vendor: found.vendor ?? null,
      vendorName: found.vendorName ?? null,
      amount: [{ taxHeadCode: found.amount?.[0]?.taxHeadCode ?? `EXPENSE.${found.typeOfExpense}`, amount: String(amountText) }],
      billDate: found.billDate ?? null,
      paidDate: edits.paidDate ?? found.paidDate ?? null,
      billIssuedDate: found.billIssuedDate ?? null,
      challanNo: found.challanNo ?? null,
      accountId: found.accountId ?? null,
      applicationStatus,
      totalAmount: found.totalAmount ?? null,
      isBillPaid,
      filestoreid: found.filestoreid ?? null,
      taxPeriodFrom: found.taxPeriodFrom ?? null,
      taxPeriodTo: found.taxPeriodTo ?? null,
    },
  };
}

// ---- Feedback: screeens/feedback/feed_back.dart onSubmit ----

export function feedbackBody(q: { tenantId: string; paymentId: string; connectionno: string }, ratings: [number, number, number]) {
  return {
    RequestInfo: {},
    feedback: {
      tenantId: q.tenantId,
      paymentId: q.paymentId,
      connectionno: q.connectionno,
      additionaldetails: {
        CheckList: [
          { code: 'HAPPY_WATER_SUPPLY', type: 'SINGLE_SELECT', value: String(ratings[0]) },
          { code: 'WATER_QUALITY_GOOD', type: 'SINGLE_SELECT', value: String(ratings[1]) },
          { code: 'WATER_SUPPLY_REGULAR', type: 'SINGLE_SELECT', value: String(ratings[2]) },
        ],
      },
    },
  };
}
