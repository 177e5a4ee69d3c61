import { randomUUID } from 'node:crypto';
import type { WriteScope } from '../lifecycle/index.ts';
import { holdsRoleAt } from '../access/index.ts';
import { conflict, forbidden, invalid } from '../errors/index.ts';
import type { Mdms } from '../mdms/index.ts';
import { ruleHolds } from '../rules/index.ts';
import { uniqueViolationOf, type Db } from '../store/index.ts';
import { findUserByUuid, type User } from '../users/index.ts';
import type { CompiledWorkflow, WorkflowAction, WorkflowState } from './compile.ts';
import { advanceInstance, findInstance, insertInstance, insertTransition, type Instance, type Transition } from './records.ts';
import type { ActionRequest } from './request.ts';

/** Who takes the action: a signed-in user, or the engine itself (escalation), which roles do not bind. */
export type Actor = { kind: 'user'; user: User } | { kind: 'system'; uuid: string };

export const actorUuid = (a: Actor) => (a.kind === 'user' ? a.user.uuid : a.uuid);

export interface ActionContext {
  actor: Actor;
  /** The entity the application is about, as guards see it. */
  entity?: Record<string, unknown>;
  now: number;
  mdms: Mdms;
  timeZone: string;
  moduleName: string;
  escalated?: boolean;
}

export interface ActionOutcome {
  instance: Instance;
  transition: Transition;
  state: WorkflowState;
}

const names = (actions: WorkflowAction[]) => actions.map((a) => a.action).join(', ') || 'none';
const label = (s: WorkflowState) => s.name ?? 'start';

/** The state an application is in (the start state before its first action). */
export function stateOf(wf: CompiledWorkflow, instance: Instance | undefined): WorkflowState {
  return instance ? wf.state(instance.state) : wf.start;
}

/** Every step taken, whatever the workflow; DIGIT's workflow service names its topic so. */
export const TRANSITION_TOPIC = 'save-wf-transitions';

/**
 * Takes an action on an application inside the caller's transaction: locks the instance, checks
 * the action (state, roles, documents, guard, assignees) and records the step. Two requests for
 * one application are serialised by the lock; the loser sees the moved state and is refused.
 * The step is an event, and so is entering a state that names topics of its own.
 */
export async function takeAction(w: WriteScope, wf: CompiledWorkflow, target: { tenantId: string; businessId: string }, request: ActionRequest, ctx: ActionContext): Promise<ActionOutcome> {
  const trx = w.db;
  const instance = await findInstance(trx, wf.name, target.tenantId, target.businessId, true);
  const current = stateOf(wf, instance);
  const where = `${wf.name} application ${target.businessId}`;
  if (request.expectedState !== undefined && instance && request.expectedState !== instance.state) {
    throw conflict('WORKFLOW_STATE_CHANGED', `${where} is now in state ${instance.state}, not ${request.expectedState}: someone acted on it first; search it again`, `${request.path}.state`);
  }
  if (request.expectedTransitions !== undefined && (instance?.transitions ?? 0) !== request.expectedTransitions) {
    throw conflict('WORKFLOW_STATE_CHANGED', `${where} has moved on (step ${instance?.transitions ?? 0}, expected ${request.expectedTransitions})`, `${request.path}.action`);
  }
  if (!request.action) throw invalid('WORKFLOW_ACTION_REQUIRED', `${request.path}.action is required: in state ${label(current)} the valid actions are ${names(current.actions)}`, `${request.path}.action`);
  if (current.isTerminal) throw invalid('WORKFLOW_TERMINATED', `${where} is in terminal state ${label(current)} and takes no more actions`, `${request.path}.action`);
  const action = current.actions.find((a) => a.action === request.action);
  if (!action) throw invalid('INVALID_WORKFLOW_ACTION', `action '${request.action}' is not available in state ${label(current)} of ${where}; valid actions: ${names(current.actions)}`, `${request.path}.action`);
  if (ctx.actor.kind === 'user' && !holdsRoleAt(ctx.actor.user, action.roles, target.tenantId)) {
    throw forbidden('WORKFLOW_ACTION_FORBIDDEN', `user ${ctx.actor.user.userName} may not take action ${action.action} on ${where}: it needs one of the roles ${action.roles.join(', ')} at ${target.tenantId}`);
  }
  // Documents are asked of people; an escalation by the engine carries none.
  if (current.docUploadRequired && ctx.actor.kind === 'user' && request.documents.length === 0) {
    throw invalid('WORKFLOW_DOCUMENTS_REQUIRED', `documents are required to act in state ${label(current)}: attach them to ${request.path}.documents`, `${request.path}.documents`);
  }
  if (action.guard) {
    const data = {
      entity: ctx.entity ?? null,
      caller: callerView(ctx.actor, target.tenantId),
      instance: instance ? { state: instance.state, applicationStatus: instance.applicationStatus, assignees: instance.assignees, createdBy: instance.createdBy, createdTime: instance.createdTime } : null,
      action: action.action,
      tenantId: target.tenantId,
      now: ctx.now,
    };
    if (!ruleHolds(action.guard.rule, data, { mdms: ctx.mdms, timeZone: ctx.timeZone })) throw invalid(action.guard.code, action.guard.message, `${request.path}.action`);
  }
  const next = wf.state(action.nextState);
  const assignees = await assigneesAfter(trx, action, next, instance, request, ctx, target.tenantId);

  const actor = actorUuid(ctx.actor);
  const transition: Transition = {
    id: randomUUID(),
    instanceId: instance?.id ?? randomUUID(),
    seq: (instance?.transitions ?? 0) + 1,
    tenantId: target.tenantId,
    businessService: wf.name,
    businessId: target.businessId,
    moduleName: instance?.moduleName ?? ctx.moduleName,
    action: action.action,
    fromState: instance?.state ?? current.name,
    toState: next.name!,
    applicationStatus: next.applicationStatus,
    comment: request.comment ?? null,
    documents: request.documents,
    assigner: actor,
    assignees,
    escalated: ctx.escalated === true,
    createdTime: ctx.now,
  };
  const moved: Instance = {
    id: transition.instanceId,
    tenantId: target.tenantId,
    businessService: wf.name,
    businessId: target.businessId,
    moduleName: transition.moduleName,
    state: next.name!,
    applicationStatus: next.applicationStatus,
    assignees,
    transitions: transition.seq,
    stateSince: ctx.now,
    lastTransitionId: transition.id,
    lastActor: actor,
    createdBy: instance?.createdBy ?? actor,
    createdTime: instance?.createdTime ?? ctx.now,
    lastModifiedTime: ctx.now,
  };
  if (instance) {
    if (!(await advanceInstance(trx, moved, instance.transitions))) throw conflict('WORKFLOW_STATE_CHANGED', `${where} changed while the action was being taken; search it again`, `${request.path}.action`);
  } else {
    try {
      await insertInstance(trx, moved);
    } catch (err) {
      if (uniqueViolationOf(err)) throw conflict('WORKFLOW_STATE_CHANGED', `${where} was started by another request at the same time; search it again`, `${request.path}.action`);
      throw err;
    }
  }
  await insertTransition(trx, transition);
  const payload = { businessService: wf.name, businessId: target.businessId, transition, entity: ctx.entity ?? null };
  for (const topic of [TRANSITION_TOPIC, ...next.onEnterEvents]) w.emit({ topic, key: target.businessId, tenantId: target.tenantId, payload });
  return { instance: moved, transition, state: next };
}

/** What guards see of the caller: roles as codes held at the application's tenant. */
function callerView(actor: Actor, tenantId: string) {
  if (actor.kind === 'system') return { uuid: actor.uuid, userName: 'system', type: 'SYSTEM', roles: ['SYSTEM'] };
  const u = actor.user;
  return { uuid: u.uuid, userName: u.userName, type: u.type, roles: [...new Set(u.roles.filter((r) => holdsRoleAt(u, [r.code], tenantId)).map((r) => r.code))] };
}

async function assigneesAfter(trx: Db, action: WorkflowAction, next: WorkflowState, instance: Instance | undefined, request: ActionRequest, ctx: ActionContext, tenantId: string): Promise<string[]> {
  let assignees: string[];
  switch (action.assignTo) {
    case 'creator':
      assignees = [instance?.createdBy ?? actorUuid(ctx.actor)];
      break;
    case 'previousActor':
      assignees = instance ? [instance.lastActor] : [];
      break;
    default: {
      assignees = request.assignees ?? [];
      const key = `${request.path}.assignes`;
      if (assignees.length > 0 && next.actions.length === 0) throw invalid('INVALID_ASSIGNEE', `nobody can be assigned in state ${label(next)}: no action can be taken there`, key);
      const roles = [...new Set(next.actions.flatMap((a) => a.roles))];
      for (const [i, uuid] of assignees.entries()) {
        const user = await findUserByUuid(trx, uuid);
        if (!user || !user.active) throw invalid('INVALID_ASSIGNEE', `assignee ${uuid} is not an active user`, `${key}[${i}]`);
        if (!holdsRoleAt(user, roles, tenantId)) {
          throw invalid('INVALID_ASSIGNEE', `user ${user.userName} cannot be assigned: in state ${label(next)} only ${roles.join(', ')} at ${tenantId} can act, and the user holds none of these`, `${key}[${i}]`);
        }
      }
    }
  }
  if (action.assigneeRequired && assignees.length === 0) throw invalid('ASSIGNEE_REQUIRED', `action ${action.action} needs an assignee: name one in ${request.path}.assignes`, `${request.path}.assignes`);
  return assignees;
}
