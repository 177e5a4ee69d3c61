/**
 * Billing's data as sources an aggregate query may read (dashboards, reports): each a base table
 * with its joins, its tenant column and its fields. Columns are written `<alias>.<column>`; a
 * joined table is read only when a field the query uses lives there.
 */
export interface DataSource {
  tables: { table: string; as: string; on?: [string, string] }[];
  /** The tenant column; absent, the source is read whatever the tenant (users, who may sit at the state). */
  tenant?: string;
  fields: Record<string, { column: string; type: 'text' | 'number' | 'boolean' }>;
}

const demandFields: DataSource['fields'] = {
  tenantId: { column: 'd.tenant_id', type: 'text' },
  demandId: { column: 'd.id', type: 'text' },
  consumerCode: { column: 'd.consumer_code', type: 'text' },
  consumerType: { column: 'd.consumer_type', type: 'text' },
  businessService: { column: 'd.business_service', type: 'text' },
  taxPeriodFrom: { column: 'd.tax_period_from', type: 'number' },
  taxPeriodTo: { column: 'd.tax_period_to', type: 'number' },
  status: { column: 'd.status', type: 'text' },
  isPaymentCompleted: { column: 'd.is_payment_completed', type: 'boolean' },
  createdTime: { column: 'd.created_time', type: 'number' },
};

export const BILLING_SOURCES: Record<string, DataSource> = {
  /** One record per demand. */
  demands: { tables: [{ table: 'seva_demand', as: 'd' }], tenant: 'd.tenant_id', fields: demandFields },
  /**
   * One record per head of a demand, with the demand's fields. A head's row repeats its demand's
   * consumer, service, period and status, so the demand is joined only for its other fields.
   */
  demandDetails: {
    tables: [
      { table: 'seva_demand_detail', as: 'x' },
      { table: 'seva_demand', as: 'd', on: ['d.id', 'x.demand_id'] },
    ],
    tenant: 'x.tenant_id',
    fields: {
      ...demandFields,
      tenantId: { column: 'x.tenant_id', type: 'text' },
      demandId: { column: 'x.demand_id', type: 'text' },
      consumerCode: { column: 'x.consumer_code', type: 'text' },
      businessService: { column: 'x.business_service', type: 'text' },
      taxPeriodFrom: { column: 'x.tax_period_from', type: 'number' },
      taxPeriodTo: { column: 'x.tax_period_to', type: 'number' },
      status: { column: 'x.demand_status', type: 'text' },
      taxHeadCode: { column: 'x.tax_head_code', type: 'text' },
      taxAmount: { column: 'x.tax_amount', type: 'number' },
      collectionAmount: { column: 'x.collection_amount', type: 'number' },
    },
  },
  /** One record per bill paid (a receipt), with its payment's fields; the payment is joined only for the payer. */
  payments: {
    tables: [
      { table: 'seva_payment_detail', as: 'r' },
      { table: 'seva_payment', as: 'p', on: ['p.id', 'r.payment_id'] },
    ],
    tenant: 'r.tenant_id',
    fields: {
      tenantId: { column: 'r.tenant_id', type: 'text' },
      paymentId: { column: 'r.payment_id', type: 'text' },
      businessService: { column: 'r.business_service', type: 'text' },
      consumerCode: { column: 'r.consumer_code', type: 'text' },
      billId: { column: 'r.bill_id', type: 'text' },
      receiptNumber: { column: 'r.receipt_number', type: 'text' },
      receiptDate: { column: 'r.receipt_date', type: 'number' },
      amountPaid: { column: 'r.total_amount_paid', type: 'number' },
      paymentMode: { column: 'r.payment_mode', type: 'text' },
      paymentStatus: { column: 'r.payment_status', type: 'text' },
      transactionDate: { column: 'r.transaction_date', type: 'number' },
      /** What the payment's bills asked when it was made (the payment's, for a payment of several bills). */
      totalDue: { column: 'p.total_due', type: 'number' },
      payerName: { column: "p.payer->>'payerName'", type: 'text' },
      paidBy: { column: "p.payer->>'paidBy'", type: 'text' },
    },
  },
};
