import type { WriteScope } from '../lifecycle/index.ts';
import type { DomainEvent } from '../events/index.ts';
import { BILLING_TOPICS } from './topics.ts';
import { randomUUID } from 'node:crypto';
import { conflict, invalid, invalidFields, notFound, type ErrorDetail } from '../errors/index.ts';
import type { IdGenerator } from '../idgen/index.ts';
import { Money, moneyToColumn, moneyToJson, parseAmount, sum } from '../money/index.ts';
import { exactFilters, findRecord, inFilters, insertRecord, searchRecords, updateRecord } from '../persister/index.ts';
import type { Db } from '../store/index.ts';
import { isMaskOf } from '../masking/index.ts';
import { compilePayloadValidator, withoutNulls } from '../validation/index.ts';
import { apportion, type Collection } from './apportion.ts';
import { billJson, findBill, saveBill, isStale, openDemandsOf, type Bill } from './bills.ts';
import { applyCollections, reverseCollections, type AdvancePosting } from './collect.ts';
import { outstandingOf } from './demand.ts';
import { loadDemands } from './demands.ts';
import type { BillingMasters } from './masters.ts';
import { paymentTable } from './payment-table.ts';

export const PAYMENT_MODES = ['CASH', 'CHEQUE', 'DD', 'OFFLINE_NEFT', 'OFFLINE_RTGS', 'POSTAL_ORDER', 'ONLINE', 'CARD'] as const;
const DEFAULT_RECEIPT_FORMAT = 'RCPT-[fy:yyyy-yy]-[SEQ_SEVA_RECEIPT_[TENANT_ID]]';


/** One paid bill of a payment, as stored. */
export interface StoredDetail {
  id: string;
  businessService: string;
  billId: string;
  consumerCode: string;
  receiptNumber: string;
  receiptDate: number;
  totalDue: string;
  totalAmountPaid: string;
  manualReceiptNumber: string | null;
  additionalDetails: unknown;
  bill: ReturnType<typeof billJson>;
  collections: { demandId: string; demandDetailId: string; taxHeadCode: string; amount: string }[];
  advance: { demandId: string; demandDetailId: string; amount: string } | null;
}

export interface Payment {
  id: string;
  tenantId: string;
  totalDue: Money;
  totalAmountPaid: Money;
  paymentMode: string;
  paymentStatus: 'NEW' | 'CANCELLED';
  transactionNumber: string | null;
  transactionDate: number;
  instrument: { instrumentNumber?: string; instrumentDate?: number; ifscCode?: string; instrumentStatus: string } | null;
  payer: { paidBy?: string; payerName?: string; mobileNumber?: string; payerAddress?: string; payerEmail?: string; payerId?: string };
  additionalDetails: unknown;
  details: StoredDetail[];
  cancellation: { reason: string | null; by: string; time: number } | null;
  auditDetails: { createdBy: string; createdTime: number; lastModifiedBy: string; lastModifiedTime: number };
}

const setByServer = { description: 'set by the server; a value sent is ignored' };
/**
 * A payment as DIGIT's collection service takes it, null meaning not given. Every key is declared:
 * what the server keeps, and what it sets itself (ids, statuses, receipts, dues: a value sent
 * there is ignored, as DIGIT does). Any other key is refused rather than dropped.
 * The published contract shows this schema too.
 */
export const PAYMENT_INPUT_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['tenantId', 'paymentMode', 'totalAmountPaid', 'paymentDetails'],
  properties: {
    tenantId: { type: 'string', minLength: 1 },
    paymentMode: { enum: [...PAYMENT_MODES], 'x-error-code': 'INVALID_PAYMENT_MODE', 'x-error-message': `must be one of ${PAYMENT_MODES.join(', ')}` },
    totalAmountPaid: { type: ['number', 'string'] },
    paidBy: { type: 'string' },
    payerName: { type: 'string' },
    // Starred: the bill's own, echoed as an anonymous look-up showed it (restoreMaskedPayer).
    mobileNumber: { type: 'string', pattern: '^[0-9*]{10}$', 'x-error-code': 'INVALID_MOBILE_NUMBER', 'x-error-message': "must be a 10-digit mobile number (or the bill's, as shown masked)" },
    payerAddress: { type: 'string' },
    payerEmail: { type: 'string' },
    payerId: { type: 'string' },
    transactionNumber: { type: 'string' },
    transactionDate: { type: 'integer' },
    instrumentNumber: { type: 'string' },
    instrumentDate: { type: 'integer' },
    ifscCode: { type: 'string' },
    additionalDetails: { type: 'object' },
    id: setByServer,
    totalDue: { type: ['number', 'string'], ...setByServer },
    paymentStatus: setByServer,
    instrumentStatus: setByServer,
    fileStoreId: setByServer,
    auditDetails: setByServer,
    paymentDetails: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['businessService', 'billId', 'totalAmountPaid'],
        properties: {
          businessService: { type: 'string', minLength: 1 },
          billId: { type: 'string', minLength: 1 },
          totalAmountPaid: { type: ['number', 'string'] },
          manualReceiptNumber: { type: 'string' },
          additionalDetails: { type: 'object' },
          id: setByServer,
          tenantId: setByServer,
          totalDue: { type: ['number', 'string'], ...setByServer },
          receiptNumber: setByServer,
          receiptDate: setByServer,
          receiptType: setByServer,
          bill: setByServer,
          auditDetails: setByServer,
        },
      },
    },
  },
};
const validateShape = compilePayloadValidator(PAYMENT_INPUT_SCHEMA);

type Raw = Record<string, any>;

export interface PaymentDeps {
  masters: BillingMasters;
  idgen: IdGenerator;
}

/**
 * DIGIT's payment: for each bill, the amount is checked against the business service's rules
 * (mode, part payment, advance, minimum), apportioned over the demands, given a receipt number,
 * and the bill is marked paid; the payment and its event are written in the same transaction.
 * The bill row is locked, so payments racing for one bill are taken one at a time and the later
 * ones find it paid (409 STALE_BILL).
 */
export async function createPayment(w: WriteScope, raw: unknown, deps: PaymentDeps, actor: string, now: number): Promise<Payment> {
  const trx = w.db;
  const path = '$.Payment';
  if (!raw || typeof raw !== 'object') throw invalid('INVALID_REQUEST', 'the request must carry a Payment object', path);
  const p = withoutNulls(raw) as Raw;
  const shape = validateShape(p, path);
  if (shape.length > 0) throw invalidFields(shape);
  const problems: ErrorDetail[] = [];
  const amountAt = (value: unknown, where: string) => {
    try {
      return parseAmount(value, where);
    } catch (err) {
      problems.push({ code: 'INVALID_AMOUNT', message: (err as Error).message, path: where });
      return undefined;
    }
  };
  const total = amountAt(p.totalAmountPaid, `${path}.totalAmountPaid`);
  const amounts = (p.paymentDetails as Raw[]).map((d, i) => amountAt(d.totalAmountPaid, `${path}.paymentDetails[${i}].totalAmountPaid`));
  if (problems.length > 0) throw invalidFields(problems);
  amounts.forEach((a, i) => {
    if (!a!.greaterThan(0)) problems.push({ code: 'INVALID_AMOUNT', message: `${path}.paymentDetails[${i}].totalAmountPaid must be more than zero`, path: `${path}.paymentDetails[${i}].totalAmountPaid` });
  });
  if (!sum(amounts as Money[]).equals(total!)) problems.push({ code: 'INVALID_TOTAL_AMOUNT', message: `${path}.totalAmountPaid ${total!.toFixed()} is not the sum of the paymentDetails (${sum(amounts as Money[]).toFixed()})`, path: `${path}.totalAmountPaid` });
  if (new Set((p.paymentDetails as Raw[]).map((d) => d.billId)).size !== p.paymentDetails.length) problems.push({ code: 'DUPLICATE_BILL', message: 'a bill may appear once in a payment', path: `${path}.paymentDetails` });
  if (problems.length > 0) throw invalidFields(problems);

  const id = randomUUID();
  const details: StoredDetail[] = [];
  const bills: Bill[] = [];
  let totalDue = new Money(0);
  // Lock bills in one order so two payments over the same bills cannot deadlock.
  const order = (p.paymentDetails as Raw[]).map((d, i) => ({ d, i })).sort((a, b) => String(a.d.billId).localeCompare(String(b.d.billId)));
  for (const { d, i } of order) {
    const where = `${path}.paymentDetails[${i}]`;
    const amount = amounts[i]!;
    const bill = await findBill(trx, d.billId, true);
    if (!bill || bill.tenantId !== p.tenantId) throw notFound('BILL_NOT_FOUND', `no bill ${d.billId} at ${p.tenantId} (${where}.billId)`);
    bills.push(bill);
    if (bill.businessService !== d.businessService) throw invalid('INVALID_BUSINESS_SERVICE', `bill ${bill.billNumber} is for ${bill.businessService}, not ${d.businessService}`, `${where}.businessService`);
    const stale = (why: string) => conflict('STALE_BILL', `bill ${bill.billNumber} ${why}: fetch the bill again and pay against the new one`, `${where}.billId`);
    if (bill.status !== 'ACTIVE') throw stale(`is ${bill.status}`);
    if (bill.expiryDate <= now) throw stale('has expired');
    const target = { tenantId: bill.tenantId, consumerCode: bill.consumerCode, businessService: bill.businessService };
    const demands = await openDemandsOf(trx, target, true);
    if (isStale(bill, demands)) throw stale('no longer matches the dues');
    const service = deps.masters.businessService(bill.tenantId, bill.businessService)!;
    if (service.collectionModesNotAllowed.includes(p.paymentMode)) {
      throw invalid('PAYMENT_MODE_NOT_ALLOWED', `${bill.businessService} does not accept ${p.paymentMode} (not allowed: ${service.collectionModesNotAllowed.join(', ')})`, `${path}.paymentMode`);
    }
    const due = sum(demands.map(outstandingOf));
    totalDue = totalDue.plus(due);
    if (amount.lessThan(due)) {
      if (!service.partPaymentAllowed) throw invalid('PART_PAYMENT_NOT_ALLOWED', `${bill.businessService} takes only the full amount due, ${due.toFixed(2)}; ${amount.toFixed(2)} was offered`, `${where}.totalAmountPaid`);
      if (amount.lessThan(bill.minimumAmountPayable)) throw invalid('BELOW_MINIMUM_AMOUNT', `at least ${bill.minimumAmountPayable.toFixed(2)} must be paid on bill ${bill.billNumber}`, `${where}.totalAmountPaid`);
    }
    if (amount.greaterThan(due.greaterThan(0) ? due : 0) && !service.isAdvanceAllowed) {
      throw invalid('ADVANCE_NOT_ALLOWED', `${bill.businessService} does not take advance: at most ${due.toFixed(2)} is due on bill ${bill.billNumber}`, `${where}.totalAmountPaid`);
    }
    const heads = deps.masters.taxHeads(bill.tenantId, bill.businessService);
    const split = apportion(demands, amount, heads);
    const [receiptNumber] = await deps.idgen.generate(trx, { tenantId: bill.tenantId, idName: service.receiptIdFormat, format: DEFAULT_RECEIPT_FORMAT });
    const advance = await applyCollections(w, demands, split.collections, split.advance, service.advanceTaxHead, `collected: receipt ${receiptNumber}`, actor, now);
    markPaid(bill, split.collections, amount, actor, now);
    await saveBill(trx, bill);
    details.push({
      id: randomUUID(),
      businessService: bill.businessService,
      billId: bill.id,
      consumerCode: bill.consumerCode,
      receiptNumber: receiptNumber!,
      receiptDate: now,
      totalDue: moneyToColumn(due),
      totalAmountPaid: moneyToColumn(amount),
      manualReceiptNumber: d.manualReceiptNumber ?? null,
      additionalDetails: d.additionalDetails ?? null,
      bill: billJson(bill, service),
      collections: split.collections.map((c) => ({ ...c, amount: moneyToColumn(c.amount) })),
      advance: advance ? { ...advance, amount: moneyToColumn(advance.amount) } : null,
    });
  }
  restoreMaskedPayer(p, bills, path);
  details.sort((a, b) => (p.paymentDetails as Raw[]).findIndex((x) => x.billId === a.billId) - (p.paymentDetails as Raw[]).findIndex((x) => x.billId === b.billId));
  const payment: Payment = {
    id,
    tenantId: p.tenantId,
    totalDue,
    totalAmountPaid: total!,
    paymentMode: p.paymentMode,
    paymentStatus: 'NEW',
    transactionNumber: p.transactionNumber ?? null,
    transactionDate: p.transactionDate ?? now,
    instrument: p.instrumentNumber || p.instrumentDate || p.ifscCode ? { instrumentNumber: p.instrumentNumber ?? undefined, instrumentDate: p.instrumentDate ?? undefined, ifscCode: p.ifscCode ?? undefined, instrumentStatus: 'APPROVED' } : null,
    payer: { paidBy: p.paidBy ?? undefined, payerName: p.payerName ?? undefined, mobileNumber: p.mobileNumber ?? undefined, payerAddress: p.payerAddress ?? undefined, payerEmail: p.payerEmail ?? undefined, payerId: p.payerId ?? undefined },
    additionalDetails: p.additionalDetails ?? null,
    details,
    cancellation: null,
    auditDetails: { createdBy: actor, createdTime: now, lastModifiedBy: actor, lastModifiedTime: now },
  };
  await savePayment(trx, payment, true);
  w.emit(paymentEvent(BILLING_TOPICS.paymentCreated, payment));
  return payment;
}

/**
 * The app fills the payer from a bill fetched without a token, so masked (`G*******`,
 * `******0001`): such a starred value stands for the bill's own payer. Starred text that is no
 * bill's payer is refused.
 */
function restoreMaskedPayer(p: Raw, bills: Bill[], path: string): void {
  const own = { paidBy: (b: Bill) => b.payer?.name, payerName: (b: Bill) => b.payer?.name, mobileNumber: (b: Bill) => b.payer?.mobileNumber };
  for (const [field, of] of Object.entries(own)) {
    const sent = p[field];
    if (typeof sent !== 'string' || !sent.includes('*')) continue;
    const value = bills.map(of).find((v) => v !== undefined && isMaskOf(sent, v));
    if (value === undefined) throw invalid('INVALID_PAYER', `${path}.${field} is starred but is not the payer of the bill paid, as shown masked`, `${path}.${field}`);
    p[field] = value;
  }
}

/** The bill as paid: what the payment applied to each head, and its status. */
function markPaid(bill: Bill, collections: Collection[], amount: Money, actor: string, now: number): void {
  for (const detail of bill.billDetails) {
    for (const account of detail.accounts) {
      account.adjustedAmount = account.adjustedAmount.plus(sum(collections.filter((c) => c.demandDetailId === account.demandDetailId).map((c) => c.amount)));
    }
  }
  bill.amountPaid = bill.amountPaid.plus(amount);
  bill.status = 'PAID';
  bill.auditDetails = { ...bill.auditDetails, lastModifiedBy: actor, lastModifiedTime: now };
}

/** Writes a payment with a row per paid bill; a payment written again (cancelled) has those rows written again too. */
async function savePayment(trx: Db, p: Payment, isNew: boolean): Promise<void> {
  if (isNew) await insertRecord(trx, paymentTable, p);
  else await updateRecord(trx, paymentTable, p);
}

export function findPayment(db: Db, id: string, forUpdate: boolean): Promise<Payment | undefined> {
  return findRecord(db, paymentTable, { id }, forUpdate);
}

/**
 * Cancels a payment: every collection it made is taken back (and the advance it left, if still
 * unused), so the dues come back; the payment stays searchable as CANCELLED. Cancelling a
 * cancelled payment changes nothing.
 */
export async function cancelPayment(w: WriteScope, tenantId: string, paymentId: string, reason: string | null, actor: string, now: number): Promise<Payment> {
  const trx = w.db;
  const payment = await findPayment(trx, paymentId, true);
  if (!payment || payment.tenantId !== tenantId) throw notFound('PAYMENT_NOT_FOUND', `no payment ${paymentId} at ${tenantId}`);
  if (payment.paymentStatus === 'CANCELLED') return payment;
  for (const detail of payment.details) {
    const collections: Collection[] = detail.collections.map((c) => ({ ...c, amount: new Money(c.amount) }));
    const advance: AdvancePosting | undefined = detail.advance ? { ...detail.advance, amount: new Money(detail.advance.amount) } : undefined;
    const ids = [...new Set([...collections.map((c) => c.demandId), ...(advance ? [advance.demandId] : [])])];
    const demands = await loadDemands(trx, ids, true);
    await reverseCollections(w, demands, collections, advance, `payment cancelled: receipt ${detail.receiptNumber}`, actor, now);
  }
  payment.paymentStatus = 'CANCELLED';
  if (payment.instrument) payment.instrument.instrumentStatus = 'CANCELLED';
  payment.cancellation = { reason, by: actor, time: now };
  payment.auditDetails = { ...payment.auditDetails, lastModifiedBy: actor, lastModifiedTime: now };
  await savePayment(trx, payment, false);
  w.emit(paymentEvent(BILLING_TOPICS.paymentCancelled, payment));
  return payment;
}

function paymentEvent(topic: typeof BILLING_TOPICS.paymentCreated | typeof BILLING_TOPICS.paymentCancelled, p: Payment): DomainEvent {
  return { topic, key: p.id, tenantId: p.tenantId, payload: { Payment: paymentJson(p) } };
}

export interface PaymentCriteria {
  tenantId: string;
  ids?: string[];
  receiptNumbers?: string[];
  consumerCodes?: string[];
  billIds?: string[];
  businessServices?: string[];
  status?: string[];
  mobileNumber?: string;
  fromDate?: number;
  toDate?: number;
  offset: number;
  limit: number;
}

export function searchPayments(db: Db, c: PaymentCriteria): Promise<Payment[]> {
  return searchRecords(db, paymentTable, {
    tenant: { id: c.tenantId, scope: 'within' },
    filters: [
      ...inFilters({ 'details.receiptNumber': c.receiptNumbers, 'details.consumerCode': c.consumerCodes, 'details.billId': c.billIds, 'details.businessService': c.businessServices }),
      ...inFilters({ id: c.ids, paymentStatus: c.status }),
      ...exactFilters({ 'payer.mobileNumber': c.mobileNumber }),
      ...(c.fromDate !== undefined ? [{ fields: ['transactionDate'], match: 'from' as const, values: [c.fromDate] }] : []),
      ...(c.toDate !== undefined ? [{ fields: ['transactionDate'], match: 'to' as const, values: [c.toDate] }] : []),
    ],
    // A receipt number, consumer, bill and service asked for are those of one paid bill.
    sameChildRow: true,
    sort: [['transactionDate', 'desc'], ['id', 'asc']],
    page: c,
  });
}

/** DIGIT's Payment as clients read it. */
export function paymentJson(p: Payment) {
  return {
    id: p.id,
    tenantId: p.tenantId,
    totalDue: moneyToJson(p.totalDue),
    totalAmountPaid: moneyToJson(p.totalAmountPaid),
    transactionNumber: p.transactionNumber,
    transactionDate: p.transactionDate,
    paymentMode: p.paymentMode,
    instrumentDate: p.instrument?.instrumentDate ?? null,
    instrumentNumber: p.instrument?.instrumentNumber ?? null,
    instrumentStatus: p.instrument?.instrumentStatus ?? (p.paymentStatus === 'CANCELLED' ? 'CANCELLED' : 'APPROVED'),
    ifscCode: p.instrument?.ifscCode ?? null,
    paidBy: p.payer.paidBy ?? null,
    payerName: p.payer.payerName ?? null,
    mobileNumber: p.payer.mobileNumber ?? null,
    payerAddress: p.payer.payerAddress ?? null,
    payerEmail: p.payer.payerEmail ?? null,
    payerId: p.payer.payerId ?? null,
    paymentStatus: p.paymentStatus,
    additionalDetails: p.cancellation ? { ...((p.additionalDetails as object) ?? {}), cancellation: p.cancellation } : p.additionalDetails,
    paymentDetails: p.details.map((d) => ({
      id: d.id,
      tenantId: p.tenantId,
      paymentId: p.id,
      businessService: d.businessService,
      billId: d.billId,
      receiptNumber: d.receiptNumber,
      receiptDate: d.receiptDate,
      receiptType: 'BILLBASED',
      manualReceiptNumber: d.manualReceiptNumber,
      totalDue: moneyToJson(new Money(d.totalDue)),
      totalAmountPaid: moneyToJson(new Money(d.totalAmountPaid)),
      additionalDetails: d.additionalDetails,
      bill: d.bill,
    })),
    auditDetails: p.auditDetails,
  };
}
