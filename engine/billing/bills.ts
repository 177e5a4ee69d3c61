import type { WriteLifecycle, WriteScope } from '../lifecycle/index.ts';
import type { DomainEvent } from '../events/index.ts';
import { BILLING_TOPICS } from './topics.ts';
import { randomUUID } from 'node:crypto';
import { invalid } from '../errors/index.ts';
import type { IdGenerator } from '../idgen/index.ts';
import { moneyToJson, sum, ZERO, type Money } from '../money/index.ts';
import { exactFilters, findRecord, inFilters, insertRecord, searchRecords, updateRecord } from '../persister/index.ts';
import { lockForTransaction, uniqueViolationOf, type Db } from '../store/index.ts';
import { billTable } from './bill-table.ts';
import { isSettled, outstandingOf, type Audit, type Demand } from './demand.ts';
import { activeDemandsOf } from './demands.ts';
import type { BillingMasters, BillingService } from './masters.ts';

export type BillStatus = 'ACTIVE' | 'EXPIRED' | 'PAID' | 'CANCELLED';

export interface BillAccountDetail {
  id: string;
  demandDetailId: string;
  taxHeadCode: string;
  order: number;
  /** Outstanding on the head when the bill was made. */
  amount: Money;
  /** Applied by payments against this bill. */
  adjustedAmount: Money;
}

export interface BillDetail {
  id: string;
  demandId: string;
  fromPeriod: number;
  toPeriod: number;
  /** Outstanding on the demand when the bill was made. */
  amount: Money;
  /** Collected on the demand before the bill. */
  amountPaid: Money;
  expiryDate: number;
  accounts: BillAccountDetail[];
}

export interface Bill {
  id: string;
  tenantId: string;
  billNumber: string;
  consumerCode: string;
  businessService: string;
  status: BillStatus;
  payer: { name?: string; mobileNumber?: string; uuid?: string; address?: string; emailId?: string } | null;
  totalAmount: Money;
  amountPaid: Money;
  minimumAmountPayable: Money;
  billDate: number;
  expiryDate: number;
  demandVersions: { id: string; version: number }[];
  billDetails: BillDetail[];
  auditDetails: Audit;
}

export interface BillTarget {
  tenantId: string;
  consumerCode: string;
  businessService: string;
}

/** The consumer's ACTIVE demands of a business service that are not settled, oldest period first. */
export async function openDemandsOf(db: Db, t: BillTarget, forUpdate: boolean): Promise<Demand[]> {
  const demands = await activeDemandsOf(db, t, forUpdate);
  return demands.filter((d) => !isSettled(d));
}

const versionsOf = (demands: Demand[]) => demands.map((d) => ({ id: d.id, version: d.version })).sort((a, b) => a.id.localeCompare(b.id));

/** True when the demands a bill was made from are no longer as they were (changed, paid, new ones). */
export function isStale(bill: Bill, demands: Demand[]): boolean {
  return JSON.stringify(versionsOf(demands)) !== JSON.stringify([...bill.demandVersions].sort((a, b) => a.id.localeCompare(b.id)));
}

export function activeBill(db: Db, t: BillTarget): Promise<Bill | undefined> {
  return findRecord(db, billTable, { tenantId: t.tenantId, consumerCode: t.consumerCode, businessService: t.businessService, status: 'ACTIVE' });
}

/** Writes a bill back as it is now (its status, what was paid on it). */
export async function saveBill(db: Db, bill: Bill): Promise<void> {
  await updateRecord(db, billTable, bill);
}

export async function setBillStatus(db: Db, bill: Bill, status: BillStatus, actor: string, now: number): Promise<void> {
  bill.status = status;
  bill.auditDetails = { ...bill.auditDetails, lastModifiedBy: actor, lastModifiedTime: now };
  await saveBill(db, bill);
}

export interface FetchBillDeps {
  masters: BillingMasters;
  idgen: IdGenerator;
  /** Making a bill is a write of kind `bill`: participants (a penalty before the bill, say) join it. */
  lifecycle: WriteLifecycle;
}

/** What a `bill` write carries: the consumer, and the bill once it is made (none when nothing is due). */
export interface BillWrite {
  target: BillTarget;
  bill?: Bill;
}

const DEFAULT_BILL_FORMAT = 'BILL-[fy:yyyy-yy]-[SEQ_SEVA_BILL_[TENANT_ID]]';

/**
 * DIGIT's fetch-bill: the consumer's one ACTIVE bill, made anew when there is none, it has
 * expired, or its demands have changed. Calls for one consumer are serialised (a transaction
 * lock), and the database holds at most one ACTIVE bill per consumer and service.
 */
export async function fetchBill(w: WriteScope, t: BillTarget, deps: FetchBillDeps, actor: string, now: number): Promise<Bill | undefined> {
  const trx = w.db;
  const service = deps.masters.businessService(t.tenantId, t.businessService);
  if (!service) throw invalid('INVALID_BUSINESS_SERVICE', `businessService '${t.businessService}' is not a BillingService.BusinessService at ${t.tenantId}`, '$.businessService');
  await lockForTransaction(trx, `seva.bill|${t.tenantId}|${t.businessService}|${t.consumerCode}`);
  const current = await activeBill(trx, t);
  if (current && current.expiryDate > now && !isStale(current, await openDemandsOf(trx, t, false))) return current;
  if (current) {
    await setBillStatus(trx, current, 'EXPIRED', actor, now);
    w.emit(billEvent(BILLING_TOPICS.billExpired, current, service));
  }
  const write = await deps.lifecycle.run<BillWrite>(
    { kind: 'bill', subject: t.businessService, operation: 'generate', record: { target: t }, path: '$', writer: { uuid: actor }, scope: w, answer: {}, request: {} },
    {
      write: async ({ record }) => {
        record.bill = await makeBill(trx, t, service, deps, actor, now);
      },
    },
  );
  if (write.record.bill) w.emit(billEvent(BILLING_TOPICS.billGenerated, write.record.bill, service));
  return write.record.bill;
}

/** A new bill from the consumer's open demands; none when nothing is open. */
async function makeBill(trx: Db, t: BillTarget, service: BillingService, deps: FetchBillDeps, actor: string, now: number): Promise<Bill | undefined> {
  const demands = await openDemandsOf(trx, t, false);
  if (demands.length === 0) return undefined;
  const bill = await buildBill(trx, t, demands, service, deps, actor, now);
  try {
    await insertRecord(trx, billTable, bill);
  } catch (err) {
    // The lock makes this unreachable in practice; the index is the guarantee.
    if (uniqueViolationOf(err) === 'seva_bill_active_consumer_ukey') throw invalid('BILL_IN_PROGRESS', `another bill for ${t.consumerCode} is being made; fetch it again`);
    throw err;
  }
  return bill;
}

async function buildBill(trx: Db, t: BillTarget, demands: Demand[], service: BillingService, deps: FetchBillDeps, actor: string, now: number): Promise<Bill> {
  const heads = deps.masters.taxHeads(t.tenantId, t.businessService);
  const id = randomUUID();
  const expiryDate = now + service.billExpiryMs;
  const [billNumber] = await deps.idgen.generate(trx, { tenantId: t.tenantId, idName: service.billIdFormat, format: DEFAULT_BILL_FORMAT });
  const latest = demands[demands.length - 1]!;
  const payer = (latest.payer ?? null) as Bill['payer'];
  const billDetails: BillDetail[] = demands.map((d) => ({
    id: randomUUID(),
    demandId: d.id,
    fromPeriod: d.taxPeriodFrom,
    toPeriod: d.taxPeriodTo,
    amount: outstandingOf(d),
    amountPaid: sum(d.demandDetails.map((x) => x.collectionAmount)),
    expiryDate: d.billExpiryTime ?? expiryDate,
    accounts: d.demandDetails.map((x) => ({
      id: randomUUID(),
      demandDetailId: x.id,
      taxHeadCode: x.taxHeadMasterCode,
      order: heads.get(x.taxHeadMasterCode)?.order ?? Number.MAX_SAFE_INTEGER,
      amount: x.taxAmount.minus(x.collectionAmount),
      adjustedAmount: ZERO,
    })),
  }));
  const minimum = demands.reduce((m, d) => (d.minimumAmountPayable.greaterThan(m) ? d.minimumAmountPayable : m), service.minimumAmountPayable ?? ZERO);
  return {
    id,
    tenantId: t.tenantId,
    billNumber: billNumber!,
    consumerCode: t.consumerCode,
    businessService: t.businessService,
    status: 'ACTIVE',
    payer,
    totalAmount: sum(billDetails.map((d) => d.amount)),
    amountPaid: ZERO,
    minimumAmountPayable: minimum,
    billDate: now,
    expiryDate,
    demandVersions: versionsOf(demands),
    billDetails,
    auditDetails: { createdBy: actor, createdTime: now, lastModifiedBy: actor, lastModifiedTime: now },
  };
}

function billEvent(topic: typeof BILLING_TOPICS.billGenerated | typeof BILLING_TOPICS.billExpired, b: Bill, service: BillingService | undefined): DomainEvent {
  return { topic, key: b.id, tenantId: b.tenantId, payload: { Bill: billJson(b, service) } };
}

/** DIGIT's Bill (v2) as clients read it. */
export function billJson(b: Bill, service: BillingService | undefined) {
  return {
    id: b.id,
    tenantId: b.tenantId,
    billNumber: b.billNumber,
    billDate: b.billDate,
    consumerCode: b.consumerCode,
    businessService: b.businessService,
    status: b.status,
    payerName: b.payer?.name ?? null,
    mobileNumber: b.payer?.mobileNumber ?? null,
    payerAddress: b.payer?.address ?? null,
    payerEmail: b.payer?.emailId ?? null,
    payerId: b.payer?.uuid ?? null,
    totalAmount: moneyToJson(b.totalAmount),
    amountPaid: moneyToJson(b.amountPaid),
    minimumAmountToBePaid: moneyToJson(b.minimumAmountPayable),
    partPaymentAllowed: service?.partPaymentAllowed ?? false,
    isAdvanceAllowed: service?.isAdvanceAllowed ?? false,
    collectionModesNotAllowed: service?.collectionModesNotAllowed ?? [],
    expiryDate: b.expiryDate,
    billDetails: b.billDetails.map((d) => ({
      id: d.id,
      tenantId: b.tenantId,
      billId: b.id,
      demandId: d.demandId,
      fromPeriod: d.fromPeriod,
      toPeriod: d.toPeriod,
      amount: moneyToJson(d.amount),
      amountPaid: moneyToJson(d.amountPaid),
      expiryDate: d.expiryDate,
      billAccountDetails: d.accounts.map((a) => ({
        id: a.id,
        tenantId: b.tenantId,
        billDetailId: d.id,
        demandDetailId: a.demandDetailId,
        order: a.order,
        amount: moneyToJson(a.amount),
        adjustedAmount: moneyToJson(a.adjustedAmount),
        taxHeadCode: a.taxHeadCode,
      })),
    })),
    auditDetails: b.auditDetails,
  };
}

export interface BillCriteria {
  tenantId: string;
  billIds?: string[];
  consumerCodes?: string[];
  billNumbers?: string[];
  businessService?: string;
  status?: string[];
  offset: number;
  limit: number;
}

export function searchBills(db: Db, c: BillCriteria): Promise<Bill[]> {
  return searchRecords(db, billTable, {
    tenant: { id: c.tenantId, scope: 'within' },
    filters: [...inFilters({ id: c.billIds, consumerCode: c.consumerCodes, billNumber: c.billNumbers, status: c.status }), ...exactFilters({ businessService: c.businessService })],
    sort: [['billDate', 'desc'], ['id', 'asc']],
    page: c,
  });
}

export function findBill(db: Db, id: string, forUpdate: boolean): Promise<Bill | undefined> {
  return findRecord(db, billTable, { id }, forUpdate);
}
