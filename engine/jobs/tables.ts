import { engineTable } from '../persister/index.ts';
import type { JobRun } from './runs.ts';

/** Every run of a job: when, how it went, what it did. A scheduled slot is run once (unique). */
export const jobRunTable = engineTable<JobRun>({
  table: 'seva_job_run',
  primaryKey: 'id',
  columns: {
    id: { path: 'id', type: 'text', notNull: true },
    job: { path: 'job', type: 'text', notNull: true },
    trigger: { path: 'trigger', type: 'text', notNull: true },
    scheduled_for: { path: 'scheduledFor', type: 'bigint' },
    started_at: { path: 'startedAt', type: 'bigint', notNull: true },
    finished_at: { path: 'finishedAt', type: 'bigint' },
    status: { path: 'status', type: 'text', notNull: true },
    counts: { path: 'counts', type: 'json', notNull: true },
    error: { path: 'error', type: 'text' },
    runner: { path: 'runner', type: 'text', notNull: true },
  },
  indexes: [
    { name: 'seva_job_run_slot_ukey', expressions: ['job', 'scheduled_for'], unique: true },
    { name: 'seva_job_run_job_started_idx', expressions: ['job', 'started_at'] },
  ],
});
