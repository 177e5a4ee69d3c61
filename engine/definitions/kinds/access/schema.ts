import type { JsonSchema } from '../../kind.ts';
import { anonymousLookup } from '../schema-parts.ts';

export const accessSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://seva.dev/schemas/access.schema.json',
  title: 'Access policy definition',
  description: "Who may call the engine's own endpoints (login, users, MDMS, ID generation, workflow).",
  type: 'object',
  additionalProperties: false,
  required: ['endpoints'],
  properties: {
    endpoints: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          public: { type: 'boolean', description: 'Callable without a token.' },
          authenticated: { type: 'boolean', description: 'Callable by any signed-in user; for endpoints that check roles themselves (a workflow action checks its own roles).' },
          anonymousWhereAllowed: {
            type: 'boolean',
            description:
              'With authenticated: a caller without a token is let through too, and the endpoint decides where that is allowed (filestore.upload: a module with an `anonymous` section in definitions/filestore; others refuse it 401). Only endpoints that decide so take it.',
          },
          roles: { type: 'array', items: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$' }, minItems: 1, uniqueItems: true },
          self: { type: 'boolean', description: "Any signed-in user may also call it about their own record (user.search by the caller's own id or uuid)." },
          anonymous: anonymousLookup,
        },
      },
    },
  },
};
