/**
 * The mGramSeva app's request models as its generated `toJson` writes them
 * (/work/app-src/frontend/mgramseva/lib/model/**\/*.g.dart): every key of the model, a field the
 * app has no value for sent as null. `modelOf` is the app's `fromJson` then `toJson`: what it sends
 * back on an update is what it parsed from a search, its model's keys only.
 */

type Json = Record<string, unknown>;

/** A model: its keys in the app's order, and the models of its nested objects and lists. */
export interface Model {
  keys: readonly string[];
  nested?: Record<string, Model>;
}

/** A model's JSON: every key, null unless given. */
export function build(model: Model, values: Json = {}): Json {
  return Object.fromEntries(model.keys.map((k) => [k, values[k] === undefined ? null : values[k]]));
}

/** What the app keeps of a response object and sends back: its model's keys, nested models likewise. */
export function modelOf(model: Model, json: unknown): Json | null {
  if (json === null || json === undefined) return null;
  const source = json as Json;
  return Object.fromEntries(
    model.keys.map((k) => {
      const value = source[k] ?? null;
      const nested = model.nested?.[k];
      if (!nested || value === null) return [k, value];
      return [k, Array.isArray(value) ? value.map((v) => modelOf(nested, v)) : modelOf(nested, value)];
    }),
  );
}

// model/connection/property.g.dart
export const OWNER: Model = {
  keys: [
    'id', 'uuid', 'userName', 'password', 'aadhaarNumber', 'permanentAddress', 'permanentCity', 'permanentPinCode',
    'correspondenceCity', 'correspondencePinCode', 'correspondenceAddress', 'pwdExpiryDate', 'accountLocked', 'active',
    'type', 'tenantId', 'altContactNumber', 'ownerInfoUuid', 'isPrimaryOwner', 'ownerShipPercentage', 'institutionId',
    'designation', 'emailId', 'isCorrespondenceAddress', 'mobileNumber', 'fatherOrHusbandName', 'name', 'remarks',
    'status', 'gender', 'ownerType', 'documents', 'roles',
  ],
  nested: { documents: { keys: ['fileStoreId', 'documentType'] }, roles: { keys: ['name', 'code', 'tenantId'] } },
};
export const LOCALITY: Model = { keys: ['code', 'area', 'name', 'label'] };
export const GEO_LOCATION: Model = { keys: ['latitude', 'longitude'] };
export const ADDRESS: Model = {
  keys: ['city', 'id', 'locality', 'street', 'geoLocation', 'doorNo', 'landmark', 'documents'],
  nested: { locality: LOCALITY, geoLocation: GEO_LOCATION, documents: OWNER.nested!.documents! },
};
export const PROPERTY: Model = {
  keys: [
    'id', 'propertyId', 'status', 'workflow', 'acknowldgementNumber', 'accountId', 'tenantId', 'address',
    'ownershipCategory', 'owners', 'institution', 'documents', 'units', 'landArea', 'propertyType', 'noOfFloors',
    'superBuiltUpArea', 'usageCategory', 'additionalDetails', 'creationReason', 'source', 'channel',
  ],
  nested: {
    address: ADDRESS,
    owners: OWNER,
    institution: { keys: ['designation', 'name', 'nameOfAuthorizedPerson', 'tenantId', 'type'] },
    documents: OWNER.nested!.documents!,
    units: { keys: ['occupancyType', 'floorNo', 'constructionDetail', 'tenantId', 'usageCategory'], nested: { constructionDetail: { keys: ['constructionType', 'builtUpArea'] } } },
    additionalDetails: {
      keys: [
        'inflammable', 'heightAbove36Feet', 'isResdential', 'propertyType', 'subusagetypeofrentedarea', 'subusagetype',
        'isAnyPartOfThisFloorUnOccupied', 'builtUpArea', 'noOfFloors', 'noOofBasements', 'unit', 'basement1', 'basement2',
      ],
    },
  },
};

// model/connection/water_connection.g.dart (its connectionHolders are the property's Owners)
export const CONNECTION_DETAILS: Model = {
  keys: [
    'initialMeterReading', 'meterReading', 'locality', 'category', 'subCategory', 'aadharNumber', 'propertyType', 'street',
    'lastDemandGeneratedDate', 'doorNo', 'collectionAmount', 'collectionPendingAmount', 'totalamount', 'remarks',
    'appCreatedDate', 'action',
  ],
};
export const WATER_CONNECTION: Model = {
  keys: [
    'id', 'connectionNo', 'propertyId', 'applicationNo', 'tenantId', 'action', 'status', 'meterInstallationDate', 'documents',
    'proposedTaps', 'noOfTaps', 'arrears', 'connectionType', 'oldConnectionNo', 'meterId', 'propertyType',
    'previousReadingDate', 'previousReading', 'proposedPipeSize', 'connectionHolders', 'additionalDetails',
    'processInstance', 'paymentType', 'penalty', 'advance',
  ],
  nested: { documents: { keys: ['fileStoreId', 'documentType'] }, connectionHolders: OWNER, additionalDetails: CONNECTION_DETAILS, processInstance: { keys: ['action'] } },
};

// model/expenses_details/expenses_details.g.dart
export const CHALLAN: Model = {
  keys: [
    'citizen', 'auditDetails', 'id', 'tenantId', 'businessService', 'consumerType', 'typeOfExpense', 'vendor', 'vendorName',
    'amount', 'billDate', 'paidDate', 'billIssuedDate', 'challanNo', 'accountId', 'applicationStatus', 'totalAmount',
    'isBillPaid', 'filestoreid', 'taxPeriodFrom', 'taxPeriodTo',
  ],
  nested: {
    citizen: { keys: ['id', 'uuid', 'userName', 'name', 'mobileNumber'] },
    auditDetails: { keys: ['createdBy', 'lastModifiedBy', 'createdTime', 'lastModifiedTime'] },
    amount: { keys: ['taxHeadCode', 'amount'] },
  },
};

/** services/request_info.dart: the RequestInfo every call carries (API_* constants of utils/global_variables.dart). */
export function appRequestInfo(authToken: string | null, action: string, userInfo: Json | null = null): Json {
  return { apiId: 'mgramseva', ver: 1, ts: '', action, did: 1, key: '', msgId: '20170310130900|en_IN', authToken, userInfo };
}
