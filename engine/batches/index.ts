export { BatchRunner, type BatchDeps } from './runner.ts';
export { batchRunTable } from './tables.ts';
export type { BatchRun, BatchFailure, BatchRunStatus } from './runs.ts';
