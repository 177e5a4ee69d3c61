import { randomUUID } from 'node:crypto';
import { engineTable, insertRecords } from '../persister/index.ts';
import type { Db } from '../store/index.ts';

/**
 * Domain events are written to the outbox in the same transaction as the change that caused them;
 * asynchronous consumers (indexer, notifications, integrations) read them from here.
 */
export const outboxTable = engineTable<OutboxEntry>({
  table: 'seva_outbox',
  primaryKey: 'id',
  tenantColumn: 'tenant_id',
  columns: {
    id: { path: 'id', type: 'text', notNull: true },
    topic: { path: 'topic', type: 'text', notNull: true },
    key: { path: 'key', type: 'text', notNull: true },
    version: { path: 'version', type: 'integer', notNull: true },
    tenant_id: { path: 'tenantId', type: 'text', notNull: true },
    payload: { path: 'payload', type: 'json', notNull: true },
    created_at: { path: 'createdAt', type: 'bigint', notNull: true },
    // The event's place among its transaction's events: they happened in this order.
    position: { path: 'position', type: 'integer' },
  },
  indexes: [{ name: 'seva_outbox_created_at_idx', expressions: ['created_at'] }],
});

/** An event as the outbox keeps it. */
export interface OutboxEntry extends Required<DomainEvent> {
  id: string;
  createdAt: number;
  position: number;
}

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
export function appendEvents(db: Db, events: DomainEvent[], now: number): Promise<void> {
  return insertRecords(db, outboxTable, events.map((e, position) => ({ id: randomUUID(), topic: e.topic, key: e.key, version: e.version ?? 1, tenantId: e.tenantId, payload: e.payload, createdAt: now, position })));
}
