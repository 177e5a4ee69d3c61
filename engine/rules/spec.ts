/**
 * The smallest shape of a rule set this module runs. The rule-set definition kind's files meet it
 * (the kind's generated types are checked against it where boot hands them over), so the rules
 * engine does not depend on the definitions module, which uses it to check rules.
 */
export interface RuleSetSpec {
  rules: string;
  let?: Record<string, unknown>;
  result: unknown;
  examples?: RuleExampleSpec[];
}

export interface RuleExampleSpec {
  name: string;
  now?: string;
  masters?: Record<string, Record<string, Record<string, unknown>[]>>;
  input: Record<string, unknown>;
  expect?: unknown;
  expectError?: string;
}
