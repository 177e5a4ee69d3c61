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
  /**
   * Read only lines still open (tax ≠ collected), and only demands with one: the current demand is then the latest still owing or owed, as DIGIT's _getAggregateDemandDetails reads demands (default false: every line of every ACTIVE demand).
   */
  openLinesOnly?: boolean;
  buckets: {
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
  /**
   * The response: a value whose parts may be rules over the buckets (each by its name, and all as buckets), current (the current demand or null: id, consumerType, taxPeriodFrom, taxPeriodTo, createdTime, lines by head with createdTime, taxAmount, collectionAmount), latest (the latest ACTIVE demand of the current types, settled or not, the same way), demands (those read, latest period first, as DIGIT clients read demands), consumerCode, tenantId and now.
   */
  result?: unknown;
  /**
   * Instead of result: a rule set (rules/) whose input is what result reads, and whose result is the response; its examples are tested with `seva test`.
   */
  rules?: string;
}
