import { describe, expect, it } from 'vitest';
import { compileWorkflow } from './index.ts';

describe('compileWorkflow', () => {
  const wf = compileWorkflow({
    businessService: 'Flow',
    businessServiceSla: 'P2D',
    states: [
      { state: null, isStartState: true, actions: [{ action: 'OPEN', nextState: 'OPEN', roles: ['A'] }] },
      { state: 'OPEN', sla: 'PT6H', actions: [{ action: 'CLOSE', nextState: 'CLOSED', roles: ['B'], assignTo: 'creator' }] },
      { state: 'CLOSED', applicationStatus: 'DONE', isTerminateState: true },
    ],
    escalations: [{ state: 'OPEN', action: 'CLOSE' }, { state: 'OPEN', action: 'CLOSE', businessSla: 'P1D' }],
  });

  it('reads durations, defaults and the start state', () => {
    expect(wf.businessSlaMs).toBe(2 * 86_400_000);
    expect(wf.start.name).toBeNull();
    expect(wf.state('OPEN')).toMatchObject({ slaMs: 6 * 3_600_000, applicationStatus: 'OPEN', isUpdatable: false, actions: [{ assignTo: 'creator', assigneeRequired: false }] });
    expect(wf.state('CLOSED')).toMatchObject({ applicationStatus: 'DONE', isTerminal: true, actions: [] });
    expect(() => wf.state('GONE')).toThrow(/no state GONE/);
  });

  it("escalates after the state's SLA unless a limit is given", () => {
    expect(wf.escalations).toEqual([
      { state: 'OPEN', action: 'CLOSE', stateSlaMs: 6 * 3_600_000, businessSlaMs: undefined },
      { state: 'OPEN', action: 'CLOSE', stateSlaMs: undefined, businessSlaMs: 86_400_000 },
    ]);
  });
});
