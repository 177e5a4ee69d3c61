import { parseDuration } from '../clock/index.ts';
import type { ActionGuard, AssignTo, WorkflowDefinition } from '../definitions/index.ts';

export interface WorkflowAction {
  action: string;
  nextState: string;
  roles: string[];
  guard?: ActionGuard;
  assignTo: AssignTo;
  assigneeRequired: boolean;
}

export interface WorkflowState {
  /** null for DIGIT's unnamed start state, which an application leaves with its first action. */
  name: string | null;
  applicationStatus: string;
  slaMs?: number;
  isStart: boolean;
  isTerminal: boolean;
  isUpdatable: boolean;
  docUploadRequired: boolean;
  actions: WorkflowAction[];
  onEnterEvents: string[];
}

export interface EscalationRule {
  state: string;
  action: string;
  stateSlaMs?: number;
  businessSlaMs?: number;
}

/** A workflow definition ready to drive applications (the definition was checked at load). */
export interface CompiledWorkflow {
  name: string;
  business?: string;
  tenantId?: string;
  businessSlaMs?: number;
  start: WorkflowState;
  states: WorkflowState[];
  escalations: EscalationRule[];
  definition: WorkflowDefinition;
  /** A named state; throws on a name the workflow does not have (a stored state the definition dropped). */
  state(name: string): WorkflowState;
}

const ms = (value: number | string | null | undefined): number | undefined => {
  if (value == null) return undefined;
  const parsed = parseDuration(value);
  return 'ms' in parsed ? parsed.ms : undefined;
};

export function compileWorkflow(def: WorkflowDefinition): CompiledWorkflow {
  const states: WorkflowState[] = def.states.map((s) => ({
    name: s.state ?? null,
    applicationStatus: s.applicationStatus ?? s.state ?? '',
    slaMs: ms(s.sla),
    isStart: s.isStartState === true,
    isTerminal: s.isTerminateState === true,
    isUpdatable: s.isStateUpdatable === true,
    docUploadRequired: s.docUploadRequired === true,
    actions: (s.actions ?? []).map((a) => ({ action: a.action, nextState: a.nextState, roles: a.roles, guard: a.guard, assignTo: a.assignTo ?? 'request', assigneeRequired: a.assigneeRequired === true })),
    onEnterEvents: s.onEnter?.events ?? [],
  }));
  const byName = new Map(states.filter((s) => s.name !== null).map((s) => [s.name!, s]));
  const escalations = (def.escalations ?? []).map((e) => {
    const state = byName.get(e.state)!;
    return { state: e.state, action: e.action, stateSlaMs: ms(e.stateSla) ?? (e.businessSla === undefined ? state.slaMs : undefined), businessSlaMs: ms(e.businessSla) };
  });
  return {
    name: def.businessService,
    business: def.business,
    tenantId: def.tenantId ?? undefined, // a DIGIT export may carry tenantId: null
    businessSlaMs: ms(def.businessServiceSla),
    start: states.find((s) => s.isStart)!,
    states,
    escalations,
    definition: def,
    state(name) {
      const found = byName.get(name);
      if (!found) throw new Error(`workflow ${def.businessService} has no state ${name}`);
      return found;
    },
  };
}
