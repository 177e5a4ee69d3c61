import type { TableSpec } from '../store/index.ts';

/** One row per application: where it is now. Locked while an action is taken. */
export const instanceTable: TableSpec = {
  name: 'seva_wf_instance',
  primaryKey: ['id'],
  columns: [
    { name: 'id', type: 'text', notNull: true },
    { name: 'tenant_id', type: 'text', notNull: true },
    { name: 'business_service', type: 'text', notNull: true },
    { name: 'business_id', type: 'text', notNull: true },
    { name: 'module_name', type: 'text', notNull: true },
    { name: 'state', type: 'text', notNull: true },
    { name: 'application_status', type: 'text', notNull: true },
    { name: 'assignees', type: 'json', notNull: true },
    { name: 'transitions', type: 'integer', notNull: true },
    { name: 'state_since', type: 'bigint', notNull: true },
    { name: 'last_transition_id', type: 'text', notNull: true },
    { name: 'last_actor', type: 'text', notNull: true },
    { name: 'created_by', type: 'text', notNull: true },
    { name: 'created_time', type: 'bigint', notNull: true },
    { name: 'last_modified_time', type: 'bigint', notNull: true },
  ],
  indexes: [
    { name: 'seva_wf_instance_business_ukey', expressions: ['tenant_id', 'business_service', 'business_id'], unique: true },
    { name: 'seva_wf_instance_state_idx', expressions: ['business_service', 'state', 'tenant_id'] },
  ],
};

/** Every action taken, in order: the history. `(instance_id, seq)` is unique, so no step is taken twice. */
export const transitionTable: TableSpec = {
  name: 'seva_wf_transition',
  primaryKey: ['id'],
  columns: [
    { name: 'id', type: 'text', notNull: true },
    { name: 'instance_id', type: 'text', notNull: true },
    { name: 'seq', type: 'integer', notNull: true },
    { name: 'tenant_id', type: 'text', notNull: true },
    { name: 'business_service', type: 'text', notNull: true },
    { name: 'business_id', type: 'text', notNull: true },
    { name: 'module_name', type: 'text', notNull: true },
    { name: 'action', type: 'text', notNull: true },
    { name: 'from_state', type: 'text' },
    { name: 'to_state', type: 'text', notNull: true },
    { name: 'application_status', type: 'text', notNull: true },
    { name: 'comment', type: 'text' },
    { name: 'documents', type: 'json', notNull: true },
    { name: 'assigner', type: 'text', notNull: true },
    { name: 'assignees', type: 'json', notNull: true },
    { name: 'escalated', type: 'boolean', notNull: true },
    { name: 'created_time', type: 'bigint', notNull: true },
  ],
  indexes: [
    { name: 'seva_wf_transition_instance_seq_ukey', expressions: ['instance_id', 'seq'], unique: true },
    { name: 'seva_wf_transition_business_idx', expressions: ['tenant_id', 'business_id'] },
  ],
};
