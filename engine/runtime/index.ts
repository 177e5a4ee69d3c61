export { ServiceRuntime } from './service.ts';
export type { CallContext, RuntimeDeps } from './context.ts';
export { demandFromSpec } from './demand-spec.ts';
export { findRelated } from './related.ts';
export { entityParticipants } from './participants.ts';
export { serviceStepTaker } from './steps.ts';
export { namedSearchView, type SearchView } from './search.ts';
