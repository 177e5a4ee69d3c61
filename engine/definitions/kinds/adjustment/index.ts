import { valuesOf, type Kind } from '../../kind.ts';
import { ruleSetNames } from '../rule-set/index.ts';
import { checkAdjustments } from './check.ts';
import { adjustmentSchema } from './schema.ts';
import type { AdjustmentDefinition } from './types.generated.ts';

// The look-up and mask types are the access kind's too (schema-parts.ts): exported from there.
export type { AdjustmentDefinition, AdjustmentEstimate } from './types.generated.ts';

/** A head added once to unpaid demands, its amount from a rule set (a penalty). */
export const adjustmentKind: Kind<'adjustments', AdjustmentDefinition, AdjustmentDefinition[]> = {
  name: 'adjustment',
  folder: 'adjustments',
  plural: 'demand adjustments',
  schema: adjustmentSchema,
  key: 'adjustments',
  check: (files, ctx) => ({ value: valuesOf(files), problems: checkAdjustments(files, ruleSetNames(ctx)) }),
  count: (adjustments) => `${adjustments.length} demand adjustment(s)`,
};
