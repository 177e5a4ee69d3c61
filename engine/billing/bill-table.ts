import { Money, moneyToColumn } from '../money/index.ts';
import { auditColumns, engineTable, type ValueCodec } from '../persister/index.ts';
import type { Bill, BillDetail } from './bills.ts';

type Json = Record<string, any>;

/** A bill's details are kept as JSON; their amounts go in as exact decimal text and come back as Money. */
const billDetailsCodec: ValueCodec = {
  toColumn: (details) =>
    (details as BillDetail[]).map((d) => ({
      ...d,
      amount: moneyToColumn(d.amount),
      amountPaid: moneyToColumn(d.amountPaid),
      accounts: d.accounts.map((a) => ({ ...a, amount: moneyToColumn(a.amount), adjustedAmount: moneyToColumn(a.adjustedAmount) })),
    })),
  fromColumn: (details) =>
    (details as Json[]).map((d) => ({
      ...d,
      amount: new Money(d.amount),
      amountPaid: new Money(d.amountPaid),
      accounts: (d.accounts as Json[]).map((a) => ({ ...a, amount: new Money(a.amount), adjustedAmount: new Money(a.adjustedAmount) })),
    })),
};

/** A bill: what a consumer is asked to pay now, built from the ACTIVE demands; one ACTIVE bill each. */
export const billTable = engineTable<Bill>({
  table: 'seva_bill',
  primaryKey: 'id',
  tenantColumn: 'tenant_id',
  columns: {
    id: { path: 'id', type: 'text', notNull: true },
    tenant_id: { path: 'tenantId', type: 'text', notNull: true },
    bill_number: { path: 'billNumber', type: 'text', notNull: true },
    consumer_code: { path: 'consumerCode', type: 'text', notNull: true },
    business_service: { path: 'businessService', type: 'text', notNull: true },
    status: { path: 'status', type: 'text', notNull: true },
    payer: { path: 'payer', type: 'json' },
    total_amount: { path: 'totalAmount', type: 'money', notNull: true },
    amount_paid: { path: 'amountPaid', type: 'money', notNull: true },
    minimum_amount_payable: { path: 'minimumAmountPayable', type: 'money', notNull: true },
    bill_date: { path: 'billDate', type: 'bigint', notNull: true },
    expiry_date: { path: 'expiryDate', type: 'bigint', notNull: true },
    // The demands (id and version) the bill was built from: if any has changed, the bill is stale.
    demand_versions: { path: 'demandVersions', type: 'json', notNull: true },
    bill_details: { path: 'billDetails', type: 'json', notNull: true, codec: billDetailsCodec },
    ...auditColumns,
  },
  indexes: [
    { name: 'seva_bill_active_consumer_ukey', expressions: ['tenant_id', 'consumer_code', 'business_service'], unique: true, where: "status = 'ACTIVE'" },
    { name: 'seva_bill_consumer_idx', expressions: ['tenant_id', 'consumer_code'] },
  ],
});
