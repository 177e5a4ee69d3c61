import type { JsonSchema } from '../../kind.ts';

export const masterDataSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://seva.dev/schemas/mdms-data.schema.json',
  title: 'Master data file',
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
