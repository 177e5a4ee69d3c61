import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import { invalid } from '../errors/index.ts';
import { withinTenant, type Db } from '../store/index.ts';
import type { User } from '../users/index.ts';
import { listCriterion as list } from '../validation/index.ts';
import type { CompiledWorkflow } from './compile.ts';
import { instanceFromRow, transitionFromRow, type Instance, type Transition } from './records.ts';

export interface ProcessCriteria {
  tenantId: string;
  businessIds?: string[];
  businessServices?: string[];
  /** Application status or state name. */
  status?: string[];
  assignee?: string;
  history: boolean;
  offset: number;
  limit: number;
}

const whole = (v: unknown, name: string, fallback: number, max: number): number => {
  if (v === undefined || v === null || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw invalid('INVALID_SEARCH_CRITERIA', `${name} must be a whole number ≥ 0`, `$.${name}`);
  return Math.min(n, max);
};

/** DIGIT's ProcessInstanceSearchCriteria, from query parameters (or a `criteria` body). */
export function readProcessCriteria(raw: Record<string, unknown>): ProcessCriteria {
  if (typeof raw.tenantId !== 'string' || raw.tenantId === '') throw invalid('INVALID_TENANT_ID', 'tenantId is required', '$.tenantId');
  return {
    tenantId: raw.tenantId,
    businessIds: list(raw.businessIds ?? raw.businessId),
    businessServices: list(raw.businessService ?? raw.businessServices),
    status: list(raw.status ?? raw.applicationStatus),
    assignee: typeof raw.assignee === 'string' && raw.assignee !== '' ? raw.assignee : undefined,
    history: raw.history === true || raw.history === 'true',
    offset: whole(raw.offset, 'offset', 0, Number.MAX_SAFE_INTEGER),
    limit: Math.max(1, whole(raw.limit, 'limit', 50, 500)),
  };
}

type Eb = ExpressionBuilder<any, 'seva_wf_instance'>;


/**
 * The inbox: applications in a state where the viewer holds a role for some action (at the
 * application's tenant), unassigned or assigned to the viewer.
 */
function actionableBy(eb: Eb, viewer: User, workflows: CompiledWorkflow[]): Expression<SqlBool> {
  const clauses: Expression<SqlBool>[] = [];
  const grantTenants = [...new Set(viewer.roles.map((r) => r.tenantId))];
  for (const grantTenant of grantTenants) {
    const codes = viewer.roles.filter((r) => r.tenantId === grantTenant).map((r) => r.code);
    const pairs = workflows.flatMap((wf) => wf.states.filter((s) => s.name !== null && s.actions.some((a) => a.roles.some((role) => codes.includes(role)))).map((s) => ({ wf: wf.name, state: s.name! })));
    if (pairs.length === 0) continue;
    clauses.push(eb.and([withinTenant('tenant_id', grantTenant), eb.or(pairs.map((p) => eb.and([eb('business_service', '=', p.wf), eb('state', '=', p.state)])))]));
  }
  if (clauses.length === 0) return sql<SqlBool>`false`;
  const assignedToViewerOrNobody = eb.or([sql<SqlBool>`assignees = '[]'::jsonb`, sql<SqlBool>`assignees @> ${JSON.stringify([viewer.uuid])}::jsonb`]);
  return eb.and([eb.or(clauses), assignedToViewerOrNobody]);
}

export interface ProcessSearchResult {
  /** Each application with its steps: only the latest step unless history was asked for (newest first). */
  items: { instance: Instance; transitions: Transition[] }[];
  totalCount: number;
}

export async function searchProcesses(db: Db, workflows: CompiledWorkflow[], criteria: ProcessCriteria, viewer: User): Promise<ProcessSearchResult> {
  const known = workflows.map((w) => w.name);
  const where = (eb: Eb) => {
    const parts: Expression<SqlBool>[] = [withinTenant('tenant_id', criteria.tenantId), eb('business_service', 'in', known.length > 0 ? known : [''])];
    if (criteria.businessIds) parts.push(eb('business_id', 'in', criteria.businessIds));
    else parts.push(actionableBy(eb, viewer, workflows));
    if (criteria.businessServices) parts.push(eb('business_service', 'in', criteria.businessServices));
    if (criteria.status) parts.push(eb.or([eb('application_status', 'in', criteria.status), eb('state', 'in', criteria.status)]));
    if (criteria.assignee) parts.push(sql<SqlBool>`assignees @> ${JSON.stringify([criteria.assignee])}::jsonb`);
    return eb.and(parts);
  };
  const rows = await db.selectFrom('seva_wf_instance').selectAll().where(where).orderBy('last_modified_time', 'desc').orderBy('id').offset(criteria.offset).limit(criteria.limit).execute();
  const count = await db.selectFrom('seva_wf_instance').select(sql<string>`count(*)`.as('n')).where(where).executeTakeFirstOrThrow();
  const instances = rows.map(instanceFromRow);
  if (instances.length === 0) return { items: [], totalCount: Number(count.n) };
  const transitionRows = criteria.history
    ? await db.selectFrom('seva_wf_transition').selectAll().where('instance_id', 'in', instances.map((i) => i.id)).orderBy('seq', 'desc').execute()
    : await db.selectFrom('seva_wf_transition').selectAll().where('id', 'in', instances.map((i) => i.lastTransitionId)).execute();
  const byInstance = new Map<string, Transition[]>();
  for (const t of transitionRows.map(transitionFromRow)) byInstance.set(t.instanceId, [...(byInstance.get(t.instanceId) ?? []), t]);
  return { items: instances.map((instance) => ({ instance, transitions: byInstance.get(instance.id) ?? [] })), totalCount: Number(count.n) };
}
