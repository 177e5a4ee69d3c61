import type { Db } from '../store/index.ts';

export type BatchRunStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'INTERRUPTED';

export interface BatchFailure {
  consumerCode: string;
  code: string;
  message: string;
}

/** A run of a bulk operation, as recorded and answered. */
export interface BatchRun {
  id: string;
  batch: string;
  tenantId: string;
  runKey: string;
  params: Record<string, unknown>;
  status: BatchRunStatus;
  startedBy: string;
  startedAt: number;
  finishedAt: number | null;
  /** Records that matched when the run started. */
  total: number;
  processed: number;
  created: number;
  /** Already had their demand (an earlier run, a crashed run resumed, or one made by hand). */
  skipped: number;
  failed: number;
  /** The first failures, with their reasons. */
  failures: BatchFailure[];
  error: string | null;
}

/** Failures kept on a run; the counts cover the rest. */
export const MAX_FAILURES_KEPT = 100;

type Row = Record<string, any>;
const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

function runFromRow(r: Row): BatchRun {
  return {
    id: r.id,
    batch: r.batch,
    tenantId: r.tenant_id,
    runKey: r.run_key,
    params: json(r.params),
    status: r.status,
    startedBy: r.started_by,
    startedAt: Number(r.started_at),
    finishedAt: r.finished_at === null ? null : Number(r.finished_at),
    total: Number(r.total),
    processed: Number(r.processed),
    created: Number(r.created),
    skipped: Number(r.skipped),
    failed: Number(r.failed),
    failures: json(r.failures),
    error: r.error,
  };
}

function runRow(run: BatchRun) {
  return {
    id: run.id,
    batch: run.batch,
    tenant_id: run.tenantId,
    run_key: run.runKey,
    params: JSON.stringify(run.params),
    status: run.status,
    started_by: run.startedBy,
    started_at: run.startedAt,
    finished_at: run.finishedAt,
    total: run.total,
    processed: run.processed,
    created: run.created,
    skipped: run.skipped,
    failed: run.failed,
    failures: JSON.stringify(run.failures),
    error: run.error,
  };
}

export async function insertRun(db: Db, run: BatchRun): Promise<void> {
  await db.insertInto('seva_batch_run').values(runRow(run)).execute();
}

/** Progress and outcome: counts, failures, status. */
export async function saveProgress(db: Db, run: BatchRun): Promise<void> {
  const { id, batch, tenant_id, run_key, params, started_by, started_at, ...progress } = runRow(run);
  await db.updateTable('seva_batch_run').set(progress).where('id', '=', id).execute();
}

/** Runs left RUNNING by a process that died: whoever holds the run's lock now knows they are over. */
export async function markInterrupted(db: Db, batch: string, tenantId: string, runKey: string, now: number): Promise<number> {
  const result = await db
    .updateTable('seva_batch_run')
    .set({ status: 'INTERRUPTED', finished_at: now, error: 'the process running it stopped before it finished; a later run resumes it' })
    .where('batch', '=', batch)
    .where('tenant_id', '=', tenantId)
    .where('run_key', '=', runKey)
    .where('status', '=', 'RUNNING')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function searchRuns(db: Db, criteria: { tenantId: string; batch?: string; ids?: string[]; limit: number; offset: number }): Promise<BatchRun[]> {
  let q = db.selectFrom('seva_batch_run').selectAll().where('tenant_id', '=', criteria.tenantId);
  if (criteria.batch) q = q.where('batch', '=', criteria.batch);
  if (criteria.ids) q = q.where('id', 'in', criteria.ids);
  const rows = await q.orderBy('started_at', 'desc').orderBy('id').offset(criteria.offset).limit(criteria.limit).execute();
  return rows.map(runFromRow);
}
