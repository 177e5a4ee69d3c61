import type { JsonSchema } from '../../kind.ts';

const envName = { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$' };
const liquidValues = { type: 'object', additionalProperties: { type: 'string' } };

export const smsSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://seva.dev/schemas/sms.schema.json',
  title: 'SMS provider definition',
  description:
    "Where text messages go. `outbox` (the default when no provider is enabled) keeps them in a table an admin reads at /seva/sms/v1/_search, for development and trials; `http` calls an SMS gateway. At most one provider is enabled.",
  type: 'object',
  additionalProperties: false,
  required: ['provider', 'type'],
  properties: {
    provider: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$', description: 'Name of the provider, e.g. DEV_OUTBOX or MSG91.' },
    description: { type: 'string' },
    type: { enum: ['outbox', 'http'] },
    enabled: { type: 'boolean', description: 'The provider messages go to (one at most; none: the development outbox).' },
    url: { type: 'string', pattern: '^https?://', description: 'The gateway URL (http). Liquid: {{ recipient }}, {{ text }}, {{ templateId }}, {{ tenantId }}, {{ secrets.<name> }} (URL-encoded).' },
    method: { enum: ['GET', 'POST'], description: 'Default POST.' },
    encoding: { enum: ['query', 'form', 'json'], description: 'How params travel: in the query string (always so for GET), a form body, or a JSON body. Default form.' },
    params: { ...liquidValues, description: 'Parameter name → Liquid text over the message ({{ recipient }}, {{ text }}, {{ templateId }}, {{ tenantId }}) and the secrets ({{ secrets.user }}).' },
    headers: { ...liquidValues, description: 'Header name → Liquid text, as params.' },
    secrets: { type: 'object', additionalProperties: envName, description: 'Secret name → the environment variable holding it; read at start, never written in YAML.' },
    recipientPrefix: { type: 'string', pattern: '^[0-9+]*$', description: "Put before a 10-digit mobile number (e.g. 91), as the gateway wants it." },
    timeoutSeconds: { type: 'integer', minimum: 1, maximum: 120, description: 'Default 10.' },
  },
};
