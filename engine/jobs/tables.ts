import type { TableSpec } from '../store/index.ts';

/** Every run of a job: when, how it went, what it did. A scheduled slot is run once (unique). */
export const jobRunTable: TableSpec = {
  name: 'seva_job_run',
  primaryKey: ['id'],
  columns: [
    { name: 'id', type: 'text', notNull: true },
    { name: 'job', type: 'text', notNull: true },
    { name: 'trigger', type: 'text', notNull: true },
    { name: 'scheduled_for', type: 'bigint' },
    { name: 'started_at', type: 'bigint', notNull: true },
    { name: 'finished_at', type: 'bigint' },
    { name: 'status', type: 'text', notNull: true },
    { name: 'counts', type: 'json', notNull: true },
    { name: 'error', type: 'text' },
    { name: 'runner', type: 'text', notNull: true },
  ],
  indexes: [
    { name: 'seva_job_run_slot_ukey', expressions: ['job', 'scheduled_for'], unique: true },
    { name: 'seva_job_run_job_started_idx', expressions: ['job', 'started_at'] },
  ],
};
