import type { JsonSchema } from '../../kind.ts';

export const jobSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://seva.dev/schemas/job.schema.json',
  title: 'Job definition',
  description: 'Work the engine runs on a cron schedule; one process runs a given job at a time.',
  type: 'object',
  additionalProperties: false,
  required: ['job', 'schedule'],
  properties: {
    job: { type: 'string', pattern: '^[a-z][a-z0-9-]*$', description: 'Unique name, used by `seva jobs run <name>`.' },
    description: { type: 'string' },
    schedule: { type: 'string', description: 'Cron expression: minute hour day-of-month month day-of-week (an optional leading seconds field).' },
    timeZone: { type: 'string', description: "IANA time zone of the schedule (default: the engine's, Asia/Kolkata)." },
    enabled: { type: 'boolean', description: 'false keeps the job out of the schedule; it can still be run by hand.' },
    escalate: {
      type: 'object',
      additionalProperties: false,
      description: 'Apply the escalation rules of workflows to applications past their SLA.',
      properties: { workflows: { type: 'array', items: { type: 'string' }, minItems: 1, description: 'Default: every workflow with escalations.' } },
    },
    adjust: {
      type: 'object',
      additionalProperties: false,
      required: ['adjustment'],
      description: 'Apply a demand adjustment (adjustments/) to the unpaid demands of every GP.',
      properties: { adjustment: { type: 'string' } },
    },
    request: {
      type: 'object',
      additionalProperties: false,
      required: ['path', 'tenants', 'body'],
      description: "Call one of the engine's own POST routes as the SYSTEM user, once per tenant (a bulk operation, say).",
      properties: {
        path: { type: 'string', pattern: '^/' },
        tenants: { anyOf: [{ enum: ['gps', 'states'] }, { type: 'array', items: { type: 'string' }, minItems: 1 }] },
        body: { type: 'object', description: 'Request body; values may be json-logic over {tenantId, now}. RequestInfo is added.' },
      },
    },
  },
  oneOf: [{ required: ['escalate'] }, { required: ['request'] }, { required: ['adjust'] }],
};
