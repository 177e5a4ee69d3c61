// Generated from ./schema.ts by `npm run schemas`: edit the schema, not this file.

/**
 * A head added once to unpaid demands of a business service, its amount from a rule set (a late-payment penalty, say). Run by a job over every GP, and, with beforeBill, for a consumer just before its bill is made.
 */
export interface AdjustmentDefinition {
  adjustment: string;
  description?: string;
  businessService: string;
  /**
   * Only demands of these consumer types (default all).
   */
  consumerTypes?: string[];
  /**
   * Only each consumer's latest demand (default false: every unpaid demand).
   */
  latestOnly?: boolean;
  /**
   * The tax head added; a demand that has it already is left alone, so reruns add nothing.
   */
  once: string;
  /**
   * Sums of heads over the consumer's ACTIVE demands of the business service, the current one being the demand adjusted; the input reads them as buckets.<name>.
   */
  buckets?: {
    [k: string]: {
      /**
       * The current demand, the other ACTIVE demands of the consumer, or all of them.
       */
      of: 'current' | 'earlier' | 'all';
      heads: string[];
      /**
       * Sum of taxAmount, collectionAmount, or their difference; or count: how many demands have a line of these heads still open (tax ≠ collected).
       */
      measure: 'tax' | 'collected' | 'outstanding' | 'count';
      /**
       * Report the sum with its sign turned.
       */
      negate?: boolean;
    };
  };
  details: {
    /**
     * Rule set whose result is a list of {taxHeadCode, amount}; amounts of 0 add nothing.
     */
    rules: string;
    /**
     * Its input: rules over {demand: {tenantId, consumerCode, consumerType, taxPeriodFrom, taxPeriodTo, createdTime, outstanding}, consumer: {outstanding}, buckets, now, tenantId}.
     */
    input?: {
      [k: string]: unknown;
    };
  };
  /**
   * Also run for a consumer each time its bill is made (it joins the business service's bill writes before the bill is made).
   */
  beforeBill?: boolean;
}
