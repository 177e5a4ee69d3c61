import type { JsonSchema } from '../../kind.ts';
import { demandEffect, fieldPath, roles } from '../schema-parts.ts';

export const batchSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://seva.dev/schemas/batch.schema.json',
  title: 'Batch definition',
  description:
    "A demand for each record of a service that matches, run for one tenant at a time: at most one run per tenant and run key at once, resumable, recorded with its counts. Served at its path and usable from a job.",
  type: 'object',
  additionalProperties: false,
  required: ['batch', 'path', 'roles', 'params', 'over', 'demand'],
  properties: {
    batch: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
    description: { type: 'string' },
    path: { type: 'string', pattern: '^(/[A-Za-z0-9_.-]+)+$', description: 'POST route that starts a run, e.g. /asset-calculator/v1/_bulkDemand.' },
    roles,
    params: { type: 'object', description: "JSON Schema of the request's fields (tenantId is required and added if missing)." },
    let: { type: 'object', propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_]*$' }, description: 'Named rules over {params, now, tenantId}, evaluated once per run, in order.' },
    checks: {
      type: 'array',
      description: 'Rules the request must meet, else it is refused with the code and field.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['rule', 'code', 'message'],
        properties: { rule: {}, code: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$' }, message: { type: 'string' }, field: { type: 'string' } },
      },
    },
    runKey: { description: 'Rule giving what makes runs the same (with the tenant): one such run at a time. Default: the whole request.' },
    over: {
      type: 'object',
      additionalProperties: false,
      required: ['service', 'consumerCode'],
      properties: {
        service: { type: 'string' },
        where: { type: 'object', description: 'Field → value (a rule) the records must have.' },
        consumerCode: { ...fieldPath, description: "The record's field that is its consumer code." },
      },
    },
    batchSize: { type: 'integer', minimum: 1, maximum: 5000, description: 'Records per transaction (default 500).' },
    demand: {
      ...demandEffect,
      title: 'Batch demand definition',
      properties: { ...withoutField(demandEffect.properties), businessService: { type: 'string', description: 'A BillingService.BusinessService code.' } },
      description:
        "The demand for each record, over {entity, params, <let names>, now, tenantId}. consumerType and the period are evaluated once per run; a record whose consumer already has an ACTIVE demand of that type and period is skipped.",
      required: ['businessService', 'taxPeriodFrom', 'taxPeriodTo', 'details'],
    },
  },
};

function withoutField<T extends { field?: unknown }>(properties: T): Omit<T, 'field'> {
  const { field: _field, ...rest } = properties;
  return rest;
}
