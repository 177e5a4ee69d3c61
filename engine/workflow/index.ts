export { compileWorkflow, type CompiledWorkflow, type WorkflowAction, type WorkflowState } from './compile.ts';
export { WorkflowEngine, type EscalationReport, type StepTaker, type TransitionStep, type WorkflowDeps } from './engine.ts';
export { businessServiceJson, processInstanceJson, stateJson } from './present.ts';
export { findInstance, type Instance, type Transition } from './records.ts';
export { readActionRequest, type ActionRequest } from './request.ts';
export { readProcessCriteria, type ProcessCriteria } from './search.ts';
export { instanceTable, transitionTable } from './tables.ts';
export { actorUuid, stateOf, TRANSITION_TOPIC, type ActionContext, type ActionOutcome, type Actor } from './transition.ts';
