import type { JsonSchema } from '../../kind.ts';

export const localizationSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://seva.dev/schemas/localization.schema.json',
  title: 'Localization file',
  description:
    "Messages of one module in one locale, as code: message; each is served as DIGIT's {code, message, module, locale}. Without tenantId they are the default every tenant sees; with one, they override it for that tenant and the tenants below it.",
  type: 'object',
  additionalProperties: false,
  required: ['locale', 'module', 'messages'],
  properties: {
    locale: { type: 'string', pattern: '^[a-z]{2,3}_[A-Z]{2}$', description: 'The locale, as DIGIT writes it: en_IN, hi_IN, pn_IN. The file sits in the folder of that name.' },
    module: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$', description: 'The module a client asks for, e.g. rainmaker-common.' },
    tenantId: { type: 'string', pattern: '^[a-z][a-z0-9]*(\\.[a-z0-9_]+)*$', description: 'The tenant whose own texts these are (a state, or a tenant below it); absent: the default.' },
    messages: {
      type: 'object',
      minProperties: 1,
      description: 'code: message. A code is any text a client looks up (usually UPPER_SNAKE_CASE).',
      propertyNames: { minLength: 1 },
      additionalProperties: { type: 'string', minLength: 1 },
    },
  },
};
