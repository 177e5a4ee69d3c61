// Generated from ./schema.ts by `npm run schemas`: edit the schema, not this file.

/**
 * What one consumer owes, as sums of tax heads over its ACTIVE demands (its current demand, the earlier ones, or all), shaped into a response by rules. Served at its path for {tenantId, consumerCode}.
 */
export interface SummaryDefinition {
  summary: string;
  description?: string;
  path: string;
  roles: string[];
  businessService: string;
  /**
   * Which demand is the current one: the latest (by period) of these consumer types (default any). Every other ACTIVE demand is earlier.
   */
  current?: {
    consumerTypes?: string[];
  };
  buckets: {
    [k: string]: {
      of: 'current' | 'earlier' | 'all';
      heads: string[];
      /**
       * Sum of taxAmount, collectionAmount, or their difference.
       */
      measure: 'tax' | 'collected' | 'outstanding';
      /**
       * Report the sum with its sign turned (credits such as advance read as positive).
       */
      negate?: boolean;
    };
  };
  /**
   * The response: a value whose parts may be rules over the buckets, current, consumerCode, tenantId and now.
   */
  result?: unknown;
  /**
   * Instead of result: a rule set (rules/) whose input is the buckets, current, consumerCode, tenantId and now, and whose result is the response; its examples are tested with `seva test`.
   */
  rules?: string;
}
