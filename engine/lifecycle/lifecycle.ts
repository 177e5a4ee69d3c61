import type { Clock } from '../clock/index.ts';
import type { DomainEvent } from '../events/index.ts';
import type { Db } from '../store/index.ts';
import { WRITE_PHASES, type EventsParticipant, type Participant, type Write, type WritePhaseName, type WriteScope } from './write.ts';

/** The write's own work at each phase; participants of a phase run after it. */
export type WriteSteps<R> = Partial<Record<WritePhaseName, (write: Write<R>) => Promise<void>>>;

/**
 * The one write lifecycle: every write runs `validate → enrich → beforeWrite → write → afterWrite`
 * inside a transaction, with the participants registered at boot joining the phases of the
 * writes of their kind; the transaction's events go to the `events` participants before commit.
 */
export class WriteLifecycle {
  private readonly participants: Participant<any>[] = [];
  private readonly eventsParticipants: EventsParticipant[] = [];

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  use<R>(participant: Participant<R>): this {
    this.participants.push(participant);
    return this;
  }

  useForEvents(participant: EventsParticipant): this {
    this.eventsParticipants.push(participant);
    return this;
  }

  /** The participants, in the order they run: for docs and for checking the wiring. */
  describe(): { kind: string; phase: string; name: string }[] {
    const order = (p: { phase: WritePhaseName }) => WRITE_PHASES.indexOf(p.phase);
    const writes = [...this.participants].sort((a, b) => a.kind.localeCompare(b.kind) || order(a) - order(b));
    return [...writes.map((p) => ({ kind: p.kind, phase: p.phase as string, name: p.name })), ...this.eventsParticipants.map((p) => ({ kind: '*', phase: 'events', name: p.name }))];
  }

  /** Runs `work` in a new transaction whose events are written before it commits. */
  transaction<T>(work: (scope: WriteScope) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(async (trx) => {
      const events: DomainEvent[] = [];
      const now = this.clock.now();
      const result = await work({ db: trx, now, emit: (e) => events.push(e) });
      if (events.length > 0) {
        if (this.eventsParticipants.length === 0) throw new Error(`a write recorded ${events.length} event(s) and nothing takes events: register the outbox`);
        for (const p of this.eventsParticipants) await p.run(trx, events, now);
      }
      return result;
    });
  }

  /** Inside `scope` (a write that is part of another's transaction), or in a transaction of its own. */
  within<T>(scope: WriteScope | undefined, work: (scope: WriteScope) => Promise<T>): Promise<T> {
    return scope ? work(scope) : this.transaction(work);
  }

  /** Runs one write's phases: at each, the write's own step, then the participants of its kind. */
  async run<R>(write: Write<R>, steps: WriteSteps<R>): Promise<Write<R>> {
    for (const phase of WRITE_PHASES) {
      await steps[phase]?.(write);
      for (const p of this.participants) {
        if (p.phase === phase && p.kind === write.kind) await p.run(write);
      }
    }
    return write;
  }
}
