import type { StepTaker, WorkflowEngine } from '../workflow/index.ts';
import type { ServiceRuntime } from './service.ts';

/**
 * The step taker boot hands the `_transition` API and escalations: a step of a workflow a
 * service's entity follows is taken by that service (the entity locked and moved with it); any
 * other step by the workflow engine on the application alone.
 */
export function serviceStepTaker(runtimes: ServiceRuntime[], workflow: WorkflowEngine): StepTaker {
  const byWorkflow = new Map(runtimes.filter((r) => r.flow).map((r) => [r.flow!.workflow.name, r]));
  return (w, step, actor, options) => {
    const runtime = byWorkflow.get(step.workflow.name);
    return runtime ? runtime.takeStep(w, step.target, step.request, actor, options) : workflow.takeStep(w, step, actor, options);
  };
}
