import { randomUUID } from 'node:crypto';
import { moneyToJson, sum, type Money } from '../money/index.ts';

export type DemandStatus = 'ACTIVE' | 'CANCELLED';

export interface Audit {
  createdBy: string;
  createdTime: number;
  lastModifiedBy: string;
  lastModifiedTime: number;
}

export interface DemandDetail {
  id: string;
  demandId: string;
  tenantId: string;
  taxHeadMasterCode: string;
  taxAmount: Money;
  collectionAmount: Money;
  additionalDetails: unknown;
  auditDetails: Audit;
}

/** What a demand says of itself, whether as sent in a request or as stored. */
export interface DemandFields {
  tenantId: string;
  consumerCode: string;
  consumerType: string;
  businessService: string;
  payer: unknown;
  taxPeriodFrom: number;
  taxPeriodTo: number;
  billExpiryTime: number | null;
  minimumAmountPayable: Money;
  status: DemandStatus;
  additionalDetails: unknown;
}

export interface Demand extends DemandFields {
  id: string;
  isPaymentCompleted: boolean;
  version: number;
  demandDetails: DemandDetail[];
  auditDetails: Audit;
}

/** What is still owed on a demand (credits count against it). */
export function outstandingOf(d: Pick<Demand, 'demandDetails'>): Money {
  return sum(d.demandDetails.map((x) => x.taxAmount.minus(x.collectionAmount)));
}

export function isSettled(d: Pick<Demand, 'demandDetails'>): boolean {
  return d.demandDetails.every((x) => x.taxAmount.equals(x.collectionAmount));
}

/** A version of a demand as its history keeps it: the demand as clients read it then, and who changed it, when and why. */
export interface DemandVersion {
  id: string;
  demandId: string;
  tenantId: string;
  version: number;
  reason: string;
  snapshot: ReturnType<typeof demandJson>;
  changedBy: string;
  changedTime: number;
}

export function versionOf(d: Demand, reason: string): DemandVersion {
  return {
    id: randomUUID(),
    demandId: d.id,
    tenantId: d.tenantId,
    version: d.version,
    reason,
    snapshot: demandJson(d),
    changedBy: d.auditDetails.lastModifiedBy,
    changedTime: d.auditDetails.lastModifiedTime,
  };
}

/** A demand as DIGIT clients read it: amounts as numbers. */
export function demandJson(d: Demand) {
  return {
    id: d.id,
    tenantId: d.tenantId,
    consumerCode: d.consumerCode,
    consumerType: d.consumerType,
    businessService: d.businessService,
    payer: d.payer,
    taxPeriodFrom: d.taxPeriodFrom,
    taxPeriodTo: d.taxPeriodTo,
    billExpiryTime: d.billExpiryTime,
    minimumAmountPayable: moneyToJson(d.minimumAmountPayable),
    status: d.status,
    isPaymentCompleted: d.isPaymentCompleted,
    additionalDetails: d.additionalDetails,
    demandDetails: d.demandDetails.map((x) => ({
      id: x.id,
      demandId: x.demandId,
      tenantId: x.tenantId,
      taxHeadMasterCode: x.taxHeadMasterCode,
      taxAmount: moneyToJson(x.taxAmount),
      collectionAmount: moneyToJson(x.collectionAmount),
      additionalDetails: x.additionalDetails,
      auditDetails: x.auditDetails,
    })),
    auditDetails: d.auditDetails,
  };
}
