import type { Clock } from '../clock/index.ts';
import type { GatewayDefinition } from '../definitions/index.ts';
import type { IdGenerator } from '../idgen/index.ts';
import type { Mdms } from '../mdms/index.ts';
import type { WriteLifecycle, WriteScope } from '../lifecycle/index.ts';
import type { Db } from '../store/index.ts';
import { listCriterion as list, pageCriteria } from '../validation/index.ts';
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

  /** One billing transaction: `scope` when given, else one of its own. */
  private write<T>(scope: WriteScope | undefined, work: (w: WriteScope) => Promise<T>): Promise<T> {
    return this.deps.lifecycle.within(scope, work);
  }

  /**
   * A demand or payment write of the lifecycle, in `scope` or a transaction of its own: the
   * billing work is its `write` step, and participants of its kind join the other phases.
   */
  private recorded<T>(scope: WriteScope | undefined, what: { kind: 'demand' | 'payment'; operation: string; subject: string; asked: unknown; actor: string }, work: (w: WriteScope) => Promise<T>): Promise<T> {
    return this.write(scope, async (w) => {
      const write = await this.deps.lifecycle.run<BillingWrite<T>>(
        { kind: what.kind, subject: what.subject, operation: what.operation, record: { asked: what.asked }, path: '$', writer: { uuid: what.actor }, scope: w, answer: {}, request: {} },
        {
          write: async ({ record }) => {
            record.result = await work(w);
          },
        },
      );
      return write.record.result as T;
    });
  }

  /**
   * Creates demands inside `scope` (a service's own write) or in a new transaction. A consumer's
   * advance is applied to the new charges in the same transaction.
   */
  createDemands(raws: unknown, actor: string, scope?: WriteScope): Promise<Demand[]> {
    return this.recorded(scope, { kind: 'demand', operation: 'create', subject: businessServiceOf(raws), asked: raws, actor }, async (w) => {
      const created = await createDemands(w, raws, this.masters, actor, w.now);
      const consumers = new Map(created.filter((d) => d.status === 'ACTIVE').map((d) => [`${d.tenantId}|${d.businessService}|${d.consumerCode}`, d]));
      for (const d of consumers.values()) await applyAdvance(w, { tenantId: d.tenantId, consumerCode: d.consumerCode, businessService: d.businessService }, this.masters, actor, w.now);
      return consumers.size > 0 ? loadDemands(w.db, created.map((d) => d.id)) : created;
    });
  }

  /**
   * Many demands at once (a bulk run), in two steps so the first can overlap other database work:
   * check them and make their rows, then write them inside the write's transaction. Duplicates are skipped and
   * refusals reported, not thrown.
   */
  prepareDemands(raws: Record<string, unknown>[], actor: string): PreparedDemands {
    return prepareDemands(raws, this.masters, actor, this.deps.clock.now());
  }

  writeDemands(prepared: PreparedDemands, scope: WriteScope): Promise<BulkDemandOutcome> {
    const subject = prepared.candidates[0]?.demand.businessService ?? '';
    return this.recorded(scope, { kind: 'demand', operation: 'create', subject, asked: prepared, actor: prepared.actor }, (w) => writeDemands(w, prepared, this.masters));
  }

  updateDemands(raws: unknown, actor: string, scope?: WriteScope): Promise<Demand[]> {
    return this.recorded(scope, { kind: 'demand', operation: 'update', subject: businessServiceOf(raws), asked: raws, actor }, (w) => updateDemands(w, raws, this.masters, actor, w.now));
  }

  /** Cancels a consumer's demands that are not fully paid (a consumer closed, say), inside the write. */
  cancelUnpaidDemands(target: { tenantId: string; businessService: string; consumerCode: string }, actor: string, scope: WriteScope): Promise<Demand[]> {
    return this.recorded(scope, { kind: 'demand', operation: 'cancel', subject: target.businessService, asked: target, actor }, (w) => cancelUnpaidDemands(w, target, actor, w.now));
  }

  /** `trx`: search inside a transaction (a participant of a bill write, a service's own write). */
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
    const subject = businessServiceOf((raw as { paymentDetails?: unknown } | undefined)?.paymentDetails);
    return this.recorded(scope, { kind: 'payment', operation: 'create', subject, asked: raw, actor }, (w) => createPayment(w, raw, this.billDeps, actor, w.now));
  }

  /** Repeats demand and payment fields on older heads and receipts that lack them (start-up). */
  fillRepeatedColumns(): Promise<{ heads: number; receipts: number }> {
    return fillRepeatedColumns(this.deps.db);
  }

  /** Pays the consumer's whole bill inside the write: one ordinary payment, with its receipt. */
  settleInFull(target: BillTarget, how: Settlement, actor: string, scope: WriteScope): Promise<Payment> {
    return this.recorded(scope, { kind: 'payment', operation: 'create', subject: target.businessService, asked: { target, how }, actor }, (w) => settleInFull(w, target, how, this.billDeps, actor, w.now));
  }

  /** Cancels the consumer's payments that are not cancelled yet, inside the write. */
  cancelConsumerPayments(target: BillTarget, reason: string | null, actor: string, scope: WriteScope): Promise<Payment[]> {
    return this.recorded(scope, { kind: 'payment', operation: 'cancel', subject: target.businessService, asked: { target, reason }, actor }, (w) => cancelConsumerPayments(w, target, reason, actor, w.now));
  }

  cancelPayment(tenantId: string, paymentId: string, reason: string | null, actor: string, scope?: WriteScope): Promise<Payment> {
    return this.recorded(scope, { kind: 'payment', operation: 'cancel', subject: '', asked: { tenantId, paymentId, reason }, actor }, (w) => cancelPayment(w, tenantId, paymentId, reason, actor, w.now));
  }

  /** Payments by DIGIT's criteria; `db` is a write's transaction when the search is part of one. */
  searchPayments(raw: Record<string, unknown>, db: Db = this.deps.db): Promise<Payment[]> {
    const tenantId = requireTenantId(raw);
    const int = (v: unknown) => (v === undefined || v === '' || v === null ? undefined : Number(v));
    return searchPayments(db, {
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
      ...pageCriteria(raw, SEARCH_PAGE),
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
      ...pageCriteria(raw, SEARCH_PAGE),
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
      billNumbers: list(raw.billNumber ?? raw.billNumbers),
      // DIGIT's bill search calls the business service `service`.
      businessService: [raw.businessService, raw.service].find((v): v is string => typeof v === 'string' && v !== ''),
      status: list(raw.status),
      ...pageCriteria(raw, SEARCH_PAGE),
    });
  }
}

/** Bills, payments and transactions are searched 100 at a time, 1000 at most. */
const SEARCH_PAGE = { defaultLimit: 100, maxLimit: 1000 };

/** What a `demand` or `payment` write carries: what was asked, and what the write made of it. */
export interface BillingWrite<T = unknown> {
  asked: unknown;
  result?: T;
}

/** The business service a list of demands or payment details names first (the write's subject). */
function businessServiceOf(list: unknown): string {
  const first = Array.isArray(list) ? (list[0] as { businessService?: unknown } | undefined) : undefined;
  return typeof first?.businessService === 'string' ? first.businessService : '';
}

function requireTenantId(raw: Record<string, unknown>): string {
  if (typeof raw.tenantId !== 'string' || raw.tenantId === '') throw invalid('INVALID_TENANT_ID', 'tenantId is required', '$.tenantId');
  return raw.tenantId;
}
