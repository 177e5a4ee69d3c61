import type { JsonSchema } from '../../kind.ts';
import { anonymousLookup, buckets, roles } from '../schema-parts.ts';

export const adjustmentSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://seva.dev/schemas/adjustment.schema.json',
  title: 'Adjustment definition',
  description:
    "A head added once to unpaid demands of a business service, its amount from a rule set (a late-payment penalty, say). Run by a job over every GP, and, with beforeBill, for a consumer just before its bill is made.",
  type: 'object',
  additionalProperties: false,
  required: ['adjustment', 'businessService', 'once', 'details'],
  properties: {
    adjustment: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
    description: { type: 'string' },
    businessService: { type: 'string' },
    consumerTypes: { type: 'array', items: { type: 'string' }, minItems: 1, description: 'Only demands of these consumer types (default all).' },
    latestOnly: { type: 'boolean', description: "Only each consumer's latest demand (default false: every unpaid demand)." },
    once: { type: 'string', description: 'The tax head added; a demand that has it already is left alone, so reruns add nothing.' },
    buckets: { ...buckets, description: "Sums of heads over the consumer's ACTIVE demands of the business service, the current one being the demand adjusted; the input reads them as buckets.<name>." },
    details: {
      type: 'object',
      additionalProperties: false,
      required: ['rules'],
      properties: {
        rules: { type: 'string', description: 'Rule set whose result is a list of {taxHeadCode, amount}; amounts of 0 add nothing.' },
        input: { type: 'object', description: 'Its input: rules over {demand: {tenantId, consumerCode, consumerType, taxPeriodFrom, taxPeriodTo, createdTime, outstanding}, consumer: {outstanding}, buckets, now, tenantId}.' },
      },
    },
    beforeBill: { type: 'boolean', description: "Also run for a consumer each time its bill is made (it joins the business service's bill writes before the bill is made)." },
    estimate: {
      title: 'Adjustment estimate',
      type: 'object',
      additionalProperties: false,
      required: ['path', 'roles', 'total'],
      description:
        "Served at path: what the adjustment would add now for the consumers named (tenantId and consumerCodes, or consumerCode), nothing saved. The answer is their ACTIVE demands with the estimated line added to each demand it would adjust, and `total`: the head's amount still owed over them, estimate included (a late-payment penalty's preview, say).",
      properties: {
        path: { type: 'string', pattern: '^(/[A-Za-z0-9_.-]+)+$' },
        roles,
        // The access kind's type, not a second copy of it.
        anonymous: { ...anonymousLookup, tsType: "import('../access/index.ts').AnonymousLookUpDefinition" },
        input: { type: 'object', description: "Added to details.input for the estimate (e.g. {estimate: true}, for a rule set that then does not wait)." },
        total: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$', description: 'Name of the answer field holding the total.' },
      },
    },
  },
};
