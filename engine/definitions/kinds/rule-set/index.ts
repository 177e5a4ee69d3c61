import { valuesOf, type CheckContext, type Kind } from '../../kind.ts';
import { masterSchemaKind } from '../mdms-schema/index.ts';
import { checkRuleSets } from './check.ts';
import { ruleSetSchema } from './schema.ts';
import type { RuleSetDefinition } from './types.generated.ts';

export type * from './types.generated.ts';

/** Named json-logic computations, with examples that `seva test` runs. */
export const ruleSetKind: Kind<'ruleSets', RuleSetDefinition, RuleSetDefinition[]> = {
  name: 'rule-set',
  folder: 'rules',
  plural: 'rule sets',
  schema: ruleSetSchema,
  key: 'ruleSets',
  after: ['mdms-schema'],
  check: (files, ctx) => ({ value: valuesOf(files), problems: checkRuleSets(files, new Set(ctx.value(masterSchemaKind).keys())) }),
  count: (ruleSets) => `${ruleSets.length} rule set(s)`,
};

/** Names of the rule sets others may name; undefined when a rule-set file failed to load (the name may be in it). */
export function ruleSetNames(ctx: CheckContext): Set<string> | undefined {
  return ctx.incomplete(ruleSetKind) ? undefined : new Set(ctx.files(ruleSetKind).map((r) => r.value.rules));
}
