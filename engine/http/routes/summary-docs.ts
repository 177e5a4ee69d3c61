import type { JsonSchema, SummaryDefinition } from '../../definitions/index.ts';
import type { RuleSets } from '../../rules/index.ts';
import { criteria, type RouteDoc } from '../openapi/route-doc.ts';
import { knownVars, templateAnswer, templateSchema } from '../openapi/template-schema.ts';

/** The contract of a summary's route: `{tenantId, consumerCode}` in, the figures its result (or rule set) shapes out. */
export function summaryDoc(def: SummaryDefinition, rules: RuleSets): RouteDoc {
  const known: Record<string, JsonSchema> = {
    ...Object.fromEntries(Object.keys(def.buckets).map((name) => [name, { type: 'number' }])),
    buckets: { type: 'object', properties: Object.fromEntries(Object.keys(def.buckets).map((name) => [name, { type: 'number' }])) },
    current: { type: ['object', 'null'], description: 'The current demand, if any.' },
    consumerCode: { type: 'string' },
    tenantId: { type: 'string' },
    now: { type: 'integer' },
  };
  let result: unknown = def.result;
  if (def.rules) {
    const set = rules.get(def.rules).definition;
    // A rule set's steps are added to its input in order; later ones may read earlier ones.
    for (const [name, step] of Object.entries(set.let ?? {})) known[name] = templateSchema(step, knownVars(known));
    result = set.result;
  }
  return {
    summary: def.description ?? def.summary,
    description: `What one consumer of ${def.businessService} owes, by the summary ${def.summary} (summaries/)${def.rules ? `, shaped by the rule set ${def.rules}` : ''}.`,
    ...criteria({ tenantId: { type: 'string' }, consumerCode: { type: 'string' } }, ['tenantId', 'consumerCode']),
    response: templateAnswer(templateSchema(result, knownVars(known))),
  };
}
