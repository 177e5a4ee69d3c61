import type { AdjustmentRunner } from '../adjustments/index.ts';
import type { Clock } from '../clock/index.ts';
import type { JobDefinition } from '../definitions/index.ts';
import type { Mdms } from '../mdms/index.ts';
import { evaluateTemplate } from '../rules/index.ts';
import type { EscalationReport } from '../workflow/index.ts';

export interface ActionDeps {
  clock: Clock;
  mdms: () => Mdms;
  /** Applies the escalation rules of these workflows (all when none are named); boot wires it. */
  escalate: (workflows?: string[]) => Promise<EscalationReport>;
  adjustments: AdjustmentRunner;
  /** uuid of the user jobs act as. */
  systemUuid: () => string;
  /** POSTs to one of the engine's own routes as the system user. */
  call: (path: string, body: Record<string, unknown>) => Promise<{ status: number; body: unknown }>;
}

export interface ActionResult {
  counts: Record<string, number>;
  errors: string[];
}

export async function runEscalation(job: JobDefinition, deps: ActionDeps): Promise<ActionResult> {
  const report = await deps.escalate(job.escalate?.workflows);
  return { counts: { due: report.due, escalated: report.escalated, skipped: report.skipped, failed: report.failed }, errors: report.errors };
}

/** A demand adjustment for every GP, one transaction each. */
export async function runAdjustment(job: JobDefinition, deps: ActionDeps): Promise<ActionResult> {
  const result: ActionResult = { counts: { tenants: 0, examined: 0, adjusted: 0, failed: 0 }, errors: [] };
  for (const tenantId of tenantsOf('gps', deps.mdms())) {
    result.counts.tenants!++;
    try {
      const report = await deps.adjustments.run(job.adjust!.adjustment, tenantId, deps.systemUuid());
      result.counts.examined! += report.examined;
      result.counts.adjusted! += report.adjusted;
    } catch (err) {
      result.counts.failed!++;
      result.errors.push(`${tenantId}: ${(err as Error).message}`);
    }
  }
  return result;
}

function tenantsOf(scope: NonNullable<JobDefinition['request']>['tenants'], mdms: Mdms): string[] {
  if (Array.isArray(scope)) return scope;
  const all = [...mdms.tenantCodes()].sort();
  return scope === 'gps' ? all.filter((t) => t.includes('.')) : all.filter((t) => !t.includes('.'));
}

/** The body of a DIGIT error response, as one line. */
function errorText(body: unknown): string {
  const errors = (body as { Errors?: { code?: string; message?: string }[] } | undefined)?.Errors;
  return errors?.length ? errors.map((e) => `${e.code}: ${e.message}`).join('; ') : JSON.stringify(body);
}

export async function runRequests(job: JobDefinition, deps: ActionDeps, timeZone: string): Promise<ActionResult> {
  const spec = job.request!;
  const mdms = deps.mdms();
  const now = deps.clock.now();
  const result: ActionResult = { counts: { tenants: 0, succeeded: 0, failed: 0 }, errors: [] };
  for (const tenantId of tenantsOf(spec.tenants, mdms)) {
    result.counts.tenants!++;
    try {
      const body = evaluateTemplate(spec.body, { tenantId, now }, { mdms, timeZone }) as Record<string, unknown>;
      const res = await deps.call(spec.path, body);
      if (res.status >= 200 && res.status < 300) result.counts.succeeded!++;
      else {
        result.counts.failed!++;
        result.errors.push(`${tenantId}: HTTP ${res.status} ${errorText(res.body)}`);
      }
    } catch (err) {
      result.counts.failed!++;
      result.errors.push(`${tenantId}: ${(err as Error).message}`);
    }
  }
  return result;
}
