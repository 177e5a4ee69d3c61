import type { BillingService } from './masters.ts';
import { billJson, type Bill } from './bills.ts';
import { demandJson, type Demand } from './demand.ts';
import { paymentJson, type Payment } from './payments.ts';
import type { DomainEvent } from '../events/index.ts';

/**
 * Topics of the billing facts, named as DIGIT's billing and collection services name their Kafka
 * topics where they have one. Every version of a demand is a fact; a bill is generated or expired.
 */
export const BILLING_TOPICS = {
  demandCreated: 'save-demand',
  demandUpdated: 'update-demand',
  demandCancelled: 'cancel-demand',
  billGenerated: 'save-bill',
  billExpired: 'expire-bill',
  paymentCreated: 'egov.collection.payment-create',
  paymentCancelled: 'egov.collection.payment-cancel',
} as const;

export function demandEvent(d: Demand, reason: string, isNew: boolean): DomainEvent {
  const topic = isNew ? BILLING_TOPICS.demandCreated : reason === 'cancelled' ? BILLING_TOPICS.demandCancelled : BILLING_TOPICS.demandUpdated;
  return { topic, key: d.id, tenantId: d.tenantId, payload: { Demand: demandJson(d), reason } };
}

export function billEvent(topic: typeof BILLING_TOPICS.billGenerated | typeof BILLING_TOPICS.billExpired, b: Bill, service: BillingService | undefined): DomainEvent {
  return { topic, key: b.id, tenantId: b.tenantId, payload: { Bill: billJson(b, service) } };
}

export function paymentEvent(topic: typeof BILLING_TOPICS.paymentCreated | typeof BILLING_TOPICS.paymentCancelled, p: Payment): DomainEvent {
  return { topic, key: p.id, tenantId: p.tenantId, payload: { Payment: paymentJson(p) } };
}
