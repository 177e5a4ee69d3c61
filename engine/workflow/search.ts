import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import { invalid } from '../errors/index.ts';
import { countRecords, inFilters, searchRecords, type RecordQuery } from '../persister/index.ts';
import { withinTenant, type Db } from '../store/index.ts';
import type { User } from '../users/index.ts';
import { listCriterion as list } from '../validation/index.ts';
import type { CompiledWorkflow } from './compile.ts';
import type { Instance, Transition } from './records.ts';
import { instanceTable, transitionTable } from './tables.ts';

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
  if (!Number.isSafeInteger(n) || n < 0) throw invalid('INVALID_SEARCH_CRITERIA', `${name} must be a whole number ≥ 0`, `$.${name}`);
  return Math.min(n, max);
};

/** DIGIT's ProcessInstanceSearchCriteria, from query parameters (or a `criteria` body). */
export function readProcessCriteria(raw: Record<string, unknown>): ProcessCriteria {
  if (typeof raw.tenantId !== 'string' || raw.tenantId === '') throw invalid('INVALID_TENANT_ID', 'tenantId is required', '$.tenantId');
  return {
    tenantId: raw.tenantId,
    businessIds: list(raw.businessIds ?? raw.businessId, 'businessIds'),
    businessServices: list(raw.businessService ?? raw.businessServices, 'businessService'),
    status: list(raw.status ?? raw.applicationStatus, 'status'),
    assignee: typeof raw.assignee === 'string' && raw.assignee !== '' ? raw.assignee : undefined,
    history: raw.history === true || raw.history === 'true',
    offset: whole(raw.offset, 'offset', 0, Number.MAX_SAFE_INTEGER),
    limit: Math.max(1, whole(raw.limit, 'limit', 50, 500)),
  };
}

type Eb = ExpressionBuilder<any, any>;

const assignedTo = (uuid: string) => sql<SqlBool>`assignees @> ${JSON.stringify([uuid])}::jsonb`;

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
  const assignedToViewerOrNobody = eb.or([sql<SqlBool>`assignees = '[]'::jsonb`, assignedTo(viewer.uuid)]);
  return eb.and([eb.or(clauses), assignedToViewerOrNobody]);
}

export interface ProcessSearchResult {
  /** Each application with its steps: only the latest step unless history was asked for (newest first). */
  items: { instance: Instance; transitions: Transition[] }[];
  totalCount: number;
}

export async function searchProcesses(db: Db, workflows: CompiledWorkflow[], criteria: ProcessCriteria, viewer: User): Promise<ProcessSearchResult> {
  const known = workflows.map((w) => w.name);
  const query: RecordQuery<Instance> = {
    tenant: { id: criteria.tenantId, scope: 'within' },
    filters: [
      ...inFilters({ businessService: known.length > 0 ? known : [''], businessId: criteria.businessIds }),
      ...inFilters({ businessService: criteria.businessServices }),
      ...(criteria.status ? [{ fields: ['applicationStatus', 'state'], match: 'in' as const, values: criteria.status }] : []),
    ],
    // Without ids asked for, the viewer's inbox; with an assignee, only theirs.
    also: (eb) => eb.and([...(criteria.businessIds ? [] : [actionableBy(eb, viewer, workflows)]), ...(criteria.assignee ? [assignedTo(criteria.assignee)] : [])]),
    sort: [['lastModifiedTime', 'desc'], ['id', 'asc']],
    page: criteria,
  };
  const instances = await searchRecords(db, instanceTable, query);
  const totalCount = await countRecords(db, instanceTable, query);
  if (instances.length === 0) return { items: [], totalCount };
  const transitions = criteria.history
    ? await searchRecords(db, transitionTable, { filters: inFilters({ instanceId: instances.map((i) => i.id) }), sort: [['seq', 'desc']] })
    : await searchRecords(db, transitionTable, { filters: inFilters({ id: instances.map((i) => i.lastTransitionId) }) });
  const byInstance = new Map<string, Transition[]>();
  for (const t of transitions) byInstance.set(t.instanceId, [...(byInstance.get(t.instanceId) ?? []), t]);
  return { items: instances.map((instance) => ({ instance, transitions: byInstance.get(instance.id) ?? [] })), totalCount };
}
