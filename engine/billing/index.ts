export { BillingEngine, type BillingDeps } from './engine.ts';
export { demandJson, outstandingOf, type Demand, type DemandDetail } from './demand.ts';
export { BillingMasters, BUSINESS_SERVICE_MASTER, TAX_HEAD_MASTER, TAX_PERIOD_MASTER, type BillingService, type TaxHead } from './masters.ts';
export { billTable, demandDetailTable, demandHistoryTable, demandTable, gatewayTransactionTable, paymentDetailTable, paymentTable } from './tables.ts';
export { billJson, type Bill, type BillTarget, type RecomputeStep } from './bills.ts';
export { paymentJson, PAYMENT_CANCELLED_TOPIC, PAYMENT_CREATED_TOPIC, PAYMENT_MODES, type Payment } from './payments.ts';
export { signCallback } from './gateway.ts';
export type { GatewayTransaction } from './transactions.ts';
export { CONSUMER_FIGURES, consumerFigureSql, type ConsumerFigure } from './figures.ts';
