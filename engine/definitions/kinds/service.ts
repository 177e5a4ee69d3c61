import type { JsonSchema } from '../types.ts';

const name = { type: 'string', pattern: '^[a-z][a-z0-9-]*$' };
const fieldPath = { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$' };
const roles = { type: 'array', items: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$' }, minItems: 1, uniqueItems: true };
const endpoint = {
  type: 'object',
  additionalProperties: false,
  properties: { roles, path: { type: 'string', pattern: '^/[A-Za-z0-9_/-]+$' } },
  required: ['roles'],
};

export const serviceSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://seva.dev/schemas/service.schema.json',
  title: 'Seva service definition',
  description: 'An entity with its DIGIT-style _create/_update/_search endpoints.',
  type: 'object',
  additionalProperties: false,
  required: ['service', 'basePath', 'entity', 'persister', 'search', 'endpoints'],
  properties: {
    service: { ...name, description: 'Unique name of the service.' },
    description: { type: 'string' },
    basePath: { type: 'string', pattern: '^(/[A-Za-z0-9_.-]+)+$', description: 'e.g. /asset/v1' },
    entity: {
      type: 'object',
      additionalProperties: false,
      required: ['requestKey', 'responseKey', 'schema'],
      properties: {
        requestKey: { type: 'string', description: 'Key of the entity in a request body, e.g. asset.' },
        responseKey: { type: 'string', description: 'Key of the entity array in a response.' },
        schema: { type: 'object', description: 'JSON Schema of the entity (id, tenantId and auditDetails are added).' },
        pii: { type: 'array', items: fieldPath, uniqueItems: true, description: 'Fields holding personal data.' },
      },
    },
    persister: { ...name, description: 'Name of the persister that maps the entity to tables.' },
    unique: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['fields', 'code', 'message'],
        properties: {
          fields: { type: 'array', items: fieldPath, minItems: 1 },
          caseInsensitive: { type: 'boolean' },
          code: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$' },
          message: { type: 'string' },
        },
      },
    },
    idFormats: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['field', 'format'],
        properties: { field: fieldPath, format: { type: 'string', description: 'idname in common-masters.IdFormat' } },
      },
    },
    search: {
      type: 'object',
      additionalProperties: false,
      required: ['criteria'],
      properties: {
        criteria: {
          type: 'object',
          additionalProperties: {
            type: 'object',
            additionalProperties: false,
            required: ['field', 'match'],
            properties: {
              field: fieldPath,
              match: { enum: ['exact', 'in', 'prefix', 'contains', 'from', 'to'] },
              caseInsensitive: { type: 'boolean' },
            },
          },
        },
        defaultLimit: { type: 'integer', minimum: 1 },
        maxLimit: { type: 'integer', minimum: 1 },
        sort: {
          type: 'object',
          additionalProperties: false,
          required: ['fields', 'default'],
          properties: {
            fields: { type: 'object', additionalProperties: fieldPath, description: 'sortBy value → entity field' },
            default: { type: 'string' },
            order: { enum: ['asc', 'desc'] },
          },
        },
      },
    },
    endpoints: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: { create: endpoint, update: endpoint, search: endpoint },
    },
    events: {
      type: 'object',
      additionalProperties: false,
      properties: { create: { type: 'string' }, update: { type: 'string' } },
    },
    workflow: {
      type: 'object',
      additionalProperties: false,
      required: ['businessService'],
      description: "The workflow the entity follows: _create and _update carry DIGIT's processInstance (or workflow) object and the transition commits with the entity.",
      properties: {
        businessService: { type: 'string', description: 'businessService of a workflow in workflows/.' },
        businessIdField: { ...fieldPath, description: 'Entity field that identifies the application (default id).' },
        statusField: { ...fieldPath, description: "Entity field that follows the state's applicationStatus (default applicationStatus)." },
        moduleName: { type: 'string', description: 'moduleName on process instances (default: the service name).' },
      },
    },
  },
};
