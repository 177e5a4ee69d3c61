import type { JsonSchema } from '../types.ts';

export const masterSchemaSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://seva.dev/schemas/mdms-schema.schema.json',
  title: 'Seva MDMS master schema',
  description: 'The JSON Schema of one master (MDMS v2 style, with x-unique and x-ref-schema).',
  type: 'object',
  additionalProperties: false,
  required: ['code', 'definition'],
  properties: {
    code: { type: 'string', pattern: '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$', description: '<module>.<master>' },
    description: { type: 'string' },
    definition: {
      type: 'object',
      required: ['type'],
      properties: {
        type: { const: 'object' },
        'x-unique': { type: 'array', items: { type: 'string' }, minItems: 1 },
        'x-ref-schema': {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['fieldPath', 'schemaCode'],
            properties: { fieldPath: { type: 'string' }, schemaCode: { type: 'string' } },
          },
        },
      },
    },
  },
};

export const masterDataSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://seva.dev/schemas/mdms-data.schema.json',
  title: 'Seva MDMS data file',
  description: 'DIGIT MDMS data: {tenantId, moduleName, <masterName>: [records]}',
  type: 'object',
  required: ['tenantId', 'moduleName'],
  properties: {
    tenantId: { type: 'string', pattern: '^[a-z][a-z0-9]*(\\.[a-z0-9_]+)*$' },
    moduleName: { type: 'string', minLength: 1 },
  },
  minProperties: 3,
  additionalProperties: { type: 'array', items: { type: 'object' } },
};
