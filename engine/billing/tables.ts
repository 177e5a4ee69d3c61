import type { TableSpec } from '../store/index.ts';

const audit = [
  { name: 'created_by', type: 'text' as const, notNull: true },
  { name: 'created_time', type: 'bigint' as const, notNull: true },
  { name: 'last_modified_by', type: 'text' as const, notNull: true },
  { name: 'last_modified_time', type: 'bigint' as const, notNull: true },
];

/** What a consumer owes for a period under a business service. */
export const demandTable: TableSpec = {
  name: 'seva_demand',
  primaryKey: ['id'],
  columns: [
    { name: 'id', type: 'text', notNull: true },
    { name: 'tenant_id', type: 'text', notNull: true },
    { name: 'consumer_code', type: 'text', notNull: true },
    { name: 'consumer_type', type: 'text', notNull: true },
    { name: 'business_service', type: 'text', notNull: true },
    { name: 'payer', type: 'json' },
    { name: 'tax_period_from', type: 'bigint', notNull: true },
    { name: 'tax_period_to', type: 'bigint', notNull: true },
    { name: 'bill_expiry_time', type: 'bigint' },
    { name: 'minimum_amount_payable', type: 'numeric', notNull: true },
    { name: 'status', type: 'text', notNull: true },
    { name: 'is_payment_completed', type: 'boolean', notNull: true },
    { name: 'additional_details', type: 'json' },
    { name: 'version', type: 'integer', notNull: true },
    ...audit,
  ],
  indexes: [
    // Never two ACTIVE demands for one consumer, service, consumer type and period.
    {
      name: 'seva_demand_active_period_ukey',
      expressions: ['tenant_id', 'consumer_code', 'business_service', 'consumer_type', 'tax_period_from', 'tax_period_to'],
      unique: true,
      where: "status = 'ACTIVE'",
    },
    { name: 'seva_demand_consumer_idx', expressions: ['tenant_id', 'consumer_code', 'business_service'] },
  ],
};

export const demandDetailTable: TableSpec = {
  name: 'seva_demand_detail',
  primaryKey: ['id'],
  columns: [
    { name: 'id', type: 'text', notNull: true },
    { name: 'demand_id', type: 'text', notNull: true },
    { name: 'tenant_id', type: 'text', notNull: true },
    { name: 'tax_head_code', type: 'text', notNull: true },
    { name: 'tax_amount', type: 'numeric', notNull: true },
    { name: 'collection_amount', type: 'numeric', notNull: true },
    { name: 'additional_details', type: 'json' },
    { name: 'seq', type: 'integer', notNull: true },
    // The demand's, repeated: dashboards and reports select heads by them without joining the demand.
    { name: 'consumer_code', type: 'text' },
    { name: 'business_service', type: 'text' },
    { name: 'tax_period_from', type: 'bigint' },
    { name: 'tax_period_to', type: 'bigint' },
    { name: 'demand_status', type: 'text' },
    ...audit,
  ],
  indexes: [
    { name: 'seva_demand_detail_demand_idx', expressions: ['demand_id'] },
    { name: 'seva_demand_detail_period_idx', expressions: ['tenant_id', 'business_service', 'tax_period_from'] },
    { name: 'seva_demand_detail_consumer_idx', expressions: ['tenant_id', 'consumer_code', 'business_service'] },
    // Empty once start-up has filled heads written before the demand's fields were repeated on them.
    { name: 'seva_demand_detail_unfilled_idx', expressions: ['demand_id'], where: 'demand_status IS NULL' },
  ],
};

/** Every version of every demand, with who changed it, when and why. */
export const demandHistoryTable: TableSpec = {
  name: 'seva_demand_history',
  primaryKey: ['id'],
  columns: [
    { name: 'id', type: 'text', notNull: true },
    { name: 'demand_id', type: 'text', notNull: true },
    { name: 'tenant_id', type: 'text', notNull: true },
    { name: 'version', type: 'integer', notNull: true },
    { name: 'reason', type: 'text', notNull: true },
    { name: 'snapshot', type: 'json', notNull: true },
    { name: 'changed_by', type: 'text', notNull: true },
    { name: 'changed_time', type: 'bigint', notNull: true },
  ],
  indexes: [{ name: 'seva_demand_history_demand_version_ukey', expressions: ['demand_id', 'version'], unique: true }],
};

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
