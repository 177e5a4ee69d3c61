import { parseDuration } from '../../../clock/index.ts';
import { ruleProblems } from '../../../rules/index.ts';
import type { DefinitionProblem } from '../../problem.ts';
import { problemAt, type PathSegment, type Sourced } from '../../source.ts';
import type { WorkflowDefinition, WorkflowFile } from './types.generated.ts';

/** One business service and where in its file it was written. */
export interface SourcedWorkflow extends Sourced<WorkflowDefinition> {
  base: PathSegment[];
}

/** The business services of a file: a single one, or DIGIT's `BusinessServices` list. */
export function workflowsOfFile(file: Sourced<WorkflowFile>): SourcedWorkflow[] {
  const value = file.value;
  if ('BusinessServices' in value) return value.BusinessServices.map((wf, i) => ({ value: wf, source: file.source, base: ['BusinessServices', i] }));
  return [{ value, source: file.source, base: [] }];
}

const stateName = (name: string | null | undefined) => (name == null ? 'the unnamed start state' : `'${name}'`);

/**
 * The load-time checks of workflows: one start state, next states and roles that exist, no actions
 * out of terminal states, durations and guards that parse. Unreachable states and dead ends are
 * warnings: a DIGIT export may carry them and still work.
 */
export function checkWorkflows(workflows: SourcedWorkflow[], ctx: { roles: Set<string>; tenants: Set<string> }): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const seen = new Map<string, string>();
  for (const { value: wf, source, base } of workflows) {
    const at = (path: PathSegment[], message: string, warning = false) => problems.push({ ...problemAt(source, [...base, ...path], message), ...(warning ? { severity: 'warning' as const } : {}) });
    if (seen.has(wf.businessService)) at(['businessService'], `workflow '${wf.businessService}' is already defined in ${seen.get(wf.businessService)}`);
    seen.set(wf.businessService, source.file);
    if (wf.tenantId && !ctx.tenants.has(wf.tenantId)) at(['tenantId'], `unknown tenant '${wf.tenantId}': it is not in the tenant.tenants master`);
    const duration = (path: PathSegment[], value: number | string | null | undefined) => {
      if (value == null) return;
      const parsed = parseDuration(value);
      if ('error' in parsed) at(path, parsed.error);
    };
    duration(['businessServiceSla'], wf.businessServiceSla);

    const byName = new Map<string | null, number>();
    wf.states.forEach((s, i) => {
      const key = s.state ?? null;
      if (byName.has(key)) at(['states', i, 'state'], `state ${stateName(key)} is defined twice in workflow '${wf.businessService}'`);
      else byName.set(key, i);
      if (key === null && !s.isStartState) at(['states', i], 'only the start state may be unnamed: give this state a name');
      duration(['states', i, 'sla'], s.sla);
    });
    const starts = wf.states.map((s, i) => ({ s, i })).filter(({ s }) => s.isStartState);
    if (starts.length === 0) at(['states'], `workflow '${wf.businessService}' has no start state: mark the state new applications begin in with isStartState: true`);
    for (const extra of starts.slice(1)) at(['states', extra.i, 'isStartState'], `workflow '${wf.businessService}' has more than one start state: ${stateName(starts[0]!.s.state)} is already the start`);

    wf.states.forEach((s, i) => {
      const actions = s.actions ?? [];
      if (s.isTerminateState && actions.length > 0) at(['states', i, 'actions'], `terminal state ${stateName(s.state)} has actions: a terminated application takes no further action`);
      if (!s.isTerminateState && actions.length === 0) at(['states', i], `state ${stateName(s.state)} is not terminal but has no actions: applications that reach it are stuck`, true);
      const actionNames = new Set<string>();
      actions.forEach((a, j) => {
        const where = ['states', i, 'actions', j];
        if (actionNames.has(a.action)) at([...where, 'action'], `action '${a.action}' appears twice in state ${stateName(s.state)}`);
        actionNames.add(a.action);
        const target = byName.get(a.nextState);
        if (target === undefined) at([...where, 'nextState'], `unknown nextState '${a.nextState}' (states: ${wf.states.map((x) => x.state ?? 'null').join(', ')})`);
        a.roles.forEach((role, k) => {
          if (!ctx.roles.has(role)) at([...where, 'roles', k], `unknown role '${role}': it is not in the ACCESSCONTROL-ROLES.roles master`);
        });
        if (a.guard) for (const p of ruleProblems(a.guard.rule)) at([...where, 'guard', 'rule', ...p.path], p.message);
      });
    });

    // Reachability from the start state over nextState edges.
    const start = starts[0];
    if (start) {
      const reached = new Set<number>([start.i]);
      const queue = [start.i];
      while (queue.length > 0) {
        const state = wf.states[queue.shift()!]!;
        for (const a of state.actions ?? []) {
          const next = byName.get(a.nextState);
          if (next !== undefined && !reached.has(next)) {
            reached.add(next);
            queue.push(next);
          }
        }
      }
      wf.states.forEach((s, i) => {
        if (!reached.has(i)) at(['states', i], `state ${stateName(s.state)} cannot be reached from the start state`, true);
      });
    }

    (wf.escalations ?? []).forEach((e, i) => {
      const where = ['escalations', i];
      const index = byName.get(e.state);
      const state = index === undefined ? undefined : wf.states[index];
      if (!state) {
        at([...where, 'state'], `unknown state '${e.state}' in workflow '${wf.businessService}'`);
        return;
      }
      if (!(state.actions ?? []).some((a) => a.action === e.action)) {
        at([...where, 'action'], `state '${e.state}' has no action '${e.action}' (its actions: ${(state.actions ?? []).map((a) => a.action).join(', ') || 'none'})`);
      }
      duration([...where, 'stateSla'], e.stateSla);
      duration([...where, 'businessSla'], e.businessSla);
      if (e.stateSla === undefined && e.businessSla === undefined && state.sla == null) {
        at(where, `escalation from '${e.state}' has no time limit: give stateSla or businessSla, or an sla to the state`);
      }
    });
  }
  return problems;
}
