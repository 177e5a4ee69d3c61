import type { JsonSchema } from '../../kind.ts';
import { roles } from '../schema-parts.ts';

export const summarySchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://seva.dev/schemas/summary.schema.json',
  title: 'Summary definition',
  description:
    "What one consumer owes, as sums of tax heads over its ACTIVE demands (its current demand, the earlier ones, or all), shaped into a response by rules. Served at its path for {tenantId, consumerCode}.",
  type: 'object',
  additionalProperties: false,
  required: ['summary', 'path', 'roles', 'businessService', 'buckets'],
  oneOf: [{ required: ['result'] }, { required: ['rules'] }],
  properties: {
    summary: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
    description: { type: 'string' },
    path: { type: 'string', pattern: '^(/[A-Za-z0-9_.-]+)+$' },
    roles,
    businessService: { type: 'string' },
    current: {
      type: 'object',
      additionalProperties: false,
      properties: { consumerTypes: { type: 'array', items: { type: 'string' }, minItems: 1 } },
      description: "Which demand is the current one: the latest (by period) of these consumer types (default any). Every other ACTIVE demand is earlier.",
    },
    buckets: {
      type: 'object',
      minProperties: 1,
      propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['of', 'heads', 'measure'],
        properties: {
          of: { enum: ['current', 'earlier', 'all'] },
          heads: { type: 'array', items: { type: 'string' }, minItems: 1 },
          measure: { enum: ['tax', 'collected', 'outstanding'], description: 'Sum of taxAmount, collectionAmount, or their difference.' },
          negate: { type: 'boolean', description: 'Report the sum with its sign turned (credits such as advance read as positive).' },
        },
      },
    },
    result: { description: 'The response: a value whose parts may be rules over the buckets, current, consumerCode, tenantId and now.' },
    rules: { type: 'string', description: 'Instead of result: a rule set (rules/) whose input is the buckets, current, consumerCode, tenantId and now, and whose result is the response; its examples are tested with `seva test`.' },
  },
};
