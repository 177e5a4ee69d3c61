import { exactFilters, inFilters, insertRecord, searchRecords, updateMatching, updateRecord } from '../persister/index.ts';
import type { Db } from '../store/index.ts';
import { batchRunTable } from './tables.ts';

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

export function insertRun(db: Db, run: BatchRun): Promise<void> {
  return insertRecord(db, batchRunTable, run);
}

/** Progress and outcome: counts, failures, status. */
export async function saveProgress(db: Db, run: BatchRun): Promise<void> {
  await updateRecord(db, batchRunTable, run);
}

/** Runs left RUNNING by a process that died: whoever holds the run's lock now knows they are over. */
export async function markInterrupted(db: Db, batch: string, tenantId: string, runKey: string, now: number): Promise<number> {
  const interrupted = await updateMatching(
    db,
    batchRunTable,
    { tenant: { id: tenantId, scope: 'exact' }, filters: exactFilters({ batch, runKey, status: 'RUNNING' }) },
    { status: 'INTERRUPTED', finishedAt: now, error: 'the process running it stopped before it finished; a later run resumes it' },
  );
  return interrupted.length;
}

/** A tenant's own runs (not its GPs'), newest first. */
export function searchRuns(db: Db, criteria: { tenantId: string; batch?: string; ids?: string[]; limit: number; offset: number }): Promise<BatchRun[]> {
  return searchRecords(db, batchRunTable, {
    tenant: { id: criteria.tenantId, scope: 'exact' },
    filters: [...exactFilters({ batch: criteria.batch }), ...inFilters({ id: criteria.ids })],
    sort: [['startedAt', 'desc'], ['id', 'asc']],
    page: { offset: criteria.offset, limit: criteria.limit },
  });
}
