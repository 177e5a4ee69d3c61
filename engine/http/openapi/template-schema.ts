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


/** Looks a dotted variable path up in the schemas of known variables, descending into objects and lists. */
export function knownVars(known: Record<string, JsonSchema>): (path: string) => JsonSchema | undefined {
  return (path) => {
    const [first, ...rest] = path.split('.');
    let schema: JsonSchema | undefined = known[first!];
    for (const segment of rest) {
      if (!schema) return undefined;
      const props = schema.properties as Record<string, JsonSchema> | undefined;
      if (props && segment in props) schema = props[segment];
      else if (schema.type === 'array' && /^\d+$/.test(segment)) schema = schema.items as JsonSchema | undefined;
      else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') schema = schema.additionalProperties as JsonSchema;
      else return undefined;
    }
    return schema;
  };
}

/** A route's answer: `{ResponseInfo}` and the properties of what the template answers. */
export function templateAnswer(schema: JsonSchema): JsonSchema {
  const props = (schema.properties as Record<string, JsonSchema> | undefined) ?? {};
  return {
    type: 'object',
    properties: { ResponseInfo: { $ref: '#/components/schemas/ResponseInfo' }, ...props },
    required: ['ResponseInfo', ...((schema.required as string[] | undefined) ?? [])],
  };
}
