// Generated from ./schema.ts by `npm run schemas`: edit the schema, not this file.

/**
 * A narrow look-up open without the roles (DIGIT's mixed mode: the bill or receipt an SMS links to). A caller without a token, or without the roles, who names every criterion of one set (one value each) gets the answer with the masked fields starred; a caller with the roles gets it whole.
 */
export type AnonymousLookUpDefinition = import('../access/index.ts').AnonymousLookUpDefinition;

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
  estimate?: AdjustmentEstimate;
}
/**
 * Served at path: what the adjustment would add now for the consumers named (tenantId and consumerCodes, or consumerCode), nothing saved. The answer is their ACTIVE demands with the estimated line added to each demand it would adjust, and `total`: the head's amount still owed over them, estimate included (a late-payment penalty's preview, say).
 */
export interface AdjustmentEstimate {
  path: string;
  roles: string[];
  anonymous?: AnonymousLookUpDefinition;
  /**
   * Added to details.input for the estimate (e.g. {estimate: true}, for a rule set that then does not wait).
   */
  input?: {
    [k: string]: unknown;
  };
  /**
   * Name of the answer field holding the total.
   */
  total: string;
}
