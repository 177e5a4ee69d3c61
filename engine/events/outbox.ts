import { randomUUID } from 'node:crypto';
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
    // The event's place among its transaction's events: they happened in this order.
    { name: 'position', type: 'integer' },
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

/**
 * Writes a transaction's events to the outbox, in the order they happened. The write lifecycle
 * calls this once per transaction, just before it commits; nothing else writes the outbox.
 */
export async function appendEvents(db: Db, events: DomainEvent[], now: number): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto('seva_outbox')
    .values(events.map((e, position) => ({ id: randomUUID(), topic: e.topic, key: e.key, version: e.version ?? 1, tenant_id: e.tenantId, payload: JSON.stringify(e.payload), created_at: now, position })))
    .execute();
}
