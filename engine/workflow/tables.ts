import { engineTable } from '../persister/index.ts';
import type { Instance, Transition } from './records.ts';

/** One row per application: where it is now. Locked while an action is taken. */
export const instanceTable = engineTable<Instance>({
  table: 'seva_wf_instance',
  primaryKey: 'id',
  tenantColumn: 'tenant_id',
  columns: {
    id: { path: 'id', type: 'text', notNull: true },
    tenant_id: { path: 'tenantId', type: 'text', notNull: true },
    business_service: { path: 'businessService', type: 'text', notNull: true },
    business_id: { path: 'businessId', type: 'text', notNull: true },
    module_name: { path: 'moduleName', type: 'text', notNull: true },
    state: { path: 'state', type: 'text', notNull: true },
    application_status: { path: 'applicationStatus', type: 'text', notNull: true },
    assignees: { path: 'assignees', type: 'json', notNull: true },
    transitions: { path: 'transitions', type: 'integer', notNull: true },
    state_since: { path: 'stateSince', type: 'bigint', notNull: true },
    last_transition_id: { path: 'lastTransitionId', type: 'text', notNull: true },
    last_actor: { path: 'lastActor', type: 'text', notNull: true },
    created_by: { path: 'createdBy', type: 'text', notNull: true },
    created_time: { path: 'createdTime', type: 'bigint', notNull: true },
    last_modified_time: { path: 'lastModifiedTime', type: 'bigint', notNull: true },
  },
  indexes: [
    { name: 'seva_wf_instance_business_ukey', expressions: ['tenant_id', 'business_service', 'business_id'], unique: true },
    { name: 'seva_wf_instance_state_idx', expressions: ['business_service', 'state', 'tenant_id'] },
  ],
});

/** Every action taken, in order: the history. `(instance_id, seq)` is unique, so no step is taken twice. */
export const transitionTable = engineTable<Transition>({
  table: 'seva_wf_transition',
  primaryKey: 'id',
  tenantColumn: 'tenant_id',
  columns: {
    id: { path: 'id', type: 'text', notNull: true },
    instance_id: { path: 'instanceId', type: 'text', notNull: true },
    seq: { path: 'seq', type: 'integer', notNull: true },
    tenant_id: { path: 'tenantId', type: 'text', notNull: true },
    business_service: { path: 'businessService', type: 'text', notNull: true },
    business_id: { path: 'businessId', type: 'text', notNull: true },
    module_name: { path: 'moduleName', type: 'text', notNull: true },
    action: { path: 'action', type: 'text', notNull: true },
    from_state: { path: 'fromState', type: 'text' },
    to_state: { path: 'toState', type: 'text', notNull: true },
    application_status: { path: 'applicationStatus', type: 'text', notNull: true },
    comment: { path: 'comment', type: 'text' },
    documents: { path: 'documents', type: 'json', notNull: true },
    assigner: { path: 'assigner', type: 'text', notNull: true },
    assignees: { path: 'assignees', type: 'json', notNull: true },
    escalated: { path: 'escalated', type: 'boolean', notNull: true },
    created_time: { path: 'createdTime', type: 'bigint', notNull: true },
  },
  indexes: [
    { name: 'seva_wf_transition_instance_seq_ukey', expressions: ['instance_id', 'seq'], unique: true },
    { name: 'seva_wf_transition_business_idx', expressions: ['tenant_id', 'business_id'] },
  ],
});
