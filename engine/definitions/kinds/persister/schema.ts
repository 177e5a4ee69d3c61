import type { JsonSchema } from '../../kind.ts';

const identifier = { type: 'string', pattern: '^[a-z_][a-z0-9_]*$', maxLength: 63 };
const column = {
  oneOf: [
    { type: 'string', description: 'entity field path (a text column)' },
    {
      title: 'Column definition',
      type: 'object',
      additionalProperties: false,
      required: ['path'],
      properties: {
        path: { type: 'string' },
        type: { title: 'Column type', enum: ['text', 'integer', 'bigint', 'numeric', 'boolean', 'json'] },
      },
    },
  ],
};
const columns = { type: 'object', minProperties: 1, propertyNames: identifier, additionalProperties: column };
const rest = {
  title: 'Rest column definition',
  type: 'object',
  description: 'A JSON column keeping every key at this level (and in nested objects) that no mapped column stores, merged back on read.',
  additionalProperties: false,
  required: ['column'],
  properties: { column: identifier },
};

export const persisterSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://seva.dev/schemas/persister.schema.json',
  title: 'Persister definition',
  description: "How a service's entity and its child arrays map to tables and columns.",
  type: 'object',
  additionalProperties: false,
  required: ['persister', 'service', 'table', 'columns'],
  properties: {
    persister: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
    service: { type: 'string' },
    table: identifier,
    primaryKey: identifier,
    columns,
    rest,
    children: {
      type: 'array',
      items: {
        title: 'Child table definition',
        type: 'object',
        additionalProperties: false,
        required: ['path', 'table', 'parentColumn', 'columns'],
        properties: { path: { type: 'string' }, table: identifier, primaryKey: identifier, parentColumn: identifier, columns, rest },
      },
    },
  },
};
