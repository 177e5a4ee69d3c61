export { AdjustmentRunner, type AdjustmentDeps, type EstimateResult, type AdjustmentReport, type EstimatedLine } from './runner.ts';
