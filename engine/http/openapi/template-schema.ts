import type { JsonSchema } from '../../definitions/index.ts';
import { ruleOperationOf, ruleResultType } from '../../rules/index.ts';

/**
 * What a template (a JSON value whose parts may be rules, as definitions shape answers) answers,
 * as a JSON Schema: literal parts as written, each rule by the type its operation answers, and a
 * `{var}` by what `vars` knows of that variable (else any value).
 */
export function templateSchema(template: unknown, vars: (path: string) => JsonSchema | undefined = () => undefined): JsonSchema {
  const op = ruleOperationOf(template);
  if (op === 'var') {
    const arg = (template as { var: unknown }).var;
    const path = Array.isArray(arg) ? arg[0] : arg;
    return (typeof path === 'string' && vars(path)) || {};
  }
  if (op !== undefined) {
    const type = ruleResultType(template);
    return type ? { type } : {};
  }
  if (template === null) return { type: 'null' };
  if (Array.isArray(template)) {
    const items = template.map((t) => templateSchema(t, vars));
    const same = items.every((s) => JSON.stringify(s) === JSON.stringify(items[0]));
    return { type: 'array', ...(items.length > 0 ? { items: same ? items[0]! : { anyOf: items } } : {}) };
  }
  if (typeof template === 'object') {
    const entries = Object.entries(template as Record<string, unknown>);
    return { type: 'object', properties: Object.fromEntries(entries.map(([k, v]) => [k, templateSchema(v, vars)])), required: entries.map(([k]) => k) };
  }
  if (typeof template === 'number') return { type: Number.isInteger(template) ? 'integer' : 'number' };
  return { type: typeof template as 'string' | 'boolean' };
}

