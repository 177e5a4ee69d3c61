import { randomUUID } from 'node:crypto';
import { engineTable, insertRecord, searchRecords, exactFilters } from '../persister/index.ts';
import type { Db } from '../store/index.ts';
import type { SmsMessage, SmsSender } from './message.ts';

/** A message the development outbox kept instead of sending. */
export interface OutboxMessage extends SmsMessage {
  id: string;
  provider: string;
  createdAt: number;
}

/** Messages the development provider keeps, for tests and people trying Seva to read (an admin's route). */
export const smsOutboxTable = engineTable<OutboxMessage>({
  table: 'seva_sms_outbox',
  primaryKey: 'id',
  tenantColumn: 'tenant_id',
  nulls: 'omitted',
  columns: {
    id: { path: 'id', type: 'text', notNull: true },
    tenant_id: { path: 'tenantId', type: 'text', notNull: true },
    recipient: { path: 'recipient', type: 'text', notNull: true },
    text: { path: 'text', type: 'text', notNull: true },
    template_id: { path: 'templateId', type: 'text' },
    category: { path: 'category', type: 'text' },
    provider: { path: 'provider', type: 'text', notNull: true },
    created_at: { path: 'createdAt', type: 'bigint', notNull: true },
  },
  indexes: [{ name: 'seva_sms_outbox_recipient_idx', expressions: ['recipient', 'created_at'] }],
});

/** The development provider: every message goes into the outbox table, none leaves the machine. */
export function outboxSender(provider: string, db: Db, now: () => number): SmsSender {
  return {
    provider,
    send: async (message) => {
      await insertRecord(db, smsOutboxTable, { id: randomUUID(), provider, createdAt: now(), ...message });
    },
  };
}

export interface OutboxCriteria {
  tenantId?: string;
  recipient?: string;
  limit: number;
}

/** The newest messages first. */
export function searchOutbox(db: Db, c: OutboxCriteria): Promise<OutboxMessage[]> {
  return searchRecords(db, smsOutboxTable, {
    ...(c.tenantId ? { tenant: { id: c.tenantId, scope: 'within' as const } } : {}),
    filters: exactFilters({ recipient: c.recipient }),
    sort: [['createdAt', 'desc'], ['id', 'asc']],
    page: { offset: 0, limit: c.limit },
  });
}
