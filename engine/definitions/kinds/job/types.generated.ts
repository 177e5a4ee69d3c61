// Generated from ./schema.ts by `npm run schemas`: edit the schema, not this file.

/**
 * Work the engine runs on a cron schedule; one process runs a given job at a time.
 */
export interface JobDefinition {
  /**
   * Unique name, used by `seva jobs run <name>`.
   */
  job: string;
  description?: string;
  /**
   * Cron expression: minute hour day-of-month month day-of-week (an optional leading seconds field).
   */
  schedule: string;
  /**
   * IANA time zone of the schedule (default: the engine's, Asia/Kolkata).
   */
  timeZone?: string;
  /**
   * false keeps the job out of the schedule; it can still be run by hand.
   */
  enabled?: boolean;
  /**
   * Apply the escalation rules of workflows to applications past their SLA.
   */
  escalate?: {
    /**
     * Default: every workflow with escalations.
     */
    workflows?: string[];
  };
  /**
   * Apply a demand adjustment (adjustments/) to the unpaid demands of every GP.
   */
  adjust?: {
    adjustment: string;
  };
  /**
   * Call one of the engine's own POST routes as the SYSTEM user, once per tenant (a bulk operation, say).
   */
  request?: {
    path: string;
    tenants: ('gps' | 'states') | string[];
    /**
     * Request body; values may be json-logic over {tenantId, now}. RequestInfo is added.
     */
    body: {
      [k: string]: unknown;
    };
  };
}
