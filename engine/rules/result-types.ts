import jsonLogic from 'json-logic-js';
import { ruleOperations } from './rules.ts';

export type RuleResultType = 'string' | 'number' | 'boolean' | 'array';

/**
 * The JSON type each operation always answers with, for those that have one. What a template
 * answers can then be described without running it (an API's published response schema).
 */
const RESULT_TYPES: Record<string, RuleResultType> = {
  cat: 'string',
  substr: 'string',
  date_format: 'string',
  fiscal_year: 'string',
  '+': 'number',
  '-': 'number',
  '*': 'number',
  '/': 'number',
  '%': 'number',
  max: 'number',
  min: 'number',
  sum: 'number',
  difference: 'number',
  product: 'number',
  quotient: 'number',
  percent: 'number',
  round: 'number',
  tiered: 'number',
  parse_date: 'number',
  days_between: 'number',
  month_start: 'number',
  month_end: 'number',
  '==': 'boolean',
  '===': 'boolean',
  '!=': 'boolean',
  '!==': 'boolean',
  '!': 'boolean',
  '!!': 'boolean',
  '>': 'boolean',
  '>=': 'boolean',
  '<': 'boolean',
  '<=': 'boolean',
  in: 'boolean',
  all: 'boolean',
  none: 'boolean',
  some: 'boolean',
  map: 'array',
  filter: 'array',
  merge: 'array',
  missing: 'array',
  missing_some: 'array',
};

/** The operation of a value that is a rule (an object whose one key is a known operation), else undefined. */
export function ruleOperationOf(value: unknown): string | undefined {
  if (!jsonLogic.is_logic(value)) return undefined;
  const op = jsonLogic.get_operator(value as Record<string, unknown>);
  return ruleOperations.has(op) ? op : undefined;
}

/** The JSON type a rule answers, when its operation always answers the same type. */
export function ruleResultType(rule: unknown): RuleResultType | undefined {
  const op = ruleOperationOf(rule);
  return op === undefined ? undefined : RESULT_TYPES[op];
}
