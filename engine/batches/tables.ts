import type { TableSpec } from '../store/index.ts';

/** Every run of a bulk operation with its progress; one RUNNING run per batch, tenant and key. */
export const batchRunTable: TableSpec = {
  name: 'seva_batch_run',
  primaryKey: ['id'],
  columns: [
    { name: 'id', type: 'text', notNull: true },
    { name: 'batch', type: 'text', notNull: true },
    { name: 'tenant_id', type: 'text', notNull: true },
    { name: 'run_key', type: 'text', notNull: true },
    { name: 'params', type: 'json', notNull: true },
    { name: 'status', type: 'text', notNull: true },
    { name: 'started_by', type: 'text', notNull: true },
    { name: 'started_at', type: 'bigint', notNull: true },
    { name: 'finished_at', type: 'bigint' },
    { name: 'total', type: 'integer', notNull: true },
    { name: 'processed', type: 'integer', notNull: true },
    { name: 'created', type: 'integer', notNull: true },
    { name: 'skipped', type: 'integer', notNull: true },
    { name: 'failed', type: 'integer', notNull: true },
    { name: 'failures', type: 'json', notNull: true },
    { name: 'error', type: 'text' },
  ],
  indexes: [
    { name: 'seva_batch_run_running_ukey', expressions: ['batch', 'tenant_id', 'run_key'], unique: true, where: "status = 'RUNNING'" },
    { name: 'seva_batch_run_tenant_started_idx', expressions: ['tenant_id', 'started_at'] },
  ],
};
