import { Cron } from 'croner';
import { templateProblems } from '../../../rules/index.ts';
import type { DefinitionProblem } from '../../problem.ts';
import { problemAt, type PathSegment, type Sourced } from '../../source.ts';
import type { AdjustmentDefinition } from '../adjustment/index.ts';
import type { BatchDefinition } from '../batch/index.ts';
import { endpointRoutes, type ServiceDefinition } from '../service/index.ts';
import type { WorkflowDefinition } from '../workflow/index.ts';
import type { JobDefinition } from './types.generated.ts';

export interface JobCheckContext {
  services: ServiceDefinition[];
  /** Bulk operations: their routes can be requested by jobs too. */
  batches: BatchDefinition[];
  adjustments: AdjustmentDefinition[];
  workflows: WorkflowDefinition[];
  /** Some workflow file failed to load: say nothing about workflows that may be in it. */
  workflowsIncomplete: boolean;
  tenants: Set<string>;
  /** The role jobs act with. */
  systemRole: string;
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The roles granted each service route, by path. */
function serviceRouteRoles(services: ServiceDefinition[]): Map<string, string[]> {
  const routes = new Map<string, string[]>();
  for (const svc of services) {
    for (const { route, roles } of endpointRoutes(svc)) routes.set(route, roles);
  }
  return routes;
}

/** A job's schedule and time zone parse, and what it runs (workflows, an adjustment, a route granted to it) exists. */
export function checkJobs(jobs: Sourced<JobDefinition>[], ctx: JobCheckContext): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const seen = new Map<string, string>();
  const routes = serviceRouteRoles(ctx.services);
  for (const b of ctx.batches) routes.set(b.path, b.roles);
  for (const { value: job, source } of jobs) {
    const at = (path: PathSegment[], message: string) => problems.push(problemAt(source, path, message));
    if (seen.has(job.job)) at(['job'], `job '${job.job}' is already defined in ${seen.get(job.job)}`);
    seen.set(job.job, source.file);
    const zoneOk = !job.timeZone || isTimeZone(job.timeZone);
    if (!zoneOk) at(['timeZone'], `unknown time zone '${job.timeZone}' (use an IANA name such as Asia/Kolkata)`);
    try {
      new Cron(job.schedule, { paused: true, ...(job.timeZone && zoneOk ? { timezone: job.timeZone } : {}) }).stop();
    } catch (err) {
      at(['schedule'], `invalid cron schedule '${job.schedule}': ${(err as Error).message}`);
    }
    if (job.escalate) {
      const withRules = ctx.workflows.filter((w) => (w.escalations ?? []).length > 0).map((w) => w.businessService);
      (job.escalate.workflows ?? []).forEach((name, i) => {
        const wf = ctx.workflows.find((w) => w.businessService === name);
        if (!wf && ctx.workflowsIncomplete) return;
        if (!wf) at(['escalate', 'workflows', i], `unknown workflow '${name}' (known: ${ctx.workflows.map((w) => w.businessService).join(', ') || 'none'})`);
        else if (!wf.escalations?.length) at(['escalate', 'workflows', i], `workflow '${name}' has no escalations to apply`);
      });
      if (!job.escalate.workflows && withRules.length === 0 && !ctx.workflowsIncomplete) at(['escalate'], 'no workflow has escalations, so this job would have nothing to do');
    }
    if (job.adjust && !ctx.adjustments.some((a) => a.adjustment === job.adjust!.adjustment)) {
      at(['adjust', 'adjustment'], `unknown adjustment '${job.adjust.adjustment}' (known: ${ctx.adjustments.map((a) => a.adjustment).join(', ') || 'none'})`);
    }
    if (job.request) {
      const roles = routes.get(job.request.path);
      if (!roles) at(['request', 'path'], `no service or bulk operation serves POST ${job.request.path} (service routes: ${[...routes.keys()].join(', ') || 'none'})`);
      else if (!roles.includes(ctx.systemRole)) at(['request', 'path'], `POST ${job.request.path} is not granted to ${ctx.systemRole}, the role jobs act with: add it to the endpoint's roles`);
      const tenants = job.request.tenants;
      if (Array.isArray(tenants)) {
        tenants.forEach((t, i) => {
          if (!ctx.tenants.has(t)) at(['request', 'tenants', i], `unknown tenant '${t}': it is not in the tenant.tenants master`);
        });
      }
      for (const p of templateProblems(job.request.body)) at(['request', 'body', ...p.path], p.message);
    }
  }
  return problems;
}
