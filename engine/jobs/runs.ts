import type { Db } from '../store/index.ts';

export type RunStatus = 'running' | 'succeeded' | 'failed' | 'skipped';

export interface JobRun {
  id: string;
  job: string;
  trigger: 'schedule' | 'manual';
  scheduledFor: number | null;
  startedAt: number;
  finishedAt: number | null;
  status: RunStatus;
  counts: Record<string, number>;
  error: string | null;
  /** Which process ran it (host:pid). */
  runner: string;
}

type Row = Record<string, any>;

function runFromRow(r: Row): JobRun {
  return {
    id: r.id,
    job: r.job,
    trigger: r.trigger,
    scheduledFor: r.scheduled_for === null ? null : Number(r.scheduled_for),
    startedAt: Number(r.started_at),
    finishedAt: r.finished_at === null ? null : Number(r.finished_at),
    status: r.status,
    counts: typeof r.counts === 'string' ? JSON.parse(r.counts) : r.counts,
    error: r.error ?? null,
    runner: r.runner,
  };
}

export async function insertRun(db: Db, run: JobRun): Promise<void> {
  await db
    .insertInto('seva_job_run')
    .values({
      id: run.id,
      job: run.job,
      trigger: run.trigger,
      scheduled_for: run.scheduledFor,
      started_at: run.startedAt,
      finished_at: run.finishedAt,
      status: run.status,
      counts: JSON.stringify(run.counts),
      error: run.error,
      runner: run.runner,
    })
    .execute();
}

export async function finishRun(db: Db, run: JobRun): Promise<void> {
  await db.updateTable('seva_job_run').set({ finished_at: run.finishedAt, status: run.status, counts: JSON.stringify(run.counts), error: run.error }).where('id', '=', run.id).execute();
}

export async function recentRuns(db: Db, job: string, limit: number): Promise<JobRun[]> {
  const rows = await db.selectFrom('seva_job_run').selectAll().where('job', '=', job).orderBy('started_at', 'desc').orderBy('id').limit(limit).execute();
  return rows.map(runFromRow);
}
