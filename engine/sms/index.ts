import type { SMSProviderDefinition } from '../definitions/index.ts';
import type { Db } from '../store/index.ts';
import { httpGatewaySender } from './http-gateway.ts';
import type { SmsSender } from './message.ts';
import { outboxSender } from './outbox.ts';

export type { SmsMessage, SmsSender } from './message.ts';
export { smsOutboxTable, searchOutbox, type OutboxCriteria, type OutboxMessage } from './outbox.ts';
export { httpGatewaySender } from './http-gateway.ts';
export { renderText } from './texts.ts';

/** The development outbox's name when no provider is defined or enabled. */
export const DEFAULT_OUTBOX = 'DEV_OUTBOX';

export interface SmsDeps {
  db: Db;
  now: () => number;
  env: Record<string, string | undefined>;
}

/** The sender of the enabled provider; with none enabled, the development outbox. */
export function smsSender(providers: readonly SMSProviderDefinition[], deps: SmsDeps): SmsSender {
  const def = providers.find((p) => p.enabled);
  if (!def) return outboxSender(providers.find((p) => p.type === 'outbox')?.provider ?? DEFAULT_OUTBOX, deps.db, deps.now);
  return def.type === 'http' ? httpGatewaySender(def, deps.env) : outboxSender(def.provider, deps.db, deps.now);
}
