// Generated from ./schema.ts by `npm run schemas`: edit the schema, not this file.

/**
 * Named json-logic rules computing a value (charges, a penalty, a check) from their input and master data, with examples that `seva test` runs.
 */
export interface RuleSetDefinition {
  /**
   * Unique name; services, jobs and other rule users refer to it.
   */
  rules: string;
  description?: string;
  /**
   * Named steps, evaluated in order; each is a json-logic rule, and later steps and the result read it with {"var": name}.
   */
  let?: {
    [k: string]: unknown;
  };
  /**
   * The value of the rule set: a json-logic rule, or a value (object, list) whose parts may be rules.
   */
  result: unknown;
  examples?: RuleExampleDefinition[];
}
export interface RuleExampleDefinition {
  name: string;
  /**
   * The example's time, a local date or date-time in the engine's time zone (default 2026-04-01).
   */
  now?: string;
  /**
   * Master data for this example only, by tenant then `module.master`: replaces the shipped records of those masters.
   */
  masters?: {
    [k: string]: {
      [k: string]: {
        [k: string]: unknown;
      }[];
    };
  };
  /**
   * The data the rules read.
   */
  input: {
    [k: string]: unknown;
  };
  /**
   * The expected result; numbers compare as exact decimals (100 equals "100.00").
   */
  expect?: unknown;
  /**
   * Instead of a result: the error code the rules must fail with.
   */
  expectError?: string;
}
