import type { Clock } from '../clock/index.ts';
import type { WorkflowDefinition } from '../definitions/index.ts';
import { holdsRoleAt } from '../access/index.ts';
import { forbidden, SevaError } from '../errors/index.ts';
import type { WriteLifecycle, WriteScope } from '../lifecycle/index.ts';
import type { Logger } from '../log/index.ts';
import type { Mdms } from '../mdms/index.ts';
import { exactFilters, searchRecords } from '../persister/index.ts';
import type { Db } from '../store/index.ts';
import { isWithinTenant } from '../tenancy/index.ts';
import type { User } from '../users/index.ts';
import { compileWorkflow, type CompiledWorkflow } from './compile.ts';
import { findInstance } from './records.ts';
import { instanceTable } from './tables.ts';
import type { ActionRequest } from './request.ts';
import { searchProcesses, type ProcessCriteria, type ProcessSearchResult } from './search.ts';
import { takeAction, type ActionContext, type ActionOutcome, type Actor } from './transition.ts';

/**
 * Takes one step of the `_transition` API or of an escalation inside the write. Boot wires the one
 * that lets a service whose entity follows the workflow take it (locking the entity and moving its
 * status); the engine's own `takeStep` acts on the application alone.
 */
export type StepTaker = (w: WriteScope, step: TransitionStep, actor: Actor, options: { escalated?: boolean }) => Promise<ActionOutcome>;

function rolesOf(wf: CompiledWorkflow): string[] {
  return [...new Set(wf.states.flatMap((s) => s.actions.flatMap((a) => a.roles)))];
}

/** One action asked of the `_transition` API. */
export interface TransitionStep {
  workflow: CompiledWorkflow;
  target: { tenantId: string; businessId: string };
  request: ActionRequest;
  /** moduleName for a new application of a workflow no service follows. */
  moduleName: string;
}

export interface WorkflowDeps {
  db: Db;
  lifecycle: WriteLifecycle;
  clock: Clock;
  mdms: () => Mdms;
  timeZone: string;
  logger?: Logger;
}

export interface EscalationReport {
  due: number;
  escalated: number;
  /** Moved on by someone else between being found and being escalated. */
  skipped: number;
  failed: number;
  errors: string[];
}

export class WorkflowEngine {
  private readonly compiled: Map<string, CompiledWorkflow>;

  constructor(
    definitions: WorkflowDefinition[],
    private readonly deps: WorkflowDeps,
  ) {
    this.compiled = new Map(definitions.map((d) => [d.businessService, compileWorkflow(d)]));
  }

  all(): CompiledWorkflow[] {
    return [...this.compiled.values()];
  }

  get(name: string): CompiledWorkflow | undefined {
    return this.compiled.get(name);
  }

  require(name: string, path: string): CompiledWorkflow {
    const wf = this.compiled.get(name);
    if (!wf) throw new SevaError('invalid', 'INVALID_BUSINESS_SERVICE', `no workflow '${name}' (known: ${[...this.compiled.keys()].join(', ') || 'none'})`, { path });
    return wf;
  }

  /** The context an action is checked in; the caller adds the entity. */
  context(actor: Actor, moduleName: string, extra: Partial<ActionContext> = {}): ActionContext {
    return { actor, now: this.deps.clock.now(), mdms: this.deps.mdms(), timeZone: this.deps.timeZone, moduleName, ...extra };
  }

  /** Takes an action inside the caller's write (services whose entity follows the workflow call this). */
  act(w: WriteScope, wf: CompiledWorkflow, target: { tenantId: string; businessId: string }, request: ActionRequest, ctx: ActionContext): Promise<ActionOutcome> {
    return takeAction(w, wf, target, request, ctx);
  }

  /** A step on the application alone (a workflow no service's entity follows). */
  readonly takeStep: StepTaker = (w, step, actor, options) => takeAction(w, step.workflow, step.target, step.request, this.context(actor, step.moduleName, { ...options, now: w.now }));

  /**
   * The `_transition` API: actions on one or more applications, all in one transaction. Without
   * an expected state in a request, the state read before taking the lock is expected, so of two
   * requests racing for one step the second gets 409 rather than acting on a state it never saw.
   */
  async transition(actor: Actor, steps: TransitionStep[], takeStep: StepTaker, options: { escalated?: boolean } = {}): Promise<ActionOutcome[]> {
    const prepared: TransitionStep[] = [];
    for (const step of steps) {
      // Someone with no part in a workflow at a tenant learns nothing of its applications there.
      if (actor.kind === 'user' && !holdsRoleAt(actor.user, rolesOf(step.workflow), step.target.tenantId)) {
        throw forbidden('WORKFLOW_ACTION_FORBIDDEN', `user ${actor.user.userName} holds no role in workflow ${step.workflow.name} at ${step.target.tenantId}`);
      }
      const request = { ...step.request };
      if (request.expectedState === undefined && request.expectedTransitions === undefined) {
        const seen = await findInstance(this.deps.db, step.workflow.name, step.target.tenantId, step.target.businessId, false);
        if (seen) request.expectedState = seen.state;
      }
      prepared.push({ ...step, request });
    }
    return this.deps.lifecycle.transaction(async (w) => {
      const outcomes: ActionOutcome[] = [];
      for (const step of prepared) outcomes.push(await takeStep(w, step, actor, options));
      return outcomes;
    });
  }

  search(criteria: ProcessCriteria, viewer: User): Promise<ProcessSearchResult> {
    return searchProcesses(this.deps.db, this.all(), criteria, viewer);
  }

  /** Workflows that apply at a tenant (those defined for it, an ancestor, or every tenant). */
  forTenant(tenantId: string, names?: string[]): CompiledWorkflow[] {
    return this.all().filter((wf) => (!wf.tenantId || isWithinTenant(tenantId, wf.tenantId)) && (!names || names.includes(wf.name)));
  }

  /**
   * Applies escalation rules: each application past its limit takes the rule's action as the
   * system. The step count read when it was found must still hold under the lock, so an
   * application is escalated once however many runs overlap.
   */
  async escalate(systemUuid: string, takeStep: StepTaker, names?: string[]): Promise<EscalationReport> {
    const report: EscalationReport = { due: 0, escalated: 0, skipped: 0, failed: 0, errors: [] };
    const now = this.deps.clock.now();
    for (const wf of this.all().filter((w) => !names || names.includes(w.name))) {
      for (const rule of wf.escalations) {
        const due = await searchRecords(this.deps.db, instanceTable, {
          filters: exactFilters({ businessService: wf.name, state: rule.state }),
          also: (eb) => {
            const limits = [];
            if (rule.stateSlaMs !== undefined) limits.push(eb('state_since', '<=', now - rule.stateSlaMs));
            if (rule.businessSlaMs !== undefined) limits.push(eb('created_time', '<=', now - rule.businessSlaMs));
            return eb.or(limits);
          },
          sort: [['stateSince', 'asc']],
        });
        for (const instance of due) {
          report.due++;
          const request: ActionRequest = { action: rule.action, comment: `Escalated: past the time allowed in state ${rule.state}`, documents: [], expectedTransitions: instance.transitions, path: '$.escalation' };
          try {
            const target = { tenantId: instance.tenantId, businessId: instance.businessId };
            await this.transition({ kind: 'system', uuid: systemUuid }, [{ workflow: wf, target, request, moduleName: instance.moduleName }], takeStep, { escalated: true });
            report.escalated++;
          } catch (err) {
            if (err instanceof SevaError && err.code === 'WORKFLOW_STATE_CHANGED') {
              report.skipped++;
              continue;
            }
            report.failed++;
            report.errors.push(`${wf.name} ${instance.businessId}: ${(err as Error).message}`);
            this.deps.logger?.warn({ err, businessService: wf.name, businessId: instance.businessId }, 'escalation failed');
          }
        }
      }
    }
    return report;
  }
}
