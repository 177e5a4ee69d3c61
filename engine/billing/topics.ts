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
