/**
 * The app's response models (frontend/mgramseva/lib/model/**, their `fromJson` / `*.g.dart`), as
 * specs for `expectModel`. Each field is typed as the app casts it; `?` where the app reads it with
 * `?`. Where the app's own code dereferences a field with `!` right after parsing, the spec says
 * so in a comment and requires it.
 */
import { entries, intString, list, nonEmptyList, numString, obj, oneOf, opt, type Spec } from './expect-model.ts';

// ---- MDMS (model/localization/language.dart, model/mdms/*.g.dart) ----

export const Languages = obj({ label: 'string?', value: 'string?', isSelected: 'bool?' });
/** language.dart StateInfo; providers/language.dart uses `stateInfo.code!` (the login tenant) and `languages.first`. */
export const StateInfo = obj({
  name: 'string?',
  code: 'string',
  qrCodeURL: 'string?',
  bannerUrl: 'string?',
  logoUrl: 'string?',
  stateLogoURL: 'string?',
  selectedCode: 'string?',
  logoUrlWhite: 'string?',
  hasLocalisation: 'bool?',
  enableWhatsApp: 'bool?',
  defaultUrl: opt(obj({ citizen: 'string?', employee: 'string?' })),
  languages: nonEmptyList(Languages),
});
/** common_provider.dart getAppVersionDetails: `commonMasters!.appVersion!.first`. */
export const AppVersion = obj({ latestAppVersion: 'string?', latestAppVersionIos: 'string?' });
/** model/mdms/tenants.g.dart; the tenant picker reads `city!.code!` of the user's tenant. */
export const Tenants = obj({
  code: 'string',
  name: 'string?',
  description: 'string?',
  logoId: 'string?',
  imageId: 'string?',
  domainUrl: 'string?',
  type: 'string?',
  twitterUrl: 'string?',
  facebookUrl: 'string?',
  emailId: 'string?',
  officeTimings: opt(obj({ monFri: 'string?', sat: 'string?' })),
  city: opt(
    obj({
      name: 'string?',
      localName: 'string?',
      districtCode: 'string?',
      districtName: 'string?',
      regionName: 'string?',
      ulbGrade: 'string?',
      longitude: 'any',
      latitude: 'any',
      code: 'string?',
      ddrName: 'string?',
      cateregionCodegory: 'string?',
      municipalityName: 'string?',
    }),
  ),
  address: 'string?',
  pincode: opt(list('int')),
  contactNumber: 'string?',
  pdfHeader: 'string?',
  pdfContactDetails: 'string?',
  helpLineNumber: 'string?',
});
export const BusinessService = obj({
  businessService: 'string?',
  code: 'string?',
  collectionModesNotAllowed: opt(list('string')),
  partPaymentAllowed: 'bool?',
  isAdvanceAllowed: 'bool?',
  isVoucherCreationEnabled: 'bool?',
  isActive: 'bool?',
  type: 'string?',
});
/** tax_head_master.g.dart: `order` is read `as String?`. */
export const TaxHeadMaster = obj({
  category: 'string?',
  service: 'string?',
  name: 'string?',
  code: 'string?',
  isDebit: 'bool?',
  isActualDemand: 'bool?',
  order: 'string?',
  isRequired: 'bool?',
});
/** tax_period.g.dart; the bill-year pickers sort on `fromDate!`. */
export const TaxPeriod = obj({ name: 'string?', code: 'string?', financialYear: 'string?', periodCycle: 'string?', service: 'string?', fromDate: 'int', toDate: 'int' });
export const CodeNameActive = obj({ name: 'string?', code: 'string?', isActive: 'bool?' });

/** localization_label.g.dart LocalizationLabel. */
export const LocalizationLabel = obj({ code: 'string?', message: 'string?', module: 'string?', locale: 'string?' });
export const CategoryType = obj({ name: 'string?', code: 'string?', taxHeadCode: 'string?', isActive: 'bool?' });
export const ExpenseType = obj({ name: 'string?', code: 'string?', taxHeadCode: 'string?', isActive: 'bool?' });
/** wc_billing_slab.g.dart. */
export const WCBillingSlab = obj({
  buildingType: 'string?',
  connectionType: 'string?',
  calculationAttribute: 'string?',
  minimumCharge: 'num?',
  slabs: opt(list(obj({ from: 'int?', to: 'int?', charge: 'num?', meterCharge: 'num?' }))),
});

// ---- Users (model/user/user_details.g.dart, model/user_profile/user_profile.g.dart) ----

const Roles = obj({ name: 'string?', code: 'string?', tenantId: 'string?' });
/** UserRequest of the login answer; the app uses `userRequest!.tenantId`, `.id`, `.roles!` right after login. */
export const UserRequest = obj({
  id: 'int',
  uuid: 'string?',
  userName: 'string?',
  name: 'string?',
  mobileNumber: 'string?',
  emailId: 'string?',
  locale: 'string?',
  type: 'string?',
  roles: list(Roles),
  active: 'bool?',
  tenantId: 'string',
  permanentCity: 'string?',
});
/** UserDetails (the token answer). */
export const UserDetails = obj({
  access_token: 'string',
  tokenType: 'string?',
  refreshToken: 'string?',
  expiresIn: 'int?',
  scope: 'string?',
  UserRequest,
});
/** The person details user_profile.g.dart User and the demand's Payer both read, with the same types. */
const personDetails = {
  salutation: 'string?',
  name: 'string?',
  gender: 'string?',
  mobileNumber: 'string?',
  emailId: 'string?',
  altContactNumber: 'string?',
  pan: 'string?',
  aadhaarNumber: 'string?',
  permanentAddress: 'string?',
  permanentCity: 'string?',
  permanentPinCode: 'string?',
  correspondenceAddress: 'string?',
  correspondenceCity: 'string?',
  correspondencePinCode: 'string?',
  active: 'bool?',
} as const;

/** user_profile.g.dart User: dates are read as strings, `defaultPwdChgd` as a boolean. */
export const ProfileUser = obj({
  id: 'int?',
  userName: 'string?',
  ...personDetails,
  locale: 'string?',
  type: 'string?',
  defaultPwdChgd: 'bool?',
  accountLocked: 'bool?',
  accountLockedDate: 'int?',
  fatherOrHusbandName: 'string?',
  relationship: 'string?',
  signature: 'string?',
  bloodGroup: 'string?',
  photo: 'string?',
  identificationMark: 'string?',
  createdBy: 'int?',
  lastModifiedBy: 'int?',
  tenantId: 'string?',
  roles: opt(list(Roles)),
  uuid: 'string?',
  createdDate: 'string?',
  lastModifiedDate: 'string?',
  dob: 'string?',
  pwdExpiryDate: 'string?',
});

// ---- Consumers (model/connection/*.g.dart) ----

/** property.g.dart Owners (also the connection holders): `id` is read `as int?`. */
export const Owners = obj({
  id: 'int?',
  uuid: 'string?',
  userName: 'string?',
  password: 'string?',
  aadhaarNumber: 'string?',
  permanentAddress: 'string?',
  permanentCity: 'string?',
  permanentPinCode: 'string?',
  correspondenceCity: 'string?',
  correspondencePinCode: 'string?',
  correspondenceAddress: 'string?',
  pwdExpiryDate: 'int?',
  accountLocked: 'bool?',
  active: 'bool?',
  type: 'string?',
  tenantId: 'string?',
  altContactNumber: 'string?',
  ownerInfoUuid: 'string?',
  isPrimaryOwner: 'string?',
  ownerShipPercentage: 'string?',
  institutionId: 'string?',
  designation: 'string?',
  emailId: 'string?',
  isCorrespondenceAddress: 'bool?',
  mobileNumber: 'string?',
  fatherOrHusbandName: 'string?',
  name: 'string?',
  remarks: 'string?',
  status: 'string?',
  gender: 'string?',
  ownerType: 'string?',
  documents: opt(list(obj({ fileStoreId: 'string?', documentType: 'string?' }))),
  roles: opt(list(Roles)),
});
const IsResdential = obj({ i18nKey: 'string?', code: 'string?' });
/** property.g.dart Property: `address` is parsed without a null check. */
export const Property = obj({
  id: 'string?',
  propertyId: 'string?',
  status: 'string?',
  workflow: 'string?',
  acknowldgementNumber: 'string?',
  accountId: 'string?',
  tenantId: 'string?',
  address: obj({
    city: 'string?',
    id: 'string?',
    locality: opt(obj({ code: 'string?', area: 'string?', name: 'string?', label: 'string?' })),
    street: 'string?',
    geoLocation: opt(obj({ latitude: 'num?', longitude: 'num?' })),
    doorNo: 'string?',
    landmark: 'string?',
    documents: opt(list(obj({ fileStoreId: 'string?', documentType: 'string?' }))),
  }),
  ownershipCategory: 'string?',
  owners: opt(list(Owners)),
  institution: opt(obj({ designation: 'string?', name: 'string?', nameOfAuthorizedPerson: 'string?', tenantId: 'string?', type: 'string?' })),
  documents: opt(list(obj({ fileStoreId: 'string?', documentType: 'string?' }))),
  units: opt(list(obj({ occupancyType: 'string?', floorNo: 'int?', constructionDetail: opt(obj({ constructionType: 'string?', builtUpArea: 'string?' })), tenantId: 'string?', usageCategory: 'string?' }))),
  landArea: 'num?',
  propertyType: 'string?',
  noOfFloors: 'int?',
  superBuiltUpArea: 'string?',
  usageCategory: 'string?',
  additionalDetails: opt(
    obj({
      inflammable: 'bool?',
      heightAbove36Feet: 'bool?',
      isResdential: opt(IsResdential),
      propertyType: opt(IsResdential),
      subusagetypeofrentedarea: 'string?',
      subusagetype: 'string?',
      isAnyPartOfThisFloorUnOccupied: 'string?',
      builtUpArea: 'string?',
      noOfFloors: opt(obj({ i18nKey: 'string?', code: 'int?' })),
      noOofBasements: opt(obj({ i18nKey: 'string?', code: 'int?' })),
      unit: opt(list('any')),
      basement1: 'string?',
      basement2: 'string?',
    }),
  ),
  creationReason: 'string?',
  source: 'string?',
  channel: 'string?',
});

/**
 * water_connection.g.dart AdditionalDetails. The household register shows
 * `int.parse(lastDemandGeneratedDate)`; the pending amount is shown as the string it reads.
 */
export const ConnectionAdditionalDetails = obj({
  initialMeterReading: 'num?',
  meterReading: 'num?',
  locality: 'string?',
  category: 'string?',
  subCategory: 'string?',
  aadharNumber: 'string?',
  propertyType: 'string?',
  street: 'string?',
  lastDemandGeneratedDate: opt(intString),
  doorNo: 'string?',
  collectionAmount: 'string?',
  collectionPendingAmount: 'string?',
  totalamount: 'string?',
  remarks: 'string?',
  appCreatedDate: 'num?',
  action: 'string?',
});
/**
 * water_connection.g.dart WaterConnection. Its status is DIGIT's `Active`/`Inactive`
 * (ws-services Connection.StatusEnum); the edit screen compares with `'Active'`.
 */
export const WaterConnection = obj({
  id: 'string?',
  connectionNo: 'string?',
  propertyId: 'string?',
  applicationNo: 'string?',
  tenantId: 'string?',
  action: 'string?',
  status: opt(oneOf('Active', 'Inactive')),
  meterInstallationDate: 'num?',
  documents: opt(obj({ fileStoreId: 'string?', documentType: 'string?' })),
  proposedTaps: 'num?',
  noOfTaps: 'num?',
  arrears: 'num?',
  connectionType: 'string?',
  oldConnectionNo: 'string?',
  meterId: 'string?',
  propertyType: 'string?',
  previousReadingDate: 'num?',
  previousReading: 'num?',
  proposedPipeSize: 'num?',
  connectionHolders: opt(list(Owners)),
  additionalDetails: opt(ConnectionAdditionalDetails),
  processInstance: opt(obj({ action: 'string?' })),
  paymentType: 'string?',
  penalty: 'num?',
  advance: 'num?',
});
/**
 * water_connections.g.dart WaterConnections: `totalCount` pages the register (missing is 0);
 * the search screens test `waterConnection!.length`.
 */
export const WaterConnections = obj({
  WaterConnection: list(WaterConnection),
  waterConnectionData: opt(list(WaterConnection)),
  propertyCount: opt(entries('any')),
  collectionDataCount: opt(obj({ collectionPending: 'int?', collectionPaid: 'int?' })),
  totalCount: 'int',
});

// ---- Meter readings, bulk demand (model/bill/*.g.dart) ----

/** meter_demand_details.g.dart MeterReadings; bill_generation_details_repo sorts on `currentReading!`. */
export const MeterReadings = obj({
  id: 'string?',
  billingPeriod: 'string?',
  meterStatus: 'string?',
  lastReading: 'num?',
  lastReadingDate: 'int?',
  currentReading: 'num',
  currentReadingDate: 'int?',
  connectionNo: 'string?',
  consumption: 'string?',
  generateDemand: 'bool?',
  tenantId: 'string?',
});
/** bill_generation_details.g.dart, parsed from the top of the meter-reading and bulk-demand answers. */
export const BillGenerationDetails = obj({
  tenantId: 'string?',
  currentReading: 'int?',
  currentReadingDate: 'int?',
  connectionNo: 'string?',
  billingPeriod: 'string?',
  lastReading: 'int?',
  meterStatus: 'string?',
  lastReadingDate: 'int?',
  generateDemand: 'bool?',
  connectionCategory: 'string?',
  serviceCat: 'string?',
  serviceType: 'string?',
  propertyType: 'string?',
  billYear: opt(TaxPeriod),
  billCycle: 'string?',
  meterNumber: 'string?',
  oldMeterReading: 'string?',
  newMeterReading: 'string?',
  meterReadingDate: 'int?',
});

// ---- Demands, bills, payments ----

const BillAuditDetails = obj({ createdBy: 'string?', lastModifiedBy: 'string?', createdTime: 'num?', lastModifiedTime: 'num?' });
const Payer = obj({
  uuid: 'string?',
  id: 'int?',
  userName: 'string?',
  type: 'string?',
  ...personDetails,
  tenantId: 'string?',
});
/** The providers sort demands on `demandDetails!.first.auditDetails!.createdTime!`. */
const DemandDetails = obj({
  id: 'string?',
  demandId: 'string?',
  taxHeadMasterCode: 'string?',
  taxAmount: 'num?',
  collectionAmount: 'num?',
  additionalDetails: opt(ConnectionAdditionalDetails),
  auditDetails: obj({ createdBy: 'string?', lastModifiedBy: 'string?', createdTime: 'int', lastModifiedTime: 'int?' }),
  tenantId: 'string?',
});
/** demand_list.g.dart Demands. */
export const Demands = obj({
  id: 'string?',
  tenantId: 'string?',
  consumerCode: 'string?',
  consumerType: 'string?',
  businessService: 'string?',
  payer: opt(Payer),
  taxPeriodFrom: 'int?',
  taxPeriodTo: 'int?',
  demandDetails: nonEmptyList(DemandDetails),
  auditDetails: opt(obj({ createdBy: 'string?', lastModifiedBy: 'string?', createdTime: 'int?', lastModifiedTime: 'int?' })),
  billExpiryTime: 'int?',
  minimumAmountPayable: 'num?',
  status: 'string?',
  meterReadings: opt(list(MeterReadings)),
  isPaymentCompleted: 'bool?',
});
/** update_demand_list.g.dart (the `_getPenaltyDetails` answer). */
export const UpdateDemandList = obj({
  Demands: list(
    obj({
      id: 'string?',
      tenantId: 'string?',
      consumerCode: 'string?',
      consumerType: 'string?',
      businessService: 'string?',
      payer: opt(Payer),
      taxPeriodFrom: 'int?',
      taxPeriodTo: 'int?',
      demandDetails: nonEmptyList(
        obj({
          id: 'string?',
          demandId: 'string?',
          taxHeadMasterCode: 'string?',
          taxAmount: 'num?',
          collectionAmount: 'num?',
          // update_demand_list.g.dart reads it when present; the estimated line has none (not saved).
          auditDetails: opt(obj({ createdBy: 'string?', lastModifiedBy: 'string?', createdTime: 'int', lastModifiedTime: 'int?' })),
          tenantId: 'string?',
        }),
      ),
      auditDetails: opt(obj({ createdBy: 'string?', lastModifiedBy: 'string?', createdTime: 'int?', lastModifiedTime: 'int?' })),
      billExpiryTime: 'int?',
      minimumAmountPayable: 'num?',
      status: 'string?',
      isPaymentCompleted: 'bool?',
    }),
  ),
  totalApplicablePenalty: 'num?',
});
/** demand_list.g.dart AggragateDemandDetails: every figure the household and bill screens show. */
export const AggregateDemandDetails = obj({
  advanceAvailable: 'num',
  advanceAdjusted: 'num',
  remainingAdvance: 'num',
  currentmonthBill: 'num',
  currentMonthPenalty: 'num',
  currentmonthTotalDue: 'num',
  currentmonthRoundOff: 'num',
  totalAreas: 'num',
  totalAreasWithPenalty: 'num',
  netdue: 'num',
  netDueWithPenalty: 'num',
  totalApplicablePenalty: 'num',
  latestDemandCreatedTime: 'num?',
  latestDemandPenaltyCreatedtime: 'num?',
  mapOfDemandDetailList: opt(list(entries(list(DemandDetails)))),
});

const BillAccountDetails = obj({
  id: 'string?',
  tenantId: 'string?',
  billDetailId: 'string?',
  demandDetailId: 'string?',
  order: 'num?',
  amount: 'num?',
  adjustedAmount: 'num?',
  taxHeadCode: 'string?',
});
/** billing.g.dart Bill; the household screen sorts on `billDetails!` `toPeriod!`, the payment screen on `fromPeriod!`. */
export const Bill = obj({
  id: 'string?',
  mobileNumber: 'string?',
  payerName: 'string?',
  payerAddress: 'string?',
  payerEmail: 'string?',
  status: 'string?',
  totalAmount: 'num?',
  penalty: 'num?',
  netAmountDueWithPenalty: 'num?',
  businessService: 'string?',
  billNumber: 'string?',
  billDate: 'num?',
  consumerCode: 'string?',
  billDetails: list(
    obj({
      id: 'string?',
      tenantId: 'string?',
      demandId: 'string?',
      billId: 'string?',
      expiryDate: 'num?',
      amount: 'num?',
      fromPeriod: 'num',
      toPeriod: 'num',
      billAccountDetails: opt(list(BillAccountDetails)),
    }),
  ),
  tenantId: 'string?',
  fileStoreId: 'string?',
  auditDetails: opt(BillAuditDetails),
  meterReadings: opt(list(MeterReadings)),
  waterconnection: opt(WaterConnection),
});
/**
 * fetch_bill.g.dart FetchBill (the collect-payment screen): `billDate`, `fromPeriod`, `toPeriod`,
 * `order` `as int?`; a bill account detail's `amount` and `taxHeadCode` without `?`.
 */
export const FetchBill = obj({
  id: 'string?',
  mobileNumber: 'string?',
  payerName: 'string?',
  status: 'string?',
  totalAmount: 'num',
  businessService: 'string?',
  billNumber: 'string?',
  billDate: 'int?',
  consumerCode: 'string?',
  billDetails: nonEmptyList(
    obj({
      id: 'string?',
      tenantId: 'string?',
      demandId: 'string?',
      billId: 'string',
      expiryDate: 'int?',
      amount: 'num?',
      fromPeriod: 'int',
      toPeriod: 'int?',
      billAccountDetails: nonEmptyList(
        obj({ id: 'string?', tenantId: 'string?', billDetailId: 'string?', demandDetailId: 'string?', order: 'int?', amount: 'num', adjustedAmount: 'num?', advanceAdjustedAmount: 'num?', taxHeadCode: 'string' }),
      ),
    }),
  ),
});
/** bill_payments.g.dart Payments; the receipt reads `paymentDetails!.first.receiptNumber` and `.last.bill!.billDetails!.first`. */
export const Payments = obj({
  id: 'string?',
  tenantId: 'string?',
  totalDue: 'num',
  totalAmountPaid: 'num',
  transactionNumber: 'string?',
  transactionDate: 'int?',
  paymentMode: 'string?',
  instrumentDate: 'int?',
  instrumentNumber: 'string?',
  instrumentStatus: 'string?',
  ifscCode: 'string?',
  auditDetails: opt(obj({ id: 'string?', createdTime: 'int?', lastModifiedBy: 'string?', lastModifiedTime: 'int?' })),
  paymentDetails: nonEmptyList(
    obj({
      paymentId: 'string?',
      id: 'string?',
      tenantId: 'string?',
      totalDue: 'num?',
      totalAmountPaid: 'num?',
      receiptNumber: 'string',
      manualReceiptNumber: 'string?',
      manualReceiptDate: 'int?',
      receiptDate: 'int?',
      receiptType: 'string?',
      businessService: 'string?',
      billId: 'string?',
      bill: Bill,
      auditDetails: opt(obj({ id: 'string?', createdTime: 'int?', lastModifiedBy: 'string?', lastModifiedTime: 'int?' })),
    }),
  ),
  paidBy: 'string?',
  mobileNumber: 'string?',
  payerName: 'string?',
  payerAddress: 'string?',
  payerEmail: 'string?',
  payerId: 'string?',
  paymentStatus: 'string?',
  fileStoreId: 'string?',
});

// ---- Expenses and vendors (model/expenses_details/*.g.dart) ----

/**
 * vendor.g.dart: `name`, `id` and `owner.mobileNumber` are read `as String` (no `?`); expenses_repo.dart
 * puts `{mobileNumber: ''}` in place of a missing owner first.
 */
export const Vendor = obj({ name: 'string', id: 'string', owner: opt(obj({ mobileNumber: 'string' })) });
/** expenses_details.g.dart ExpensesDetailsModel: `amount[].amount` is read `as String?`. */
export const ExpensesDetails = obj({
  citizen: opt(obj({ id: 'num?', uuid: 'string?', userName: 'string?', name: 'string?', mobileNumber: 'string?' })),
  auditDetails: opt(obj({ createdBy: 'string?', lastModifiedBy: 'string?', createdTime: 'num?', lastModifiedTime: 'num?' })),
  id: 'string?',
  tenantId: 'string?',
  businessService: 'string?',
  consumerType: 'string?',
  typeOfExpense: 'string?',
  vendor: 'string?',
  vendorName: 'string?',
  amount: opt(list(obj({ taxHeadCode: 'string?', amount: 'string?' }))),
  billDate: 'num?',
  paidDate: 'num?',
  billIssuedDate: 'num?',
  challanNo: 'string?',
  accountId: 'string?',
  applicationStatus: 'string?',
  totalAmount: 'num?',
  isBillPaid: 'bool?',
  filestoreid: 'string?',
  taxPeriodFrom: 'num?',
  taxPeriodTo: 'num?',
});
/** ExpensesDetailsWithPagination (the expense dashboard): the tabs show `int.parse(billData.paidcount ?? '0')`. */
export const ExpensesDetailsWithPagination = obj({
  totalCount: 'num?',
  billData: opt(obj({ notPaidcount: opt(intString), paidcount: opt(intString) })),
  challans: opt(list(ExpensesDetails)),
});

// ---- Dashboards (model/dashboard/revenue_dashboard.g.dart, providers/dashboard_provider.dart) ----

/** The revenue trend table: `int.parse(pendingCollection)`, `num.parse` of the others. */
export const Revenue = obj({ month: 'int?', demand: opt(numString), pendingCollection: opt(intString), arrears: opt(numString), actualCollection: opt(numString) });
/** The expense trend table: `int.parse(amountUnpaid)`, `num.parse` of the others. */
export const ExpenseTrend = obj({ month: 'int?', totalExpenditure: opt(numString), amountUnpaid: opt(intString), amountPaid: opt(numString) });

// ---- Reports (model/reports/*.dart) ----

export const BillReportData = obj({
  tenantName: 'string?',
  consumerName: 'string?',
  connectionNo: 'string?',
  oldConnectionNo: 'string?',
  consumerCreatedOnDate: 'string?',
  penalty: 'num?',
  advance: 'num?',
  demandAmount: 'num?',
  userId: 'string?',
});
/** collection_report_data.dart assigns `paymentAmount` to a `double?` directly. */
export const CollectionReportData = obj({
  tenantName: 'string?',
  consumerName: 'string?',
  connectionNo: 'string?',
  oldConnectionNo: 'string?',
  userId: 'string?',
  paymentMode: 'string?',
  paymentAmount: 'num?',
});
/** InactiveConsumerReportData.dart: the connection number's key is `connectionno`. */
export const InactiveConsumerReportData = obj({
  tenantName: 'string?',
  connectionno: 'string?',
  status: 'string?',
  inactiveDate: 'num?',
  inactivatedByUuid: 'string?',
  inactivatedByName: 'string?',
});
/** expense_bill_report_data.dart: `amount` and the dates are assigned to `int?` directly. */
export const ExpenseBillReportData = obj({
  typeOfExpense: 'string?',
  vendorName: 'string?',
  amount: 'int?',
  billDate: 'int?',
  taxPeriodFrom: 'int?',
  taxPeriodTo: 'int?',
  applicationStatus: 'string?',
  paidDate: 'int?',
  filestoreid: 'string?',
  lastModifiedTime: 'int?',
  lastModifiedByUuid: 'string?',
  lastModifiedBy: 'string?',
  tenantId: 'string?',
});
/** vendor_report_data.dart: snake_case keys. */
export const VendorReportData = obj({ tenantId: 'string?', vendor_name: 'string?', mobile_no: 'string?', type_of_expense: 'string?', bill_id: 'string?', owner_uuid: 'string?' });
/** leadger_report.dart: each item maps a month to its demand (parsed without a null check) and payments. */
export const LedgerMonth = obj({
  demand: obj({
    consumerName: 'string?',
    connectionNo: 'string?',
    oldConnectionNo: 'string?',
    userId: 'string?',
    month: 'string?',
    demandGenerationDate: 'int?',
    code: 'string?',
    monthlyCharges: 'num?',
    penalty: 'num?',
    totalForCurrentMonth: 'num?',
    previousMonthBalance: 'num?',
    totalDues: 'num?',
    dueDateOfPayment: 'int?',
    penaltyAppliedOnDate: 'int?',
  }),
  payment: opt(list(obj({ paymentCollectionDate: 'any', receiptNo: 'string?', amountPaid: 'num?', balanceLeft: 'num?' }))),
  totalPaymentInMonth: 'num?',
  totalBalanceLeftInMonth: 'num?',
});
/** monthly_ledger_data.dart MonthReport. */
export const MonthReport = obj({
  monthReport: opt(
    list(
      obj({
        tenantName: 'string?',
        connectionNo: 'string?',
        oldConnectionNo: 'string?',
        consumerCreatedOnDate: 'int?',
        consumerName: 'string?',
        userId: 'string?',
        demandGenerationDate: 'int?',
        penalty: 'num?',
        demandAmount: 'num?',
        advance: 'num?',
        arrears: 'num?',
        totalAmount: 'num?',
        amountPaid: 'num?',
        paidDate: 'int?',
        remainingAmount: 'num?',
      }),
    ),
  ),
  tenantName: 'string?',
  monthPeriod: 'string?',
  responseInfo: opt(obj({ apiId: 'any', ver: 'any', ts: 'any', resMsgId: 'any', msgId: 'any', status: 'any' })),
});
/** WaterConnectionCount.dart: `count` and `taxperiodto` are assigned to `int?`. */
export const WaterConnectionCount = obj({ count: 'int?', taxperiodto: 'int?' });

export type { Spec };
