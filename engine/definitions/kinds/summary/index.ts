import { valuesOf, type Kind } from '../../kind.ts';
import { mdmsOf } from '../mdms-data/index.ts';
import { ruleSetKind } from '../rule-set/index.ts';
import { serviceKind } from '../service/index.ts';
import { checkSummaries } from './check.ts';
import { summarySchema } from './schema.ts';
import type { SummaryDefinition } from './types.generated.ts';

export type * from './types.generated.ts';

/** What one consumer owes, as sums of tax heads over its demands, shaped into a response. */
export const summaryKind: Kind<'summaries', SummaryDefinition, SummaryDefinition[]> = {
  name: 'summary',
  folder: 'summaries',
  plural: 'consumer summaries',
  schema: summarySchema,
  key: 'summaries',
  after: ['mdms-data'],
  check(files, ctx) {
    const services = ctx.files(serviceKind);
    const problems = checkSummaries(files, {
      roles: mdmsOf(ctx).roleCodes(),
      takenRoutes: (path) => ctx.engine.engineRoutes.has(path) || services.some((s) => s.value.basePath === path),
      ruleSets: ctx.incomplete(ruleSetKind) ? undefined : ctx.files(ruleSetKind).map((r) => r.value.rules),
    });
    return { value: valuesOf(files), problems };
  },
  count: (summaries) => `${summaries.length} consumer summary(ies)`,
};
