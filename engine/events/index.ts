export { appendEvent, outboxTable, type DomainEvent } from './outbox.ts';
