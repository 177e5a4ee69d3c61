import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ManualClock } from '../clock/index.ts';
import type { DomainEvent } from '../events/index.ts';
import { openDatabase, type Database } from '../store/index.ts';
import { WriteLifecycle, type Write } from './index.ts';

type Note = { text: string };

describe('the write lifecycle', () => {
  let database: Database;
  const clock = new ManualClock(Date.UTC(2026, 11, 2));
  const taken: DomainEvent[][] = [];
  let lifecycle: WriteLifecycle;
  const notes = async () => (await sql<{ text: string }>`select text from note order by text`.execute(database.db)).rows.map((r) => r.text);
  const write = (w: Parameters<Parameters<WriteLifecycle['transaction']>[0]>[0], kind: string, text: string): Write<Note> => ({
    kind,
    subject: 'notes',
    operation: 'create',
    record: { text },
    path: '$.note',
    writer: { uuid: 'tester' },
    scope: w,
    answer: {},
    request: {},
  });

  beforeAll(async () => {
    database = await openDatabase({ dataDir: 'memory' });
    await sql`create table note (text text primary key)`.execute(database.db);
    lifecycle = new WriteLifecycle(database.db, clock).useForEvents({ name: 'recorder', run: async (_db, events) => void taken.push(events) });
  });
  afterAll(async () => {
    await database?.close();
  });

  it("runs each phase's own step, then the participants of the write's kind, in phase order", async () => {
    const seen: string[] = [];
    const fresh = new WriteLifecycle(database.db, clock)
      .use<Note>({ name: 'stamp', kind: 'note', phase: 'enrich', run: async (w) => void seen.push(`enrich participant saw '${w.record.text}'`) })
      .use<Note>({ name: 'audit', kind: 'note', phase: 'afterWrite', run: async () => void seen.push('afterWrite participant') })
      .use<Note>({ name: 'other kind', kind: 'bill', phase: 'validate', run: async () => void seen.push('a bill participant') });
    await fresh.transaction((w) =>
      fresh.run(write(w, 'note', 'a'), {
        enrich: async (x) => {
          x.record.text = 'A';
          seen.push('enrich step');
        },
        write: async () => void seen.push('write step'),
      }),
    );
    expect(seen).toEqual(['enrich step', "enrich participant saw 'A'", 'write step', 'afterWrite participant']);
    expect(fresh.describe()).toEqual([
      { kind: 'bill', phase: 'validate', name: 'other kind' },
      { kind: 'note', phase: 'enrich', name: 'stamp' },
      { kind: 'note', phase: 'afterWrite', name: 'audit' },
    ]);
  });

  it("hands a transaction's events, in order, to the events participants before it commits", async () => {
    taken.length = 0;
    await lifecycle.transaction(async (w) => {
      for (const text of ['first', 'second']) {
        await lifecycle.run(write(w, 'note', text), { write: async (x) => void (await sql`insert into note values (${x.record.text})`.execute(w.db)) });
        w.emit({ topic: 'note-saved', key: text, tenantId: 'pb', payload: { text } });
      }
    });
    expect(taken.map((events) => events.map((e) => e.key))).toEqual([['first', 'second']]);
    expect(await notes()).toEqual(['first', 'second']);
  });

  it('a write that fails keeps neither its rows nor its events', async () => {
    taken.length = 0;
    const failed = lifecycle.transaction(async (w) => {
      await sql`insert into note values ('third')`.execute(w.db);
      w.emit({ topic: 'note-saved', key: 'third', tenantId: 'pb', payload: {} });
      throw new Error('refused');
    });
    await expect(failed).rejects.toThrow('refused');
    expect(taken).toEqual([]);
    expect(await notes()).toEqual(['first', 'second']);
  });

  it('refuses to commit events that nothing takes, rather than drop them', async () => {
    const deaf = new WriteLifecycle(database.db, clock);
    const attempt = deaf.transaction(async (w) => {
      await sql`insert into note values ('lost')`.execute(w.db);
      w.emit({ topic: 'note-saved', key: 'lost', tenantId: 'pb', payload: {} });
    });
    await expect(attempt).rejects.toThrow(/nothing takes events/);
    expect(await notes()).toEqual(['first', 'second']);
  });

  it('runs a write inside the scope it is given, so a nested write commits with its caller', async () => {
    taken.length = 0;
    await lifecycle.transaction(async (outer) => {
      outer.emit({ topic: 'outer', key: 'o', tenantId: 'pb', payload: {} });
      await lifecycle.within(outer, async (inner) => {
        expect(inner).toBe(outer);
        inner.emit({ topic: 'inner', key: 'i', tenantId: 'pb', payload: {} });
      });
    });
    expect(taken.map((events) => events.map((e) => e.topic))).toEqual([['outer', 'inner']]);
  });
});
