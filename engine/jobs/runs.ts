import { exactFilters, insertRecord, searchRecords, updateRecord } from '../persister/index.ts';
import type { Db } from '../store/index.ts';
import { jobRunTable } from './tables.ts';

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

export function insertRun(db: Db, run: JobRun): Promise<void> {
  return insertRecord(db, jobRunTable, run);
}

/** The run's outcome: when it finished, its status, counts and error. */
export async function finishRun(db: Db, run: JobRun): Promise<void> {
  await updateRecord(db, jobRunTable, run);
}

export function recentRuns(db: Db, job: string, limit: number): Promise<JobRun[]> {
  return searchRecords(db, jobRunTable, { filters: exactFilters({ job }), sort: [['startedAt', 'desc'], ['id', 'asc']], page: { offset: 0, limit } });
}
