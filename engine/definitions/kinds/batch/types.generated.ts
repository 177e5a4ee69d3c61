// Generated from ./schema.ts by `npm run schemas`: edit the schema, not this file.

/**
 * A demand for each record of a service that matches, run for one tenant at a time: at most one run per tenant and run key at once, resumable, recorded with its counts. Served at its path and usable from a job.
 */
export interface BatchDefinition {
  batch: string;
  description?: string;
  /**
   * POST route that starts a run, e.g. /asset-calculator/v1/_bulkDemand.
   */
  path: string;
  roles: string[];
  /**
   * JSON Schema of the request's fields (tenantId is required and added if missing).
   */
  params: {
    [k: string]: unknown;
  };
  /**
   * Named rules over {params, now, tenantId}, evaluated once per run, in order.
   */
  let?: {
    [k: string]: unknown;
  };
  /**
   * Rules the request must meet, else it is refused with the code and field.
   */
  checks?: {
    rule: unknown;
    code: string;
    message: string;
    field?: string;
  }[];
  /**
   * Rule giving what makes runs the same (with the tenant): one such run at a time. Default: the whole request.
   */
  runKey?: unknown;
  over: {
    service: string;
    /**
     * Field → value (a rule) the records must have.
     */
    where?: {
      [k: string]: unknown;
    };
    /**
     * The record's field that is its consumer code.
     */
    consumerCode: string;
  };
  /**
   * Records per transaction (default 500).
   */
  batchSize?: number;
  demand: BatchDemandDefinition;
}
/**
 * The demand for each record, over {entity, params, <let names>, now, tenantId}. consumerType and the period are evaluated once per run; a record whose consumer already has an ACTIVE demand of that type and period is skipped.
 */
export interface BatchDemandDefinition {
  /**
   * A BillingService.BusinessService code.
   */
  businessService: string;
  consumerType?: unknown;
  consumerCode?: unknown;
  payer?: unknown;
  taxPeriodFrom: unknown;
  taxPeriodTo: unknown;
  minimumAmountPayable?: unknown;
  additionalDetails?: unknown;
  /**
   * The demand details: a list of {taxHeadCode, amount} (rules allowed); {rules, input} naming a rule set whose result is that list; or {each, taxHeadCode, amount}: one line per item of a list in the data (each), its rules reading the item as item. Details of 0 are left out; a demand left with none is not written.
   */
  details:
    | {
        taxHeadCode: unknown;
        amount: unknown;
      }[]
    | {
        rules: string;
        input?: {
          [k: string]: unknown;
        };
      }
    | {
        each: unknown;
        taxHeadCode: unknown;
        amount: unknown;
      };
}
