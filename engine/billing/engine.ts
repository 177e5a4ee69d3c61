import type { Clock } from '../clock/index.ts';
import type { GatewayDefinition } from '../definitions/index.ts';
import type { IdGenerator } from '../idgen/index.ts';
import type { Mdms } from '../mdms/index.ts';
import type { WriteLifecycle, WriteScope } from '../lifecycle/index.ts';
import type { Db } from '../store/index.ts';
import { listCriterion as list } from '../validation/index.ts';
import { invalid } from '../errors/index.ts';
import { fetchBill, searchBills, type Bill, type BillTarget, type FetchBillDeps } from './bills.ts';
import type { Demand } from './demand.ts';
import { applyAdvance } from './advance.ts';
import { prepareDemands, writeDemands, type BulkDemandOutcome, type PreparedDemands } from './bulk.ts';
import { cancelUnpaidDemands, createDemands, demandHistory, loadDemands, readDemandCriteria, searchDemands, updateDemands } from './demands.ts';
import { cancelPayment, createPayment, searchPayments, type Payment } from './payments.ts';
import { createTransaction, handleCallback, redirectUrlFor, searchTransactions, transactionJson, type GatewayTransaction, type TransactionDeps } from './transactions.ts';
import { BillingMasters } from './masters.ts';
import { cancelConsumerPayments, settleInFull, type Settlement } from './settle.ts';
import { fillRepeatedColumns } from './repeated.ts';

export interface BillingDeps {
  db: Db;
  clock: Clock;
  mdms: () => Mdms;
  idgen: IdGenerator;
  gateways: GatewayDefinition[];
  /** Every billing write runs in it; its facts (demand, bill, payment events) go to the outbox with it. */
  lifecycle: WriteLifecycle;
}

/**
 * Demands, bills and payments as one engine capability, configured by the BillingService masters.
 * Every write runs in one transaction of the write lifecycle: the caller's (`scope`), when a
 * service writes a demand with its entity, or one of its own.
 */
export class BillingEngine {
  readonly masters: BillingMasters;

  constructor(private readonly deps: BillingDeps) {
    this.masters = new BillingMasters(deps.mdms);
  }

  private get billDeps(): FetchBillDeps {
    return { masters: this.masters, idgen: this.deps.idgen, lifecycle: this.deps.lifecycle };
  }

  /** One billing write: in `scope` when given, else in a transaction of its own. */
  private write<T>(scope: WriteScope | undefined, work: (w: WriteScope) => Promise<T>): Promise<T> {
    return this.deps.lifecycle.within(scope, work);
  }

  /**
   * Creates demands inside `scope` (a service's own write) or in a new transaction. A consumer's
   * advance is applied to the new charges in the same transaction.
   */
  createDemands(raws: unknown, actor: string, scope?: WriteScope): Promise<Demand[]> {
    return this.write(scope, async (w) => {
      const created = await createDemands(w, raws, this.masters, actor, w.now);
      const consumers = new Map(created.filter((d) => d.status === 'ACTIVE').map((d) => [`${d.tenantId}|${d.businessService}|${d.consumerCode}`, d]));
      for (const d of consumers.values()) await applyAdvance(w, { tenantId: d.tenantId, consumerCode: d.consumerCode, businessService: d.businessService }, this.masters, actor, w.now);
      return consumers.size > 0 ? loadDemands(w.db, created.map((d) => d.id)) : created;
    });
  }

  /**
   * Many demands at once (a bulk run), in two steps so the first can overlap other database work:
   * check them and make their rows, then write them inside `trx`. Duplicates are skipped and
   * refusals reported, not thrown.
   */
  prepareDemands(raws: Record<string, unknown>[], actor: string): PreparedDemands {
    return prepareDemands(raws, this.masters, actor, this.deps.clock.now());
  }

  writeDemands(prepared: PreparedDemands, scope: WriteScope): Promise<BulkDemandOutcome> {
    return writeDemands(scope, prepared, this.masters);
  }

  updateDemands(raws: unknown, actor: string, scope?: WriteScope): Promise<Demand[]> {
    return this.write(scope, (w) => updateDemands(w, raws, this.masters, actor, w.now));
  }

  /** Cancels a consumer's demands that are not fully paid (a consumer closed, say), inside the write. */
  cancelUnpaidDemands(target: { tenantId: string; businessService: string; consumerCode: string }, actor: string, scope: WriteScope): Promise<Demand[]> {
    return cancelUnpaidDemands(scope, target, actor, scope.now);
  }

  /** `trx`: search inside a transaction (a recompute step, a service's own write). */
  searchDemands(raw: Record<string, unknown>, trx?: Db): Promise<Demand[]> {
    return searchDemands(trx ?? this.deps.db, readDemandCriteria(raw));
  }

  demandHistory(tenantId: string, demandId: string) {
    return demandHistory(this.deps.db, tenantId, demandId);
  }

  /** The consumers' current bills (one per consumer code), made or remade as needed. */
  async fetchBills(tenantId: string, consumerCodes: string[], businessService: string, actor: string): Promise<Bill[]> {
    const bills: Bill[] = [];
    for (const consumerCode of consumerCodes) {
      const target: BillTarget = { tenantId, consumerCode, businessService };
      const bill = await this.write(undefined, (w) => fetchBill(w, target, this.billDeps, actor, w.now));
      if (bill) bills.push(bill);
    }
    return bills;
  }

  /** Records a payment against bills; everything it changes commits together. */
  createPayment(raw: unknown, actor: string, scope?: WriteScope): Promise<Payment> {
    return this.write(scope, (w) => createPayment(w, raw, this.billDeps, actor, w.now));
  }

  /** Repeats demand and payment fields on older heads and receipts that lack them (start-up). */
  fillRepeatedColumns(): Promise<{ heads: number; receipts: number }> {
    return fillRepeatedColumns(this.deps.db);
  }

  /** Pays the consumer's whole bill inside the write: one ordinary payment, with its receipt. */
  settleInFull(target: BillTarget, how: Settlement, actor: string, scope: WriteScope): Promise<Payment> {
    return settleInFull(scope, target, how, this.billDeps, actor, scope.now);
  }

  /** Cancels the consumer's payments that are not cancelled yet, inside the write. */
  cancelConsumerPayments(target: BillTarget, reason: string | null, actor: string, scope: WriteScope): Promise<Payment[]> {
    return cancelConsumerPayments(scope, target, reason, actor, scope.now);
  }

  cancelPayment(tenantId: string, paymentId: string, reason: string | null, actor: string, scope?: WriteScope): Promise<Payment> {
    return this.write(scope, (w) => cancelPayment(w, tenantId, paymentId, reason, actor, w.now));
  }

  searchPayments(raw: Record<string, unknown>): Promise<Payment[]> {
    const tenantId = requireTenantId(raw);
    const int = (v: unknown) => (v === undefined || v === '' || v === null ? undefined : Number(v));
    return searchPayments(this.deps.db, {
      tenantId,
      ids: list(raw.ids ?? raw.id),
      receiptNumbers: list(raw.receiptNumbers ?? raw.receiptNumber),
      consumerCodes: list(raw.consumerCodes ?? raw.consumerCode),
      billIds: list(raw.billIds ?? raw.billId),
      businessServices: list(raw.businessServices ?? raw.businessService),
      status: list(raw.paymentStatus ?? raw.status),
      mobileNumber: typeof raw.mobileNumber === 'string' && raw.mobileNumber !== '' ? raw.mobileNumber : undefined,
      fromDate: int(raw.fromDate),
      toDate: int(raw.toDate),
      offset: Math.max(0, Number(raw.offset ?? 0) || 0),
      limit: Math.min(Math.max(1, Number(raw.limit ?? 100) || 100), 1000),
    });
  }

  private get transactionDeps(): TransactionDeps {
    return { gateways: this.deps.gateways, ...this.billDeps };
  }

  /** Starts an online payment; the answer carries the gateway URL to send the payer to. */
  createTransaction(raw: unknown, actor: string): Promise<GatewayTransaction> {
    return this.write(undefined, (w) => createTransaction(w.db, raw, this.transactionDeps, actor, w.now));
  }

  /** The gateway's callback (signed): settles the transaction and makes its payment, once. */
  transactionCallback(params: Record<string, string>, actor: string): Promise<GatewayTransaction> {
    return this.write(undefined, (w) => handleCallback(w, params, this.transactionDeps, actor, w.now));
  }

  searchTransactions(raw: Record<string, unknown>): Promise<GatewayTransaction[]> {
    return searchTransactions(this.deps.db, {
      tenantId: requireTenantId(raw),
      txnIds: list(raw.txnId ?? raw.txnIds),
      consumerCodes: list(raw.consumerCode),
      billIds: list(raw.billId),
      status: list(raw.txnStatus ?? raw.status),
      offset: Math.max(0, Number(raw.offset ?? 0) || 0),
      limit: Math.min(Math.max(1, Number(raw.limit ?? 100) || 100), 1000),
    });
  }

  transactionJson(t: GatewayTransaction) {
    return transactionJson(t, t.status === 'PENDING' ? redirectUrlFor(t, this.transactionDeps) : null);
  }

  searchBills(raw: Record<string, unknown>): Promise<Bill[]> {
    requireTenantId(raw);
    return searchBills(this.deps.db, {
      tenantId: String(raw.tenantId),
      billIds: list(raw.billId ?? raw.billIds),
      consumerCodes: list(raw.consumerCode),
      businessService: typeof raw.businessService === 'string' && raw.businessService !== '' ? raw.businessService : undefined,
      status: list(raw.status),
      offset: Math.max(0, Number(raw.offset ?? 0) || 0),
      limit: Math.min(Math.max(1, Number(raw.limit ?? 100) || 100), 1000),
    });
  }
}

function requireTenantId(raw: Record<string, unknown>): string {
  if (typeof raw.tenantId !== 'string' || raw.tenantId === '') throw invalid('INVALID_TENANT_ID', 'tenantId is required', '$.tenantId');
  return raw.tenantId;
}
