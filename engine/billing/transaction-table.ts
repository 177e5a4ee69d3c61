import { auditColumns, engineTable } from '../persister/index.ts';
import type { GatewayTransaction } from './transactions.ts';

/** An online payment through a gateway (DIGIT pg-service): pending until its signed callback. */
export const gatewayTransactionTable = engineTable<GatewayTransaction>({
  table: 'seva_pg_transaction',
  primaryKey: 'txn_id',
  tenantColumn: 'tenant_id',
  columns: {
    txn_id: { path: 'txnId', type: 'text', notNull: true },
    tenant_id: { path: 'tenantId', type: 'text', notNull: true },
    gateway: { path: 'gateway', type: 'text', notNull: true },
    business_service: { path: 'businessService', type: 'text', notNull: true },
    consumer_code: { path: 'consumerCode', type: 'text', notNull: true },
    bill_id: { path: 'billId', type: 'text', notNull: true },
    txn_amount: { path: 'txnAmount', type: 'money', notNull: true },
    status: { path: 'status', type: 'text', notNull: true },
    gateway_txn_id: { path: 'gatewayTxnId', type: 'text' },
    gateway_status: { path: 'gatewayStatus', type: 'text' },
    payment_id: { path: 'paymentId', type: 'text' },
    receipt_number: { path: 'receiptNumber', type: 'text' },
    payer: { path: 'payer', type: 'json' },
    callback_url: { path: 'callbackUrl', type: 'text' },
    product_info: { path: 'productInfo', type: 'text' },
    error: { path: 'error', type: 'text' },
    ...auditColumns,
  },
  indexes: [
    { name: 'seva_pg_transaction_consumer_idx', expressions: ['tenant_id', 'consumer_code'] },
    { name: 'seva_pg_transaction_payment_ukey', expressions: ['payment_id'], unique: true },
  ],
});
