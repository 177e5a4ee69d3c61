export { appendEvents, outboxTable, type DomainEvent } from './outbox.ts';
