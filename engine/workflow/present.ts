import { holdsRoleAt } from '../access/index.ts';
import type { User } from '../users/index.ts';
import type { CompiledWorkflow, WorkflowAction, WorkflowState } from './compile.ts';
import type { Instance, Transition } from './records.ts';

/** DIGIT gives states uuids that actions point at; Seva's state names are unique, so they serve. */
const stateId = (s: WorkflowState) => s.name ?? 'START';

function actionJson(wf: CompiledWorkflow, from: WorkflowState, a: WorkflowAction) {
  return { uuid: `${stateId(from)}:${a.action}`, tenantId: wf.tenantId ?? null, currentState: stateId(from), action: a.action, nextState: a.nextState, roles: a.roles, active: true };
}

export function stateJson(wf: CompiledWorkflow, s: WorkflowState) {
  return {
    uuid: stateId(s),
    tenantId: wf.tenantId ?? null,
    businessServiceId: wf.name,
    sla: s.slaMs ?? null,
    state: s.name,
    applicationStatus: s.applicationStatus,
    docUploadRequired: s.docUploadRequired,
    isStartState: s.isStart,
    isTerminateState: s.isTerminal,
    isStateUpdatable: s.isUpdatable,
    actions: s.actions.length > 0 ? s.actions.map((a) => actionJson(wf, s, a)) : null,
  };
}

/** `/egov-wf/businessservice/_search` shape. */
export function businessServiceJson(wf: CompiledWorkflow) {
  return {
    tenantId: wf.tenantId ?? null,
    uuid: wf.name,
    businessService: wf.name,
    business: wf.business ?? null,
    businessServiceSla: wf.businessSlaMs ?? null,
    states: wf.states.map((s) => stateJson(wf, s)),
  };
}

function userJson(uuid: string, users: Map<string, User>) {
  const u = users.get(uuid);
  if (!u) return { uuid };
  return { id: u.id, uuid: u.uuid, userName: u.userName, name: u.name ?? null, mobileNumber: u.mobileNumber ?? null, emailId: u.emailId ?? null, type: u.type, tenantId: u.tenantId, roles: u.roles };
}

export interface PresentOptions {
  users: Map<string, User>;
  /** When this transition is the application's latest: the instance, for SLA and next actions. */
  current?: Instance;
  /** Who is looking: next actions are those this caller may take. */
  viewer?: User;
  now: number;
}

/** One step of an application as DIGIT's ProcessInstance. */
export function processInstanceJson(wf: CompiledWorkflow, t: Transition, options: PresentOptions) {
  const state = wf.state(t.toState);
  const current = options.current;
  const viewer = options.viewer;
  const nextActions = current && viewer ? state.actions.filter((a) => holdsRoleAt(viewer, a.roles, t.tenantId)).map((a) => actionJson(wf, state, a)) : [];
  return {
    id: t.id,
    tenantId: t.tenantId,
    businessService: t.businessService,
    businessId: t.businessId,
    action: t.action,
    moduleName: t.moduleName,
    state: stateJson(wf, state),
    comment: t.comment,
    documents: t.documents.length > 0 ? t.documents : null,
    assigner: userJson(t.assigner, options.users),
    assignes: t.assignees.length > 0 ? t.assignees.map((u) => userJson(u, options.users)) : null,
    nextActions,
    // Remaining time: negative once overdue; null when no SLA is set.
    stateSla: current && state.slaMs !== undefined ? state.slaMs - (options.now - current.stateSince) : null,
    // DIGIT's field name, spelled as DIGIT clients read it.
    businesssServiceSla: current && wf.businessSlaMs !== undefined ? wf.businessSlaMs - (options.now - current.createdTime) : null,
    previousStatus: t.fromState,
    escalated: t.escalated,
    auditDetails: { createdBy: t.assigner, createdTime: t.createdTime, lastModifiedBy: t.assigner, lastModifiedTime: t.createdTime },
  };
}
