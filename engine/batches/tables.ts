import { engineTable } from '../persister/index.ts';
import type { BatchRun } from './runs.ts';

/** Every run of a bulk operation with its progress; one RUNNING run per batch, tenant and key. */
export const batchRunTable = engineTable<BatchRun>({
  table: 'seva_batch_run',
  primaryKey: 'id',
  tenantColumn: 'tenant_id',
  columns: {
    id: { path: 'id', type: 'text', notNull: true },
    batch: { path: 'batch', type: 'text', notNull: true },
    tenant_id: { path: 'tenantId', type: 'text', notNull: true },
    run_key: { path: 'runKey', type: 'text', notNull: true },
    params: { path: 'params', type: 'json', notNull: true },
    status: { path: 'status', type: 'text', notNull: true },
    started_by: { path: 'startedBy', type: 'text', notNull: true },
    started_at: { path: 'startedAt', type: 'bigint', notNull: true },
    finished_at: { path: 'finishedAt', type: 'bigint' },
    total: { path: 'total', type: 'integer', notNull: true },
    processed: { path: 'processed', type: 'integer', notNull: true },
    created: { path: 'created', type: 'integer', notNull: true },
    skipped: { path: 'skipped', type: 'integer', notNull: true },
    failed: { path: 'failed', type: 'integer', notNull: true },
    failures: { path: 'failures', type: 'json', notNull: true },
    error: { path: 'error', type: 'text' },
  },
  indexes: [
    { name: 'seva_batch_run_running_ukey', expressions: ['batch', 'tenant_id', 'run_key'], unique: true, where: "status = 'RUNNING'" },
    { name: 'seva_batch_run_tenant_started_idx', expressions: ['tenant_id', 'started_at'] },
  ],
});
