import type { EndpointAccess } from '../../access/index.ts';
import { invalid } from '../../errors/index.ts';
import type { Db } from '../../store/index.ts';
import { usersByUuid } from '../../users/index.ts';
import type { Clock } from '../../clock/index.ts';
import {
  businessServiceJson,
  processInstanceJson,
  readActionRequest,
  readProcessCriteria,
  type ActionOutcome,
  type Actor,
  type TransitionStep,
  type WorkflowEngine,
} from '../../workflow/index.ts';
import { listCriterion } from '../../validation/index.ts';
import { criteriaOf, requireTenant, type HttpRequest, type Route } from '../route.ts';
import { workflowDocs } from './workflow-docs.ts';

export const WORKFLOW_PATHS = {
  'workflow.transition': '/egov-workflow-v2/egov-wf/process/_transition',
  'workflow.search': '/egov-workflow-v2/egov-wf/process/_search',
  'workflow.count': '/egov-workflow-v2/egov-wf/process/_count',
  'workflow.businessservice.search': '/egov-workflow-v2/egov-wf/businessservice/_search',
} as const;

export interface WorkflowRouteDeps {
  db: Db;
  clock: Clock;
  workflow: WorkflowEngine;
  /** Takes the steps in one write: boot wires it so services whose entity follows a workflow take theirs. */
  transition: (actor: Actor, steps: TransitionStep[]) => Promise<ActionOutcome[]>;
  grant: (endpoint: keyof typeof WORKFLOW_PATHS) => EndpointAccess;
}

type Json = Record<string, unknown>;

function stepsOf(req: HttpRequest, engine: WorkflowEngine): TransitionStep[] {
  const list = req.body.ProcessInstances;
  if (!Array.isArray(list) || list.length === 0) throw invalid('INVALID_REQUEST', 'ProcessInstances must be a non-empty list', '$.ProcessInstances');
  return list.map((raw: Json, i) => {
    const path = `$.ProcessInstances[${i}]`;
    if (!raw || typeof raw !== 'object') throw invalid('INVALID_REQUEST', `${path} must be an object`, path);
    const tenantId = requireTenant(raw.tenantId, `${path}.tenantId`);
    if (typeof raw.businessService !== 'string' || raw.businessService === '') throw invalid('REQUIRED_FIELD_MISSING', `${path}.businessService is required`, `${path}.businessService`);
    if (typeof raw.businessId !== 'string' || raw.businessId === '') throw invalid('REQUIRED_FIELD_MISSING', `${path}.businessId is required`, `${path}.businessId`);
    const workflow = engine.require(raw.businessService, `${path}.businessService`);
    return {
      workflow,
      target: { tenantId, businessId: raw.businessId },
      request: readActionRequest(raw, path),
      moduleName: typeof raw.moduleName === 'string' && raw.moduleName !== '' ? raw.moduleName : (workflow.business ?? workflow.name),
    };
  });
}

/** DIGIT's workflow API (egov-workflow-v2) over the engine's workflows. */
export function workflowRoutes(deps: WorkflowRouteDeps): Route[] {
  const { workflow: engine } = deps;
  const search = async (req: HttpRequest) => {
    const criteria = readProcessCriteria(criteriaOf(req));
    return { criteria, result: await engine.search(criteria, req.caller!) };
  };
  return [
    {
      path: WORKFLOW_PATHS['workflow.transition'],
      endpoint: 'workflow.transition',
      doc: workflowDocs['workflow.transition'],
      access: deps.grant('workflow.transition'),
      tenants: (req) => stepsOf(req, engine).map((s) => s.target.tenantId),
      handle: async (req) => {
        const steps = stepsOf(req, engine);
        const outcomes = await deps.transition({ kind: 'user', user: req.caller! }, steps);
        const now = deps.clock.now();
        const users = await usersByUuid(deps.db, outcomes.flatMap((o) => [o.transition.assigner, ...o.transition.assignees]));
        return req.respond({
          ProcessInstances: outcomes.map((o, i) => processInstanceJson(steps[i]!.workflow, o.transition, { users, current: o.instance, viewer: req.caller, now })),
        });
      },
    },
    {
      path: WORKFLOW_PATHS['workflow.search'],
      endpoint: 'workflow.search',
      doc: workflowDocs['workflow.search'],
      access: deps.grant('workflow.search'),
      tenants: (req) => [requireTenant(criteriaOf(req).tenantId, '$.tenantId')],
      handle: async (req) => {
        const { result } = await search(req);
        const now = deps.clock.now();
        const users = await usersByUuid(deps.db, result.items.flatMap((i) => i.transitions.flatMap((t) => [t.assigner, ...t.assignees])));
        const ProcessInstances = result.items.flatMap(({ instance, transitions }) => {
          const wf = engine.get(instance.businessService)!;
          return transitions.map((t) => processInstanceJson(wf, t, { users, current: t.id === instance.lastTransitionId ? instance : undefined, viewer: req.caller, now }));
        });
        return req.respond({ ProcessInstances, totalCount: result.totalCount });
      },
    },
    {
      path: WORKFLOW_PATHS['workflow.count'],
      endpoint: 'workflow.count',
      doc: workflowDocs['workflow.count'],
      access: deps.grant('workflow.count'),
      tenants: (req) => [requireTenant(criteriaOf(req).tenantId, '$.tenantId')],
      // DIGIT answers a bare number.
      handle: async (req) => (await search({ ...req, query: { ...req.query, limit: '1' } })).result.totalCount,
    },
    {
      path: WORKFLOW_PATHS['workflow.businessservice.search'],
      endpoint: 'workflow.businessservice.search',
      doc: workflowDocs['workflow.businessservice.search'],
      access: deps.grant('workflow.businessservice.search'),
      tenants: (req) => [requireTenant(criteriaOf(req).tenantId, '$.tenantId')],
      handle: async (req) => {
        const c = criteriaOf(req);
        const raw = c.businessServices ?? c.businessService;
        const names = listCriterion(raw);
        return req.respond({ BusinessServices: engine.forTenant(String(c.tenantId), names).map(businessServiceJson) });
      },
    },
  ];
}
