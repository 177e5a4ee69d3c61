import type { JsonSchema } from '../../kind.ts';
import { buckets, roles } from '../schema-parts.ts';

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
    openLinesOnly: {
      type: 'boolean',
      description:
        "Read only lines still open (tax ≠ collected), and only demands with one: the current demand is then the latest still owing or owed, as DIGIT's _getAggregateDemandDetails reads demands (default false: every line of every ACTIVE demand).",
    },
    buckets,
    result: {
      description:
        'The response: a value whose parts may be rules over the buckets (each by its name, and all as buckets), current (the current demand or null: id, consumerType, taxPeriodFrom, taxPeriodTo, createdTime, lines by head with createdTime, taxAmount, collectionAmount), latest (the latest ACTIVE demand of the current types, settled or not, the same way), demands (those read, latest period first, as DIGIT clients read demands), consumerCode, tenantId and now.',
    },
    rules: { type: 'string', description: 'Instead of result: a rule set (rules/) whose input is what result reads, and whose result is the response; its examples are tested with `seva test`.' },
  },
};
