import { auditColumns, engineChild, engineTable } from '../persister/index.ts';
import type { Payment, StoredDetail } from './payments.ts';

/**
 * A payment (DIGIT collection-services): one or more bills paid in one go, with one receipt per bill.
 * Its paid bills are kept whole as JSON (receipt, bill snapshot, how the amount was apportioned);
 * a row per paid bill is kept beside it to find payments by receipt, consumer, bill and service.
 */
export const paymentTable = engineTable<Payment>({
  table: 'seva_payment',
  primaryKey: 'id',
  tenantColumn: 'tenant_id',
  columns: {
    id: { path: 'id', type: 'text', notNull: true },
    tenant_id: { path: 'tenantId', type: 'text', notNull: true },
    total_due: { path: 'totalDue', type: 'money', notNull: true },
    total_amount_paid: { path: 'totalAmountPaid', type: 'money', notNull: true },
    payment_mode: { path: 'paymentMode', type: 'text', notNull: true },
    payment_status: { path: 'paymentStatus', type: 'text', notNull: true },
    transaction_number: { path: 'transactionNumber', type: 'text' },
    transaction_date: { path: 'transactionDate', type: 'bigint', notNull: true },
    instrument: { path: 'instrument', type: 'json' },
    payer: { path: 'payer', type: 'json', notNull: true },
    additional_details: { path: 'additionalDetails', type: 'json' },
    payment_details: { path: 'details', type: 'json', notNull: true },
    cancellation: { path: 'cancellation', type: 'json' },
    ...auditColumns,
  },
  indexes: [{ name: 'seva_payment_tenant_date_idx', expressions: ['tenant_id', 'transaction_date'] }],
  children: [
    engineChild<Payment, StoredDetail>({
      table: 'seva_payment_detail',
      path: 'details',
      primaryKey: 'id',
      parentColumn: 'payment_id',
      searchOnly: true,
      columns: {
        id: { path: 'id', type: 'text', notNull: true },
        payment_id: { parent: 'id', type: 'text', notNull: true },
        tenant_id: { parent: 'tenantId', type: 'text', notNull: true },
        business_service: { path: 'businessService', type: 'text', notNull: true },
        bill_id: { path: 'billId', type: 'text', notNull: true },
        consumer_code: { path: 'consumerCode', type: 'text', notNull: true },
        receipt_number: { path: 'receiptNumber', type: 'text', notNull: true },
        receipt_date: { path: 'receiptDate', type: 'bigint', notNull: true },
        // Kept as the exact decimal text the payment holds.
        total_amount_paid: { path: 'totalAmountPaid', type: 'numeric', notNull: true },
        // The payment's, repeated: reports select receipts by them without joining the payment.
        payment_status: { parent: 'paymentStatus', type: 'text' },
        transaction_date: { parent: 'transactionDate', type: 'bigint' },
        payment_mode: { parent: 'paymentMode', type: 'text' },
      },
      indexes: [
        { name: 'seva_payment_detail_date_idx', expressions: ['tenant_id', 'business_service', 'transaction_date'] },
        { name: 'seva_payment_detail_unfilled_idx', expressions: ['payment_id'], where: 'payment_status IS NULL' },
        // Receipt numbers never repeat within a tenant.
        { name: 'seva_payment_detail_receipt_ukey', expressions: ['tenant_id', 'receipt_number'], unique: true },
        { name: 'seva_payment_detail_consumer_idx', expressions: ['tenant_id', 'consumer_code'] },
        { name: 'seva_payment_detail_bill_idx', expressions: ['bill_id'] },
        { name: 'seva_payment_detail_payment_idx', expressions: ['payment_id'] },
      ],
    }),
  ],
});
