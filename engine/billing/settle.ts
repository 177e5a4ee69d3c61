import { invalid } from '../errors/index.ts';
import type { WriteScope } from '../lifecycle/index.ts';
import { fetchBill, type BillTarget, type FetchBillDeps } from './bills.ts';
import { moneyToJson } from '../money/index.ts';
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
  const rows = await w.db
    .selectFrom('seva_payment_detail as d')
    .innerJoin('seva_payment as p', 'p.id', 'd.payment_id')
    .select('p.id')
    .distinct()
    .where('d.tenant_id', '=', target.tenantId)
    .where('d.consumer_code', '=', target.consumerCode)
    .where('d.business_service', '=', target.businessService)
    .where('p.payment_status', '<>', 'CANCELLED')
    .orderBy('p.id')
    .execute();
  const cancelled: Payment[] = [];
  for (const { id } of rows) cancelled.push(await cancelPayment(w, target.tenantId, id, reason, actor, now));
  return cancelled;
}
