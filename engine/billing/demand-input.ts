import type { ErrorDetail } from '../errors/index.ts';
import { Money, parseAmount, ZERO } from '../money/index.ts';
import { compilePayloadValidator } from '../validation/index.ts';
import type { DemandFields } from './demand.ts';
import type { BillingMasters } from './masters.ts';

/** A demand as a request carries it, its amounts read exactly. */
export interface DemandInput extends DemandFields {
  id?: string;
  lastModifiedTime?: number;
  demandDetails: { id?: string; taxHeadMasterCode: string; taxAmount: Money; collectionAmount?: Money; additionalDetails: unknown; path: string }[];
  path: string;
}

const amount = { type: ['number', 'string'] };
/** A demand as a request carries it (the published contract shows this schema too). */
export const DEMAND_INPUT_SCHEMA = {
  type: 'object',
  required: ['tenantId', 'consumerCode', 'businessService', 'taxPeriodFrom', 'taxPeriodTo', 'demandDetails'],
  properties: {
    id: { type: ['string', 'null'] },
    tenantId: { type: 'string', minLength: 1 },
    consumerCode: { type: 'string', minLength: 1 },
    consumerType: { type: ['string', 'null'] },
    businessService: { type: 'string', minLength: 1 },
    payer: { type: ['object', 'null'] },
    taxPeriodFrom: { type: 'integer' },
    taxPeriodTo: { type: 'integer' },
    billExpiryTime: { type: ['integer', 'null'] },
    minimumAmountPayable: { type: ['number', 'string', 'null'] },
    status: { enum: ['ACTIVE', 'CANCELLED', null] },
    auditDetails: { type: ['object', 'null'], properties: { lastModifiedTime: { type: ['integer', 'null'] } } },
    demandDetails: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['taxHeadMasterCode', 'taxAmount'],
        properties: { id: { type: ['string', 'null'] }, taxHeadMasterCode: { type: 'string', minLength: 1 }, taxAmount: amount, collectionAmount: { type: ['number', 'string', 'null'] } },
      },
    },
  },
};
const validateShape = compilePayloadValidator(DEMAND_INPUT_SCHEMA);

type Raw = Record<string, any>;

/**
 * Reads and checks a demand against the billing masters: the business service exists, every tax
 * head belongs to it (once), credits are negative and charges positive, required heads are there,
 * the period is sound and inside a tax period of the service. Every problem is collected.
 */
export function readDemand(raw: Raw, path: string, masters: BillingMasters, details: ErrorDetail[]): DemandInput | undefined {
  const shape = validateShape(raw, path);
  if (shape.length > 0) {
    details.push(...shape);
    return undefined;
  }
  const problems: ErrorDetail[] = [];
  const at = (code: string, message: string, where: string) => problems.push({ code, message, path: where });
  const money = (value: unknown, where: string): Money | undefined => {
    try {
      return parseAmount(value, where);
    } catch (err) {
      at('INVALID_AMOUNT', (err as Error).message, where);
      return undefined;
    }
  };
  const service = masters.businessService(raw.tenantId, raw.businessService);
  if (!service) at('INVALID_BUSINESS_SERVICE', `${path}.businessService '${raw.businessService}' is not a BillingService.BusinessService at ${raw.tenantId}`, `${path}.businessService`);
  const heads = masters.taxHeads(raw.tenantId, raw.businessService);
  if (raw.taxPeriodFrom > raw.taxPeriodTo) at('INVALID_TAX_PERIOD', `${path}.taxPeriodFrom is after taxPeriodTo`, `${path}.taxPeriodFrom`);
  const periods = masters.taxPeriods(raw.tenantId, raw.businessService);
  if (service && periods.length > 0 && !periods.some((p) => raw.taxPeriodFrom >= p.fromDate && raw.taxPeriodTo <= p.toDate)) {
    at('INVALID_TAX_PERIOD', `${path}: the period ${new Date(raw.taxPeriodFrom).toISOString()} – ${new Date(raw.taxPeriodTo).toISOString()} is in no BillingService.TaxPeriod of ${raw.businessService}`, `${path}.taxPeriodFrom`);
  }
  const seen = new Set<string>();
  const demandDetails: DemandInput['demandDetails'] = [];
  (raw.demandDetails as Raw[]).forEach((d, j) => {
    const where = `${path}.demandDetails[${j}]`;
    const head = heads.get(d.taxHeadMasterCode);
    if (service && !head) at('INVALID_TAX_HEAD', `${where}.taxHeadMasterCode '${d.taxHeadMasterCode}' is not a tax head of ${raw.businessService} (heads: ${[...heads.keys()].join(', ') || 'none'})`, `${where}.taxHeadMasterCode`);
    if (seen.has(d.taxHeadMasterCode)) at('DUPLICATE_TAX_HEAD', `${where}.taxHeadMasterCode '${d.taxHeadMasterCode}' appears twice in the demand`, `${where}.taxHeadMasterCode`);
    seen.add(d.taxHeadMasterCode);
    const taxAmount = money(d.taxAmount, `${where}.taxAmount`);
    const collectionAmount = d.collectionAmount == null ? undefined : money(d.collectionAmount, `${where}.collectionAmount`);
    if (head && taxAmount) {
      if (head.isDebit && taxAmount.greaterThan(0)) at('INVALID_TAX_AMOUNT', `${where}.taxAmount must be zero or negative: ${head.code} is a credit`, `${where}.taxAmount`);
      // SYSTEM heads (a round-off, say) adjust a total either way.
      if (!head.isDebit && head.category !== 'SYSTEM' && taxAmount.lessThan(0)) at('INVALID_TAX_AMOUNT', `${where}.taxAmount must not be negative: ${head.code} is a charge`, `${where}.taxAmount`);
    }
    if (taxAmount && collectionAmount && !withinAmount(collectionAmount, taxAmount)) {
      at('INVALID_COLLECTION_AMOUNT', `${where}.collectionAmount ${collectionAmount.toFixed()} is beyond the tax amount ${taxAmount.toFixed()}`, `${where}.collectionAmount`);
    }
    if (taxAmount) demandDetails.push({ id: d.id ?? undefined, taxHeadMasterCode: d.taxHeadMasterCode, taxAmount, collectionAmount, additionalDetails: d.additionalDetails ?? null, path: where });
  });
  for (const head of heads.values()) {
    if (head.isRequired && !seen.has(head.code)) at('MISSING_REQUIRED_TAX_HEAD', `${path}.demandDetails must include tax head ${head.code}, which ${raw.businessService} requires`, `${path}.demandDetails`);
  }
  const minimum = raw.minimumAmountPayable == null ? (service?.minimumAmountPayable ?? ZERO) : money(raw.minimumAmountPayable, `${path}.minimumAmountPayable`);
  if (problems.length > 0 || !minimum) {
    details.push(...problems);
    return undefined;
  }
  return {
    id: raw.id ?? undefined,
    tenantId: raw.tenantId,
    consumerCode: raw.consumerCode,
    consumerType: raw.consumerType ?? raw.businessService,
    businessService: raw.businessService,
    payer: raw.payer ?? null,
    taxPeriodFrom: raw.taxPeriodFrom,
    taxPeriodTo: raw.taxPeriodTo,
    billExpiryTime: raw.billExpiryTime ?? null,
    minimumAmountPayable: minimum,
    status: raw.status ?? 'ACTIVE',
    additionalDetails: raw.additionalDetails ?? null,
    lastModifiedTime: raw.auditDetails?.lastModifiedTime ?? undefined,
    demandDetails,
    path,
  };
}

/** A collection lies between zero and the amount, on the amount's side (credits are negative). */
export function withinAmount(collected: Money, amount: Money): boolean {
  return amount.greaterThanOrEqualTo(0) ? collected.greaterThanOrEqualTo(0) && collected.lessThanOrEqualTo(amount) : collected.lessThanOrEqualTo(0) && collected.greaterThanOrEqualTo(amount);
}
