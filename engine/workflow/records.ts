import type { Db } from '../store/index.ts';

/** Where an application is now. */
export interface Instance {
  id: string;
  tenantId: string;
  businessService: string;
  businessId: string;
  moduleName: string;
  state: string;
  applicationStatus: string;
  assignees: string[];
  transitions: number;
  stateSince: number;
  lastTransitionId: string;
  /** Who took the action that brought the application into its current state. */
  lastActor: string;
  createdBy: string;
  createdTime: number;
  lastModifiedTime: number;
}

/** One action taken on an application. */
export interface Transition {
  id: string;
  instanceId: string;
  seq: number;
  tenantId: string;
  businessService: string;
  businessId: string;
  moduleName: string;
  action: string;
  fromState: string | null;
  toState: string;
  applicationStatus: string;
  comment: string | null;
  documents: unknown[];
  assigner: string;
  assignees: string[];
  escalated: boolean;
  createdTime: number;
}

type Row = Record<string, any>;
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

export function instanceFromRow(r: Row): Instance {
  return {
    id: r.id,
    tenantId: r.tenant_id,
    businessService: r.business_service,
    businessId: r.business_id,
    moduleName: r.module_name,
    state: r.state,
    applicationStatus: r.application_status,
    assignees: json<string[]>(r.assignees),
    transitions: Number(r.transitions),
    stateSince: Number(r.state_since),
    lastTransitionId: r.last_transition_id,
    lastActor: r.last_actor,
    createdBy: r.created_by,
    createdTime: Number(r.created_time),
    lastModifiedTime: Number(r.last_modified_time),
  };
}

export function transitionFromRow(r: Row): Transition {
  return {
    id: r.id,
    instanceId: r.instance_id,
    seq: Number(r.seq),
    tenantId: r.tenant_id,
    businessService: r.business_service,
    businessId: r.business_id,
    moduleName: r.module_name,
    action: r.action,
    fromState: r.from_state ?? null,
    toState: r.to_state,
    applicationStatus: r.application_status,
    comment: r.comment ?? null,
    documents: json<unknown[]>(r.documents),
    assigner: r.assigner,
    assignees: json<string[]>(r.assignees),
    escalated: Boolean(r.escalated),
    createdTime: Number(r.created_time),
  };
}

export async function findInstance(db: Db, businessService: string, tenantId: string, businessId: string, forUpdate: boolean): Promise<Instance | undefined> {
  let q = db.selectFrom('seva_wf_instance').selectAll().where('business_service', '=', businessService).where('tenant_id', '=', tenantId).where('business_id', '=', businessId);
  if (forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? instanceFromRow(row) : undefined;
}

function instanceColumns(i: Instance): Row {
  return {
    id: i.id,
    tenant_id: i.tenantId,
    business_service: i.businessService,
    business_id: i.businessId,
    module_name: i.moduleName,
    state: i.state,
    application_status: i.applicationStatus,
    assignees: JSON.stringify(i.assignees),
    transitions: i.transitions,
    state_since: i.stateSince,
    last_transition_id: i.lastTransitionId,
    last_actor: i.lastActor,
    created_by: i.createdBy,
    created_time: i.createdTime,
    last_modified_time: i.lastModifiedTime,
  };
}

export async function insertInstance(db: Db, i: Instance): Promise<void> {
  await db.insertInto('seva_wf_instance').values(instanceColumns(i)).execute();
}

/** Moves an instance on if it has still taken `previousTransitions` actions; false when it has not. */
export async function advanceInstance(db: Db, i: Instance, previousTransitions: number): Promise<boolean> {
  const result = await db.updateTable('seva_wf_instance').set(instanceColumns(i)).where('id', '=', i.id).where('transitions', '=', previousTransitions).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertTransition(db: Db, t: Transition): Promise<void> {
  await db
    .insertInto('seva_wf_transition')
    .values({
      id: t.id,
      instance_id: t.instanceId,
      seq: t.seq,
      tenant_id: t.tenantId,
      business_service: t.businessService,
      business_id: t.businessId,
      module_name: t.moduleName,
      action: t.action,
      from_state: t.fromState,
      to_state: t.toState,
      application_status: t.applicationStatus,
      comment: t.comment,
      documents: JSON.stringify(t.documents),
      assigner: t.assigner,
      assignees: JSON.stringify(t.assignees),
      escalated: t.escalated,
      created_time: t.createdTime,
    })
    .execute();
}
