import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Seva } from '../engine/boot/index.ts';
import { backends, definitionsWith, freshDatabase, startTestSeva } from './harness.ts';

/** The shipped escalation job, run every second so a test can watch the schedule fire. */
const everySecond = () => definitionsWith('tests/fixtures/workflow-service', [{ file: 'jobs/escalate-applications.yaml', replace: 'schedule: "*/15 * * * *"', with: 'schedule: "* * * * * *"' }]);

describe.each(backends())('scheduled jobs (%s)', (backend) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  const sevas: Seva[] = [];
  beforeAll(async () => {
    db = await freshDatabase(backend);
  });
  afterAll(async () => {
    for (const s of sevas) await s.close();
    await db?.drop();
  });

  it('fire on their schedule, and each slot runs once even with two processes on one database', async () => {
    const definitionsDir = everySecond();
    sevas.push(await startTestSeva({ definitionsDir, database: db.config, scheduleJobs: true, adminPassword: 'admin-secret-1' }));
    // A second process is possible only on Postgres (PGlite's data directory has one owner).
    if (backend === 'postgres') sevas.push(await startTestSeva({ definitionsDir, database: db.config, scheduleJobs: true }));
    await new Promise((r) => setTimeout(r, 3500));
    for (const s of sevas) s.jobs.stop();
    const runs = await sevas[0]!.jobs.recentRuns('escalate-applications', 100);
    const scheduled = runs.filter((r) => r.trigger === 'schedule');
    const slots = scheduled.filter((r) => r.status !== 'skipped').map((r) => r.scheduledFor);
    expect(slots.length).toBeGreaterThanOrEqual(2);
    expect(new Set(slots).size).toBe(slots.length);
    for (const r of scheduled.filter((x) => x.status !== 'skipped')) {
      expect(r).toMatchObject({ status: 'succeeded', counts: { due: 0, escalated: 0 } });
      expect(r.scheduledFor! % 1000).toBe(0);
      expect(r.finishedAt).not.toBeNull();
    }
    const status = await sevas[0]!.jobs.status();
    expect(status.find((s) => s.job === 'escalate-applications')).toMatchObject({ enabled: true, lastRun: { job: 'escalate-applications' } });
  });
});
