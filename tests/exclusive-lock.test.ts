import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, withExclusiveLock, type Database } from '../engine/store/index.ts';
import { backends, freshDatabase } from './harness.ts';

describe.each(backends().filter((b) => b === 'postgres'))('jobs exclude each other across processes (%s)', (backend) => {
  let fresh: Awaited<ReturnType<typeof freshDatabase>>;
  let a: Database;
  let b: Database;
  beforeAll(async () => {
    fresh = await freshDatabase(backend);
    // Two pools on one database stand for two Seva processes.
    a = await openDatabase(fresh.config);
    b = await openDatabase(fresh.config);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await fresh?.drop();
  });

  it('a key held by one is refused to the other until released', async () => {
    let release!: () => void;
    const holding = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    const first = withExclusiveLock(a, 'seva.job.test', async () => {
      entered();
      await holding;
      return 'first';
    });
    await inside;
    expect(await withExclusiveLock(b, 'seva.job.test', async () => 'second')).toEqual({ acquired: false });
    expect(await withExclusiveLock(b, 'seva.job.other', async () => 'other')).toEqual({ acquired: true, result: 'other' });
    release();
    expect(await first).toEqual({ acquired: true, result: 'first' });
    expect(await withExclusiveLock(b, 'seva.job.test', async () => 'second')).toEqual({ acquired: true, result: 'second' });
  });
});

describe('jobs exclude each other within a process (pglite)', () => {
  it('a key is held once per database', async () => {
    const db = await openDatabase({ dataDir: 'memory' });
    try {
      let release!: () => void;
      const holding = new Promise<void>((r) => (release = r));
      const first = withExclusiveLock(db, 'k', () => holding);
      expect(await withExclusiveLock(db, 'k', async () => 1)).toEqual({ acquired: false });
      release();
      await first;
      expect(await withExclusiveLock(db, 'k', async () => 1)).toEqual({ acquired: true, result: 1 });
    } finally {
      await db.close();
    }
  });
});
