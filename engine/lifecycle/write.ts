import type { DomainEvent } from '../events/index.ts';
import type { Db } from '../store/index.ts';
import type { User } from '../users/index.ts';

/**
 * One database transaction in which writes happen. The facts they record are kept here and handed
 * to the `events` participants (the outbox) just before the transaction commits, so an event
 * exists exactly when its change does.
 */
export interface WriteScope {
  /** The transaction. */
  readonly db: Db;
  /** The time every write of the transaction is stamped with. */
  readonly now: number;
  emit(event: DomainEvent): void;
}

/** The named phases of one write, in order. */
export const WRITE_PHASES = ['validate', 'enrich', 'beforeWrite', 'write', 'afterWrite'] as const;
export type WritePhaseName = (typeof WRITE_PHASES)[number];

/** Who writes: a signed-in user, or the engine itself (a job, an escalation). */
export interface Writer {
  uuid: string;
  user?: User;
}

/** One write going through the phases: an entity created, a bill made, an action taken, ... */
export interface Write<R = Record<string, unknown>> {
  /** What is written: `entity`, `bill`, ...; participants join writes of one kind. */
  kind: string;
  /** Which one of the kind: a service's name, a business service. */
  subject: string;
  operation: string;
  record: R;
  /** The record as stored before this write (updates). */
  previous?: R;
  /** JSON path of the record in the request, for errors. */
  path: string;
  writer: Writer;
  scope: WriteScope;
  /** What came with the record but is not stored with it (a workflow action, say). */
  request: Record<string, unknown>;
  /** Fields participants add to the write's answer (a workflow's processInstance, say). */
  answer: Record<string, unknown>;
}

/** A capability taking part in writes of one kind at one phase, registered at boot. */
export interface Participant<R = Record<string, unknown>> {
  name: string;
  kind: string;
  phase: WritePhaseName;
  run(write: Write<R>): Promise<void>;
}

/** Receives every event of a transaction just before it commits (the outbox). */
export interface EventsParticipant {
  name: string;
  run(db: Db, events: DomainEvent[], now: number): Promise<void>;
}
