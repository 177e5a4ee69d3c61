import type { Mdms } from '../mdms/index.ts';

/** A rule set as the `rule_set` operation calls it. */
export interface CallableRuleSet {
  evaluate(input: Record<string, unknown>, context: RuleContext): unknown;
}

/** What engine operations may read while a rule is evaluated. */
export interface RuleContext {
  mdms?: Mdms;
  /** Time zone of the date operations (IANA name). */
  timeZone: string;
  /** The rule sets `rule_set` may call (a rule set's own collection, set when it runs). */
  ruleSets?: { get(name: string): CallableRuleSet; has(name: string): boolean };
  /** How many `rule_set` calls deep this evaluation is. */
  depth?: number;
}

// json-logic-js keeps operations in one global table, so operations cannot close over a context.
// Evaluation is synchronous, which makes a context set just around `apply` safe to read from them.
let current: RuleContext | undefined;

export function withContext<T>(context: RuleContext, run: () => T): T {
  const previous = current;
  current = context;
  try {
    return run();
  } finally {
    current = previous;
  }
}

export function currentContext(operation: string): RuleContext {
  if (!current) throw new Error(`the '${operation}' operation needs an evaluation context`);
  return current;
}
