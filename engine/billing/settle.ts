import { invalid } from '../errors/index.ts';
import type { WriteScope } from '../lifecycle/index.ts';
import { fetchBill, type BillTarget, type FetchBillDeps } from './bills.ts';
import { moneyToJson } from '../money/index.ts';
import { exactFilters, searchRecords } from '../persister/index.ts';
import { paymentTable } from './payment-table.ts';
import { cancelPayment, createPayment, type Payment } from './payments.ts';

/** Who paid and how, for a payment a write takes on its own. */
export interface Settlement {
  paymentMode: string;
  paidBy?: string;
  payerName?: string;
  mobileNumber?: string;
  transactionDate?: number;
}

/**
 * Pays everything the consumer's bill asks in one ordinary payment, inside the write: a record that
 * is settled as it is written (a bill paid when it is recorded, say) gets a receipt like any other.
 */
export async function settleInFull(w: WriteScope, target: BillTarget, how: Settlement, deps: FetchBillDeps, actor: string, now: number): Promise<Payment> {
  const bill = await fetchBill(w, target, deps, actor, now);
  if (!bill || !bill.totalAmount.greaterThan(0)) throw invalid('NOTHING_TO_PAY', `${target.consumerCode} owes nothing under ${target.businessService}, so there is nothing to pay`);
  const amount = moneyToJson(bill.totalAmount);
  return createPayment(
    w,
    {
      tenantId: target.tenantId,
      paymentMode: how.paymentMode,
      totalAmountPaid: amount,
      paidBy: how.paidBy ?? null,
      payerName: how.payerName ?? null,
      mobileNumber: how.mobileNumber ?? null,
      transactionDate: how.transactionDate ?? null,
      paymentDetails: [{ businessService: target.businessService, billId: bill.id, totalAmountPaid: amount }],
    },
    deps,
    actor,
    now,
  );
}

/** Cancels every payment of the consumer under the business service that is not cancelled yet. */
export async function cancelConsumerPayments(w: WriteScope, target: BillTarget, reason: string | null, actor: string, now: number): Promise<Payment[]> {
  const payments = await searchRecords(w.db, paymentTable, {
    tenant: { id: target.tenantId, scope: 'exact' },
    filters: exactFilters({ 'details.consumerCode': target.consumerCode, 'details.businessService': target.businessService }),
    sameChildRow: true,
    sort: [['id', 'asc']],
  });
  const cancelled: Payment[] = [];
  for (const { id } of payments.filter((p) => p.paymentStatus !== 'CANCELLED')) cancelled.push(await cancelPayment(w, target.tenantId, id, reason, actor, now));
  return cancelled;
}
