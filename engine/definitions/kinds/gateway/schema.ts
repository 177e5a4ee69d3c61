import type { JsonSchema } from '../../kind.ts';

const field = { type: 'string', minLength: 1 };

export const gatewaySchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://seva.dev/schemas/gateway.schema.json',
  title: 'Gateway definition',
  description: 'An online payment gateway (DIGIT pg-service): where to send the payer, and how to read and verify its callback.',
  type: 'object',
  additionalProperties: false,
  required: ['gateway', 'redirectUrl', 'signature', 'callback'],
  properties: {
    gateway: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$', description: 'Name clients pass as Transaction.gateway.' },
    description: { type: 'string' },
    enabled: { type: 'boolean' },
    redirectUrl: { type: 'string', description: 'Where the payer is sent; {{txnId}}, {{txnAmount}}, {{callbackUrl}}, {{consumerCode}}, {{tenantId}} are filled in (URL-encoded).' },
    signature: {
      type: 'object',
      additionalProperties: false,
      required: ['algorithm', 'fields', 'param'],
      description: "HMAC over the callback's fields, joined in order by the separator, as lowercase hex.",
      properties: {
        algorithm: { enum: ['sha256', 'sha512'] },
        secret: { type: 'string', minLength: 8, description: 'The shared secret (only for test gateways: use secretEnv otherwise).' },
        secretEnv: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$', description: 'Environment variable holding the shared secret.' },
        fields: { type: 'array', items: field, minItems: 1, description: 'Callback parameters signed, in order.' },
        separator: { type: 'string', description: 'Default |' },
        param: { ...field, description: 'Callback parameter carrying the signature.' },
      },
      oneOf: [{ required: ['secret'] }, { required: ['secretEnv'] }],
    },
    callback: {
      type: 'object',
      additionalProperties: false,
      required: ['txnId', 'status', 'amount', 'statusMap'],
      description: 'Which callback parameter holds what.',
      properties: {
        txnId: field,
        status: field,
        amount: field,
        gatewayTxnId: field,
        statusMap: { type: 'object', additionalProperties: { enum: ['SUCCESS', 'FAILURE', 'PENDING'] }, description: "Gateway status → Seva's." },
      },
    },
  },
};
