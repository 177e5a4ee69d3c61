import type { WriteScope } from '../lifecycle/index.ts';
import type { GatewayDefinition } from '../definitions/index.ts';
import { invalid, notFound, SevaError } from '../errors/index.ts';
import { Money, moneyToJson, parseAmount } from '../money/index.ts';
import { findRecord, inFilters, insertRecord, searchRecords, updateRecord } from '../persister/index.ts';
import type { Db } from '../store/index.ts';
import { gatewayTransactionTable } from './transaction-table.ts';
import { fetchBill, findBill, isStale, openDemandsOf, type FetchBillDeps } from './bills.ts';
import { redirectUrlOf, verifyCallback } from './gateway.ts';
import { createPayment } from './payments.ts';

export type TxnStatus = 'PENDING' | 'SUCCESS' | 'FAILURE';

export interface GatewayTransaction {
  txnId: string;
  tenantId: string;
  gateway: string;
  businessService: string;
  consumerCode: string;
  billId: string;
  txnAmount: Money;
  status: TxnStatus;
  gatewayTxnId: string | null;
  gatewayStatus: string | null;
  paymentId: string | null;
  receiptNumber: string | null;
  payer: { uuid?: string; name?: string; mobileNumber?: string; emailId?: string } | null;
  callbackUrl: string | null;
  productInfo: string | null;
  error: string | null;
  auditDetails: { createdBy: string; createdTime: number; lastModifiedBy: string; lastModifiedTime: number };
}

export interface TransactionDeps extends FetchBillDeps {
  gateways: GatewayDefinition[];
}

const TXN_FORMAT = 'PG-[cy:yyyyMMdd]-[SEQ_SEVA_PG_TXN:8]';
type Raw = Record<string, any>;

function gatewayNamed(deps: TransactionDeps, name: unknown, path: string): GatewayDefinition {
  const g = deps.gateways.find((x) => x.gateway === name && x.enabled !== false);
  if (!g) throw invalid('INVALID_GATEWAY', `no enabled gateway '${String(name)}' (gateways: ${deps.gateways.filter((x) => x.enabled !== false).map((x) => x.gateway).join(', ') || 'none'})`, path);
  return g;
}

/** Starts an online payment of one bill: the transaction is PENDING until the gateway calls back. */
export async function createTransaction(trx: Db, raw: unknown, deps: TransactionDeps, actor: string, now: number): Promise<GatewayTransaction> {
  const path = '$.Transaction';
  if (!raw || typeof raw !== 'object') throw invalid('INVALID_REQUEST', 'the request must carry a Transaction object', path);
  const t = raw as Raw;
  if (typeof t.tenantId !== 'string' || t.tenantId === '') throw invalid('INVALID_TENANT_ID', `${path}.tenantId is required`, `${path}.tenantId`);
  const gateway = gatewayNamed(deps, t.gateway, `${path}.gateway`);
  const amount = parseAmount(t.txnAmount, `${path}.txnAmount`);
  if (!amount.greaterThan(0)) throw invalid('INVALID_AMOUNT', `${path}.txnAmount must be more than zero`, `${path}.txnAmount`);
  const parts = Array.isArray(t.taxAndPayments) && t.taxAndPayments.length > 0 ? (t.taxAndPayments as Raw[]) : [{ billId: t.billId, amountPaid: t.txnAmount, businessService: t.module }];
  if (parts.length !== 1) throw invalid('INVALID_REQUEST', `${path}.taxAndPayments: a transaction pays one bill`, `${path}.taxAndPayments`);
  const part = parts[0]!;
  if (!parseAmount(part.amountPaid, `${path}.taxAndPayments[0].amountPaid`).equals(amount)) throw invalid('INVALID_AMOUNT', `${path}.txnAmount must equal the amount paid on the bill`, `${path}.txnAmount`);
  const bill = typeof part.billId === 'string' ? await findBill(trx, part.billId, false) : undefined;
  if (!bill || bill.tenantId !== t.tenantId) throw notFound('BILL_NOT_FOUND', `no bill ${String(part.billId)} at ${t.tenantId}`);
  if (bill.status !== 'ACTIVE' || bill.expiryDate <= now) throw new SevaError('conflict', 'STALE_BILL', `bill ${bill.billNumber} is ${bill.status === 'ACTIVE' ? 'expired' : bill.status}: fetch the bill again`, { path: `${path}.billId` });
  const service = deps.masters.businessService(bill.tenantId, bill.businessService)!;
  if (service.collectionModesNotAllowed.includes('ONLINE')) throw invalid('PAYMENT_MODE_NOT_ALLOWED', `${bill.businessService} does not accept ONLINE payments`, `${path}.gateway`);
  const [txnId] = await deps.idgen.generate(trx, { tenantId: t.tenantId, format: TXN_FORMAT });
  const user = (t.user ?? null) as Raw | null;
  const txn: GatewayTransaction = {
    txnId: txnId!,
    tenantId: t.tenantId,
    gateway: gateway.gateway,
    businessService: bill.businessService,
    consumerCode: bill.consumerCode,
    billId: bill.id,
    txnAmount: amount,
    status: 'PENDING',
    gatewayTxnId: null,
    gatewayStatus: null,
    paymentId: null,
    receiptNumber: null,
    payer: user ? { uuid: user.uuid, name: user.name, mobileNumber: user.mobileNumber, emailId: user.emailId } : null,
    callbackUrl: typeof t.callbackUrl === 'string' ? t.callbackUrl : null,
    productInfo: typeof t.productInfo === 'string' ? t.productInfo : null,
    error: null,
    auditDetails: { createdBy: actor, createdTime: now, lastModifiedBy: actor, lastModifiedTime: now },
  };
  await insertRecord(trx, gatewayTransactionTable, txn);
  return txn;
}

export function redirectUrlFor(txn: GatewayTransaction, deps: TransactionDeps): string | null {
  const g = deps.gateways.find((x) => x.gateway === txn.gateway);
  return g ? redirectUrlOf(g, { txnId: txn.txnId, txnAmount: txn.txnAmount.toFixed(2), callbackUrl: txn.callbackUrl ?? '', consumerCode: txn.consumerCode, tenantId: txn.tenantId }) : null;
}

function findTransaction(db: Db, txnId: string, forUpdate: boolean): Promise<GatewayTransaction | undefined> {
  return findRecord(db, gatewayTransactionTable, { txnId }, forUpdate);
}

/**
 * The gateway's callback. Only a correctly signed one counts; it is applied under the
 * transaction's lock, and a transaction that is already settled is answered as it is, so however
 * often a callback arrives, one payment is made.
 */
export async function handleCallback(w: WriteScope, params: Record<string, string>, deps: TransactionDeps, actor: string, now: number): Promise<GatewayTransaction> {
  const trx = w.db;
  const txnId = params.transactionId ?? params.txnId;
  if (!txnId) throw invalid('REQUIRED_FIELD_MISSING', 'transactionId is required', '$.transactionId');
  const seen = await findTransaction(trx, txnId, false);
  if (!seen) throw notFound('TRANSACTION_NOT_FOUND', `no transaction ${txnId}`);
  const gateway = gatewayNamed(deps, seen.gateway, '$.gateway');
  if (!verifyCallback(gateway, params) || params[gateway.callback.txnId] !== txnId) {
    throw invalid('INVALID_SIGNATURE', `the callback for ${txnId} is not signed by gateway ${gateway.gateway}: nothing was changed`, `$.${gateway.signature.param}`);
  }
  const txn = (await findTransaction(trx, txnId, true))!;
  if (txn.status !== 'PENDING') return txn;
  const reported = params[gateway.callback.status] ?? '';
  const status = gateway.callback.statusMap[reported];
  if (!status) throw invalid('UNKNOWN_GATEWAY_STATUS', `gateway ${gateway.gateway} reported status '${reported}', which its statusMap does not name`, `$.${gateway.callback.status}`);
  txn.gatewayStatus = reported;
  txn.gatewayTxnId = gateway.callback.gatewayTxnId ? (params[gateway.callback.gatewayTxnId] ?? null) : null;
  txn.auditDetails = { ...txn.auditDetails, lastModifiedBy: actor, lastModifiedTime: now };
  if (status === 'SUCCESS') {
    const paid = parseAmount(params[gateway.callback.amount], `$.${gateway.callback.amount}`);
    if (!paid.equals(txn.txnAmount)) {
      txn.status = 'FAILURE';
      txn.error = `the gateway reports ${paid.toFixed(2)} paid, not the ${txn.txnAmount.toFixed(2)} asked: reconcile by hand`;
    } else {
      await payTransaction(w, txn, deps, now);
    }
  } else {
    txn.status = status;
  }
  await updateRecord(trx, gatewayTransactionTable, txn);
  return txn;
}

/** The money is in: pay the bill (or, if the dues changed meanwhile, the consumer's current bill). */
async function payTransaction(w: WriteScope, txn: GatewayTransaction, deps: TransactionDeps, now: number): Promise<void> {
  const target = { tenantId: txn.tenantId, consumerCode: txn.consumerCode, businessService: txn.businessService };
  const trx = w.db;
  let bill = await findBill(trx, txn.billId, false);
  if (!bill || bill.status !== 'ACTIVE' || bill.expiryDate <= now || isStale(bill, await openDemandsOf(trx, target, false))) {
    bill = await fetchBill(w, target, deps, txn.auditDetails.createdBy, now);
  }
  try {
    if (!bill) throw invalid('NOTHING_DUE', `${txn.consumerCode} owes nothing on ${txn.businessService} any more`);
    const payment = await createPayment(
      w,
      {
        tenantId: txn.tenantId,
        paymentMode: 'ONLINE',
        totalAmountPaid: txn.txnAmount.toFixed(2),
        transactionNumber: txn.txnId,
        paidBy: txn.payer?.name ?? null,
        payerName: txn.payer?.name ?? null,
        mobileNumber: txn.payer?.mobileNumber ?? null,
        payerId: txn.payer?.uuid ?? null,
        paymentDetails: [{ businessService: txn.businessService, billId: bill.id, totalAmountPaid: txn.txnAmount.toFixed(2) }],
      },
      { masters: deps.masters, idgen: deps.idgen },
      txn.auditDetails.createdBy,
      now,
    );
    txn.status = 'SUCCESS';
    txn.paymentId = payment.id;
    txn.receiptNumber = payment.details[0]!.receiptNumber;
  } catch (err) {
    // The payment's rules refuse it before writing anything; the money needs reconciling by hand.
    if (!(err instanceof SevaError)) throw err;
    txn.status = 'FAILURE';
    txn.error = `paid at the gateway but not recorded: ${err.message}`;
  }
}

export interface TransactionCriteria {
  tenantId: string;
  txnIds?: string[];
  consumerCodes?: string[];
  billIds?: string[];
  status?: string[];
  offset: number;
  limit: number;
}

export function searchTransactions(db: Db, c: TransactionCriteria): Promise<GatewayTransaction[]> {
  return searchRecords(db, gatewayTransactionTable, {
    tenant: { id: c.tenantId, scope: 'within' },
    filters: inFilters({ txnId: c.txnIds, consumerCode: c.consumerCodes, billId: c.billIds, status: c.status }),
    sort: [['auditDetails.createdTime', 'desc'], ['txnId', 'asc']],
    page: c,
  });
}

/** DIGIT's Transaction as clients read it. */
export function transactionJson(t: GatewayTransaction, redirectUrl: string | null) {
  return {
    txnId: t.txnId,
    tenantId: t.tenantId,
    txnAmount: moneyToJson(t.txnAmount),
    billId: t.billId,
    module: t.businessService,
    consumerCode: t.consumerCode,
    taxAndPayments: [{ billId: t.billId, amountPaid: moneyToJson(t.txnAmount), businessService: t.businessService }],
    productInfo: t.productInfo,
    gateway: t.gateway,
    callbackUrl: t.callbackUrl,
    redirectUrl,
    txnStatus: t.status,
    txnStatusMsg: t.error ?? (t.status === 'SUCCESS' ? 'Transaction successful' : t.status === 'FAILURE' ? 'Transaction failed' : 'Transaction pending'),
    gatewayTxnId: t.gatewayTxnId,
    gatewayStatusCode: t.gatewayStatus,
    receipt: t.receiptNumber,
    paymentId: t.paymentId,
    user: t.payer,
    auditDetails: t.auditDetails,
  };
}
