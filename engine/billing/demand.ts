import { moneyFromColumn, moneyToColumn, moneyToJson, sum, type Money } from '../money/index.ts';

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

type Row = Record<string, any>;
const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
const audit = (r: Row): Audit => ({ createdBy: r.created_by, createdTime: Number(r.created_time), lastModifiedBy: r.last_modified_by, lastModifiedTime: Number(r.last_modified_time) });

export function demandFromRows(r: Row, details: Row[]): Demand {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    consumerCode: r.consumer_code,
    consumerType: r.consumer_type,
    businessService: r.business_service,
    payer: json(r.payer) ?? null,
    taxPeriodFrom: Number(r.tax_period_from),
    taxPeriodTo: Number(r.tax_period_to),
    billExpiryTime: r.bill_expiry_time === null ? null : Number(r.bill_expiry_time),
    minimumAmountPayable: moneyFromColumn(r.minimum_amount_payable),
    status: r.status,
    isPaymentCompleted: Boolean(r.is_payment_completed),
    additionalDetails: json(r.additional_details) ?? null,
    version: Number(r.version),
    demandDetails: details
      .sort((a, b) => Number(a.seq) - Number(b.seq))
      .map((x) => ({
        id: x.id,
        demandId: x.demand_id,
        tenantId: x.tenant_id,
        taxHeadMasterCode: x.tax_head_code,
        taxAmount: moneyFromColumn(x.tax_amount),
        collectionAmount: moneyFromColumn(x.collection_amount),
        additionalDetails: json(x.additional_details) ?? null,
        auditDetails: audit(x),
      })),
    auditDetails: audit(r),
  };
}

const auditColumns = (a: Audit) => ({ created_by: a.createdBy, created_time: a.createdTime, last_modified_by: a.lastModifiedBy, last_modified_time: a.lastModifiedTime });

export function demandRow(d: Demand): Row {
  return {
    id: d.id,
    tenant_id: d.tenantId,
    consumer_code: d.consumerCode,
    consumer_type: d.consumerType,
    business_service: d.businessService,
    payer: d.payer == null ? null : JSON.stringify(d.payer),
    tax_period_from: d.taxPeriodFrom,
    tax_period_to: d.taxPeriodTo,
    bill_expiry_time: d.billExpiryTime,
    minimum_amount_payable: moneyToColumn(d.minimumAmountPayable),
    status: d.status,
    is_payment_completed: d.isPaymentCompleted,
    additional_details: d.additionalDetails == null ? null : JSON.stringify(d.additionalDetails),
    version: d.version,
    ...auditColumns(d.auditDetails),
  };
}

/** A head's row; it repeats what reports select heads by (the demand's consumer, service, period, status). */
export function detailRow(d: Demand, x: DemandDetail, seq: number): Row {
  return {
    id: x.id,
    demand_id: x.demandId,
    tenant_id: x.tenantId,
    consumer_code: d.consumerCode,
    business_service: d.businessService,
    tax_period_from: d.taxPeriodFrom,
    tax_period_to: d.taxPeriodTo,
    demand_status: d.status,
    tax_head_code: x.taxHeadMasterCode,
    tax_amount: moneyToColumn(x.taxAmount),
    collection_amount: moneyToColumn(x.collectionAmount),
    additional_details: x.additionalDetails == null ? null : JSON.stringify(x.additionalDetails),
    seq,
    ...auditColumns(x.auditDetails),
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
