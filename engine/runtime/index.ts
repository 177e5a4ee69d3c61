export { ServiceRuntime } from './service.ts';
export type { CallContext, RuntimeDeps } from './context.ts';
