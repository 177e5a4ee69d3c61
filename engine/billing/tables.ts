import type { TableSpec } from '../store/index.ts';

const audit = [
  { name: 'created_by', type: 'text' as const, notNull: true },
  { name: 'created_time', type: 'bigint' as const, notNull: true },
  { name: 'last_modified_by', type: 'text' as const, notNull: true },
  { name: 'last_modified_time', type: 'bigint' as const, notNull: true },
];

/** A bill: what a consumer is asked to pay now, built from the ACTIVE demands; one ACTIVE bill each. */
export const billTable: TableSpec = {
  name: 'seva_bill',
  primaryKey: ['id'],
  columns: [
    { name: 'id', type: 'text', notNull: true },
    { name: 'tenant_id', type: 'text', notNull: true },
    { name: 'bill_number', type: 'text', notNull: true },
    { name: 'consumer_code', type: 'text', notNull: true },
    { name: 'business_service', type: 'text', notNull: true },
    { name: 'status', type: 'text', notNull: true },
    { name: 'payer', type: 'json' },
    { name: 'total_amount', type: 'numeric', notNull: true },
    { name: 'amount_paid', type: 'numeric', notNull: true },
    { name: 'minimum_amount_payable', type: 'numeric', notNull: true },
    { name: 'bill_date', type: 'bigint', notNull: true },
    { name: 'expiry_date', type: 'bigint', notNull: true },
    /** The demands (id and version) the bill was built from: if any has changed, the bill is stale. */
    { name: 'demand_versions', type: 'json', notNull: true },
    { name: 'bill_details', type: 'json', notNull: true },
    ...audit,
  ],
  indexes: [
    { name: 'seva_bill_active_consumer_ukey', expressions: ['tenant_id', 'consumer_code', 'business_service'], unique: true, where: "status = 'ACTIVE'" },
    { name: 'seva_bill_consumer_idx', expressions: ['tenant_id', 'consumer_code'] },
  ],
};

/** A payment (DIGIT collection-services): one or more bills paid in one go, with one receipt per bill. */
export const paymentTable: TableSpec = {
  name: 'seva_payment',
  primaryKey: ['id'],
  columns: [
    { name: 'id', type: 'text', notNull: true },
    { name: 'tenant_id', type: 'text', notNull: true },
    { name: 'total_due', type: 'numeric', notNull: true },
    { name: 'total_amount_paid', type: 'numeric', notNull: true },
    { name: 'payment_mode', type: 'text', notNull: true },
    { name: 'payment_status', type: 'text', notNull: true },
    { name: 'transaction_number', type: 'text' },
    { name: 'transaction_date', type: 'bigint', notNull: true },
    { name: 'instrument', type: 'json' },
    { name: 'payer', type: 'json', notNull: true },
    { name: 'additional_details', type: 'json' },
    /** paymentDetails as answered: receipt, bill snapshot and how the amount was apportioned. */
    { name: 'payment_details', type: 'json', notNull: true },
    { name: 'cancellation', type: 'json' },
    ...audit,
  ],
  indexes: [{ name: 'seva_payment_tenant_date_idx', expressions: ['tenant_id', 'transaction_date'] }],
};

/** One row per paid bill, for searching payments by receipt, consumer, bill and service. */
export const paymentDetailTable: TableSpec = {
  name: 'seva_payment_detail',
  primaryKey: ['id'],
  columns: [
    { name: 'id', type: 'text', notNull: true },
    { name: 'payment_id', type: 'text', notNull: true },
    { name: 'tenant_id', type: 'text', notNull: true },
    { name: 'business_service', type: 'text', notNull: true },
    { name: 'bill_id', type: 'text', notNull: true },
    { name: 'consumer_code', type: 'text', notNull: true },
    { name: 'receipt_number', type: 'text', notNull: true },
    { name: 'receipt_date', type: 'bigint', notNull: true },
    { name: 'total_amount_paid', type: 'numeric', notNull: true },
    // The payment's, repeated: reports select receipts by them without joining the payment.
    { name: 'payment_status', type: 'text' },
    { name: 'transaction_date', type: 'bigint' },
    { name: 'payment_mode', type: 'text' },
  ],
  indexes: [
    { name: 'seva_payment_detail_date_idx', expressions: ['tenant_id', 'business_service', 'transaction_date'] },
    { name: 'seva_payment_detail_unfilled_idx', expressions: ['payment_id'], where: 'payment_status IS NULL' },
    // Receipt numbers never repeat within a tenant.
    { name: 'seva_payment_detail_receipt_ukey', expressions: ['tenant_id', 'receipt_number'], unique: true },
    { name: 'seva_payment_detail_consumer_idx', expressions: ['tenant_id', 'consumer_code'] },
    { name: 'seva_payment_detail_bill_idx', expressions: ['bill_id'] },
    { name: 'seva_payment_detail_payment_idx', expressions: ['payment_id'] },
  ],
};
