import type { Db, TableSpec } from '../store/index.ts';

/**
 * Domain events are written to the outbox in the same transaction as the change that caused them;
 * asynchronous consumers (indexer, notifications, integrations) read them from here.
 */
export const outboxTable: TableSpec = {
  name: 'seva_outbox',
  primaryKey: ['id'],
  columns: [
    { name: 'id', type: 'text', notNull: true },
    { name: 'topic', type: 'text', notNull: true },
    { name: 'key', type: 'text', notNull: true },
    { name: 'version', type: 'integer', notNull: true },
    { name: 'tenant_id', type: 'text', notNull: true },
    { name: 'payload', type: 'json', notNull: true },
    { name: 'created_at', type: 'bigint', notNull: true },
  ],
  indexes: [{ name: 'seva_outbox_created_at_idx', expressions: ['created_at'] }],
};

export interface DomainEvent {
  topic: string;
  /** Events with one key are consumed in order (an entity's id). */
  key: string;
  /** Version of the payload's shape, so consumers can evolve. */
  version?: number;
  tenantId: string;
  payload: unknown;
}

export async function appendEvent(db: Db, event: DomainEvent, id: string, now: number): Promise<void> {
  await db
    .insertInto('seva_outbox')
    .values({ id, topic: event.topic, key: event.key, version: event.version ?? 1, tenant_id: event.tenantId, payload: JSON.stringify(event.payload), created_at: now })
    .execute();
}
