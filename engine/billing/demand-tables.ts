import { auditColumns, engineChild, engineTable } from '../persister/index.ts';
import type { Demand, DemandDetail, DemandVersion } from './demand.ts';

/** What a consumer owes for a period under a business service, with a row per head (its details). */
export const demandTable = engineTable<Demand>({
  table: 'seva_demand',
  primaryKey: 'id',
  tenantColumn: 'tenant_id',
  columns: {
    id: { path: 'id', type: 'text', notNull: true },
    tenant_id: { path: 'tenantId', type: 'text', notNull: true },
    consumer_code: { path: 'consumerCode', type: 'text', notNull: true },
    consumer_type: { path: 'consumerType', type: 'text', notNull: true },
    business_service: { path: 'businessService', type: 'text', notNull: true },
    payer: { path: 'payer', type: 'json' },
    tax_period_from: { path: 'taxPeriodFrom', type: 'bigint', notNull: true },
    tax_period_to: { path: 'taxPeriodTo', type: 'bigint', notNull: true },
    bill_expiry_time: { path: 'billExpiryTime', type: 'bigint' },
    minimum_amount_payable: { path: 'minimumAmountPayable', type: 'money', notNull: true },
    status: { path: 'status', type: 'text', notNull: true },
    is_payment_completed: { path: 'isPaymentCompleted', type: 'boolean', notNull: true },
    additional_details: { path: 'additionalDetails', type: 'json' },
    version: { path: 'version', type: 'integer', notNull: true },
    ...auditColumns,
  },
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
  children: [
    engineChild<Demand, DemandDetail>({
      table: 'seva_demand_detail',
      path: 'demandDetails',
      primaryKey: 'id',
      parentColumn: 'demand_id',
      columns: {
        id: { path: 'id', type: 'text', notNull: true },
        demand_id: { path: 'demandId', type: 'text', notNull: true },
        tenant_id: { path: 'tenantId', type: 'text', notNull: true },
        tax_head_code: { path: 'taxHeadMasterCode', type: 'text', notNull: true },
        tax_amount: { path: 'taxAmount', type: 'money', notNull: true },
        collection_amount: { path: 'collectionAmount', type: 'money', notNull: true },
        additional_details: { path: 'additionalDetails', type: 'json' },
        seq: { position: true, notNull: true },
        // The demand's, repeated: dashboards and reports select heads by them without joining the demand.
        consumer_code: { parent: 'consumerCode', type: 'text' },
        business_service: { parent: 'businessService', type: 'text' },
        tax_period_from: { parent: 'taxPeriodFrom', type: 'bigint' },
        tax_period_to: { parent: 'taxPeriodTo', type: 'bigint' },
        demand_status: { parent: 'status', type: 'text' },
        ...auditColumns,
      },
      indexes: [
        { name: 'seva_demand_detail_demand_idx', expressions: ['demand_id'] },
        { name: 'seva_demand_detail_period_idx', expressions: ['tenant_id', 'business_service', 'tax_period_from'] },
        { name: 'seva_demand_detail_consumer_idx', expressions: ['tenant_id', 'consumer_code', 'business_service'] },
        // Empty once start-up has filled heads written before the demand's fields were repeated on them.
        { name: 'seva_demand_detail_unfilled_idx', expressions: ['demand_id'], where: 'demand_status IS NULL' },
      ],
    }),
  ],
});

/** Every version of every demand, with who changed it, when and why. */
export const demandVersionTable = engineTable<DemandVersion>({
  table: 'seva_demand_history',
  primaryKey: 'id',
  tenantColumn: 'tenant_id',
  columns: {
    id: { path: 'id', type: 'text', notNull: true },
    demand_id: { path: 'demandId', type: 'text', notNull: true },
    tenant_id: { path: 'tenantId', type: 'text', notNull: true },
    version: { path: 'version', type: 'integer', notNull: true },
    reason: { path: 'reason', type: 'text', notNull: true },
    snapshot: { path: 'snapshot', type: 'json', notNull: true },
    changed_by: { path: 'changedBy', type: 'text', notNull: true },
    changed_time: { path: 'changedTime', type: 'bigint', notNull: true },
  },
  indexes: [{ name: 'seva_demand_history_demand_version_ukey', expressions: ['demand_id', 'version'], unique: true }],
});
