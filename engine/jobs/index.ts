export { JobRunner, type JobRunnerDeps, type JobStatus } from './runner.ts';
export { jobRunTable } from './tables.ts';
export type { JobRun, RunStatus } from './runs.ts';
