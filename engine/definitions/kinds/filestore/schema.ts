import type { JsonSchema } from '../../kind.ts';
import { rateLimit } from '../schema-parts.ts';

const moduleLimits = {
  title: 'File module',
  type: 'object',
  additionalProperties: false,
  required: ['types', 'maxBytes'],
  properties: {
    types: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { type: 'string', pattern: '^[a-z0-9.+-]+/[a-z0-9.+-]+$' },
      description: 'Media types accepted, as read from the bytes (magic numbers), never from the name or the declared type: e.g. application/pdf, image/png, image/jpeg.',
    },
    maxBytes: { type: 'integer', minimum: 1, description: 'Largest file accepted, in bytes (the server’s body limit bounds a whole upload too).' },
    anonymous: {
      title: 'Anonymous uploads',
      type: 'object',
      additionalProperties: false,
      required: ['perAddress'],
      description:
        'Uploads without a token are taken for this module (DIGIT’s filestore is open, and some clients upload without one), recorded as made by `anonymous`. Without this section an upload needs a session (401). Needs `anonymousWhereAllowed` on filestore.upload in the access policy.',
      properties: { perAddress: { ...rateLimit, title: 'Anonymous upload limit', description: 'Anonymous uploads from one client address (429 TOO_MANY_UPLOADS beyond).' } },
    },
  },
};

export const filestoreSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://seva.dev/schemas/filestore.schema.json',
  title: 'File store policy definition',
  description:
    "What DIGIT's egov-filestore accepts: for each module a client names when uploading, the file types (checked by content) and the largest size. An upload naming a module not listed is refused; without a policy no upload is accepted.",
  type: 'object',
  additionalProperties: false,
  required: ['modules'],
  properties: {
    modules: { type: 'object', additionalProperties: moduleLimits, description: 'Module name (the `module` form field) → its limits.' },
  },
};
