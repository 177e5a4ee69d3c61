import jsonLogic from 'json-logic-js';
import { BOUNDARY_MASTER } from '../boundary/index.ts';
import { withContext, type RuleContext } from './context.ts';
import { engineOperations } from './operations.ts';

for (const [name, op] of Object.entries(engineOperations)) jsonLogic.add_operation(name, op);

/** json-logic's own operations (json-logic-js 2.x). */
const standardOperations = [
  'var', 'missing', 'missing_some', 'if', '?:', '==', '===', '!=', '!==', '!', '!!', 'or', 'and', '>', '>=', '<', '<=',
  'max', 'min', '+', '-', '*', '/', '%', 'map', 'filter', 'reduce', 'all', 'none', 'some', 'merge', 'in', 'cat', 'substr', 'log',
];

export const ruleOperations: ReadonlySet<string> = new Set([...standardOperations, ...Object.keys(engineOperations)]);

export type Rule = unknown;

/** Evaluates a json-logic rule over `data`. */
export function evaluateRule(rule: Rule, data: unknown, context: RuleContext): unknown {
  return withContext(context, () => jsonLogic.apply(rule as never, data));
}

/** json-logic's truthiness (an empty array is false), as guards read a rule's result. */
export function ruleHolds(rule: Rule, data: unknown, context: RuleContext): boolean {
  return jsonLogic.truthy(evaluateRule(rule, data, context));
}

/**
 * A JSON value whose parts may be rules: every object whose one key is a known operation is
 * replaced by its result, the rest is kept as written (a request body template, say).
 */
export function evaluateTemplate(value: unknown, data: unknown, context: RuleContext): unknown {
  if (jsonLogic.is_logic(value) && ruleOperations.has(jsonLogic.get_operator(value as Record<string, unknown>))) return evaluateRule(value, data, context);
  if (Array.isArray(value)) return value.map((v) => evaluateTemplate(v, data, context));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluateTemplate(v, data, context)]));
  return value;
}

/** Problems with a rule found without running it: operations nobody defined, with the path to each. */
export function ruleProblems(rule: Rule, path: (string | number)[] = []): { path: (string | number)[]; message: string }[] {
  if (Array.isArray(rule)) return rule.flatMap((r, i) => ruleProblems(r, [...path, i]));
  if (!rule || typeof rule !== 'object') return [];
  const keys = Object.keys(rule);
  if (keys.length !== 1) return keys.flatMap((k) => ruleProblems((rule as Record<string, unknown>)[k], [...path, k]));
  const op = keys[0]!;
  const own = ruleOperations.has(op) ? [] : [{ path: [...path, op], message: `unknown rule operation '${op}' (known: ${[...ruleOperations].join(', ')})` }];
  return [...own, ...ruleProblems((rule as Record<string, unknown>)[op], [...path, op])];
}

/** Problems of the rules inside a template (see `evaluateTemplate`); plain data is not checked. */
export function templateProblems(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; message: string }[] {
  if (jsonLogic.is_logic(value) && ruleOperations.has(jsonLogic.get_operator(value as Record<string, unknown>))) return ruleProblems(value, path);
  if (Array.isArray(value)) return value.flatMap((v, i) => templateProblems(v, [...path, i]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => templateProblems(v, [...path, k]));
  return [];
}

/** Operations whose second argument names a master (`module.master`). */
const MASTER_OPERATIONS = new Set(['mdms', 'mdms_one', 'mdms_find']);

/** The masters a rule (or template) names as literals, with the path to each name. */
export function referencedMasters(rule: Rule, path: (string | number)[] = []): { path: (string | number)[]; code: string }[] {
  if (Array.isArray(rule)) return rule.flatMap((r, i) => referencedMasters(r, [...path, i]));
  if (!rule || typeof rule !== 'object') return [];
  const entries = Object.entries(rule as Record<string, unknown>);
  const own: { path: (string | number)[]; code: string }[] = [];
  if (entries.length === 1) {
    const [op, args] = entries[0]!;
    if (MASTER_OPERATIONS.has(op) && Array.isArray(args) && typeof args[1] === 'string') own.push({ path: [...path, op, 1], code: args[1] });
    // `boundaries` reads one master, named by the operation itself.
    if (op === 'boundaries') own.push({ path: [...path, op], code: BOUNDARY_MASTER });
  }
  return [...own, ...entries.flatMap(([k, v]) => referencedMasters(v, [...path, k]))];
}

/** The rule sets a rule names as literals in `rule_set` calls, with the path to each name. */
export function referencedRuleSets(rule: Rule, path: (string | number)[] = []): { path: (string | number)[]; name: string }[] {
  if (Array.isArray(rule)) return rule.flatMap((r, i) => referencedRuleSets(r, [...path, i]));
  if (!rule || typeof rule !== 'object') return [];
  const entries = Object.entries(rule as Record<string, unknown>);
  const own: { path: (string | number)[]; name: string }[] = [];
  if (entries.length === 1) {
    const [op, args] = entries[0]!;
    if (op === 'rule_set' && Array.isArray(args) && typeof args[0] === 'string') own.push({ path: [...path, op, 0], name: args[0] });
  }
  return [...own, ...entries.flatMap(([k, v]) => referencedRuleSets(v, [...path, k]))];
}
