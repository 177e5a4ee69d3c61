import type { AggregateDefinition, AggregateMeasureDefinition, AggregateParamDefinition, JsonSchema } from '../../definitions/index.ts';
import { criteria, pageParams, ref, type RouteDoc } from '../openapi/route-doc.ts';
import { knownVars, templateAnswer, templateSchema } from '../openapi/template-schema.ts';

/** A parameter as a client sends it (query string text, or JSON). */
function paramSchema(p: AggregateParamDefinition): JsonSchema {
  const numeric = (type: string) => ({ anyOf: [{ type }, { type: 'string', pattern: '^-?[0-9]+(\\.[0-9]+)?$' }] });
  switch (p.type) {
    case 'integer':
    case 'number':
      return numeric(p.type);
    case 'boolean':
      return { anyOf: [{ type: 'boolean' }, { enum: ['true', 'false'] }] };
    case 'date':
      return { anyOf: [{ type: 'integer' }, { type: 'string', pattern: '^([0-9]+|[0-3][0-9]/[01][0-9]/[0-9]{4})$' }], description: `Epoch milliseconds or dd/MM/yyyy${p.endOfDay ? ' (a date means the end of that day)' : ''}.` };
    case 'list':
      return { anyOf: [{ type: 'array', items: { type: 'string' } }, { type: 'string' }], description: 'Repeated, or comma-separated.' };
    default:
      return { type: 'string' };
  }
}

/** What a measure answers: a count, a sum (0 when nothing matches), its records (items), or per value of groupBy. */
function measureSchema(m: AggregateMeasureDefinition): JsonSchema {
  const records: JsonSchema = { type: 'array', items: { type: 'object', properties: Object.fromEntries(Object.keys(m.items ?? {}).map((key) => [key, {}])) } };
  const one: JsonSchema = m.count !== undefined || m.countDistinct !== undefined ? { type: 'integer' } : m.sum !== undefined ? { type: 'number' } : m.items !== undefined ? records : {};
  return m.groupBy ? { type: 'object', additionalProperties: one } : one;
}

/** A paged answer states its page (unless its result template already has a Pagination). */
function withPagination(answer: JsonSchema): JsonSchema {
  const props = answer.properties as Record<string, JsonSchema>;
  if ('Pagination' in props) return answer;
  return { ...answer, properties: { ...props, Pagination: ref('Pagination') }, required: [...(answer.required as string[]), 'Pagination'] };
}

/** The contract of an aggregate's route, from its definition: its parameters and the shape of its result template. */
export function aggregateDoc(def: AggregateDefinition): RouteDoc {
  const params = Object.fromEntries(Object.entries(def.params ?? {}).map(([name, p]) => [name, paramSchema(p)]));
  const page = def.rows?.page;
  const paged = page ? pageParams({ defaultLimit: page.defaultLimit ?? Math.min(100, page.maxLimit ?? 1000), maxLimit: page.maxLimit ?? 1000, allLimit: page.allLimit }) : {};
  const required = ['tenantId', ...Object.entries(def.params ?? {}).filter(([, p]) => p.required && p.default === undefined).map(([name]) => name)];
  const measures = Object.fromEntries(Object.entries(def.measures).map(([name, m]) => [name, measureSchema(m)]));
  const paramValues = { type: 'object', properties: Object.fromEntries(Object.keys(def.params ?? {}).map((name) => [name, {}])) };
  let rows: JsonSchema = { type: 'array' };
  if (def.rows) {
    const fields = 'months' in def.rows ? { type: 'object', properties: { monthStart: { type: 'integer' }, monthEnd: { type: 'integer' } } } : { type: 'object' };
    const rowVars: Record<string, JsonSchema> = { row: fields, params: paramValues, tenantId: { type: 'string' }, now: { type: 'integer' }, ...measures };
    for (const [name, rule] of Object.entries(def.rowLet ?? {})) rowVars[name] = templateSchema(rule, knownVars(rowVars));
    const row = def.row === undefined ? { type: 'object' } : templateSchema(def.row, knownVars(rowVars));
    rows = { type: 'array', items: row };
  }
  const result = templateSchema(def.result, knownVars({ ...measures, rows, totalCount: { type: 'integer' }, params: paramValues, tenantId: { type: 'string' }, now: { type: 'integer' } }));
  return {
    summary: def.description ?? def.aggregate,
    description: `Figures of the aggregate ${def.aggregate} (aggregates/), for the tenant asked (a state's figures cover its GPs). Parameters come in the query string or the body.`,
    ...criteria({ tenantId: { type: 'string' }, ...params, ...paged }, required),
    response: page ? withPagination(templateAnswer(result)) : templateAnswer(result),
  };
}
