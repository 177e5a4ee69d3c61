import type { JsonSchema } from '../../kind.ts';

const validity = {
  title: 'Short link validity',
  type: 'object',
  additionalProperties: false,
  required: ['defaultDays', 'maxDays'],
  properties: {
    defaultDays: { type: 'integer', minimum: 1, description: 'How long a link lives when the request names no end (validTill).' },
    maxDays: { type: 'integer', minimum: 1, description: 'The longest a link may live, whatever the request asks.' },
  },
};

export const shortenerSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://seva.dev/schemas/shortener.schema.json',
  title: 'Shortener policy definition',
  description: "How long short links (DIGIT's eus/shortener) live: for every tenant, and for some tenants (a GP or a state) their own; a link's tenant is the request's tenantId, else the long URL's tenantId parameter.",
  type: 'object',
  additionalProperties: false,
  required: ['validity'],
  properties: {
    validity,
    byTenant: { type: 'object', additionalProperties: validity, description: 'Validity for a tenant and the tenants below it (the nearest wins).' },
  },
};
