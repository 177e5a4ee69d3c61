import { valuesOf, type Kind } from '../../kind.ts';
import { checkSmsProviders } from './check.ts';
import { smsSchema } from './schema.ts';
import type { SMSProviderDefinition } from './types.generated.ts';

export type * from './types.generated.ts';

/** SMS providers: the development outbox or an HTTP gateway; the enabled one carries every text message. */
export const smsKind: Kind<'smsProviders', SMSProviderDefinition, SMSProviderDefinition[]> = {
  name: 'sms',
  folder: 'sms',
  plural: 'SMS providers',
  schema: smsSchema,
  key: 'smsProviders',
  check: (files) => ({ value: valuesOf(files), problems: checkSmsProviders(files) }),
  count: (providers) => `${providers.length} SMS provider(s)`,
};
