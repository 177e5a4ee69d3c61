import type { JsonSchema } from '../../kind.ts';

export const masterSchemaSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://seva.dev/schemas/mdms-schema.schema.json',
  title: 'Master schema definition',
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
