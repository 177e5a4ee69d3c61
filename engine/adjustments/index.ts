export { AdjustmentRunner, type AdjustmentDeps, type AdjustmentReport } from './runner.ts';
