import type { JsonSchema } from '../../kind.ts';

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
          roles: { type: 'array', items: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$' }, minItems: 1, uniqueItems: true },
          self: { type: 'boolean', description: "Any signed-in user may also call it about their own record (user.search by the caller's own id or uuid)." },
          anonymous: {
            title: 'Anonymous look-up definition',
            type: 'object',
            additionalProperties: false,
            required: ['criteria', 'mask'],
            description:
              "A narrow look-up open without the roles (DIGIT's mixed mode: the bill or receipt an SMS links to). A caller without a token, or without the roles, who names every criterion of one set (one value each) gets the answer with the masked fields starred; a caller with the roles gets it whole.",
            properties: {
              criteria: {
                type: 'array',
                minItems: 1,
                items: { type: 'array', items: { type: 'string' }, minItems: 1, uniqueItems: true },
                description: 'Sets of request criteria (query or body); naming all of one set, each with a single value, opens the look-up.',
              },
              mask: {
                type: 'array',
                items: {
                  title: 'Mask rule',
                  type: 'object',
                  additionalProperties: false,
                  required: ['path'],
                  properties: {
                    path: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$', description: 'Dotted path in the answer; arrays on the way are walked item by item (Bill.payerName).' },
                    keepFirst: { type: 'integer', minimum: 0, description: 'Characters shown at the start (default 0).' },
                    keepLast: { type: 'integer', minimum: 0, description: 'Characters shown at the end (default 0): 4 shows a mobile number as ******8888.' },
                  },
                },
                description: 'The personal data in the answer, starred for anonymous callers (a value that is not text is withheld as null).',
              },
            },
          },
        },
      },
    },
  },
};
