import { valuesOf, type Kind } from '../../kind.ts';
import { mdmsOf } from '../mdms-data/index.ts';
import { ruleSetNames } from '../rule-set/index.ts';
import { serviceKind, storedFields } from '../service/index.ts';
import { checkBatches } from './check.ts';
import { batchSchema } from './schema.ts';
import type { BatchDefinition } from './types.generated.ts';

export type * from './types.generated.ts';

/** A bulk operation: a demand for each matching record of a service, per tenant. */
export const batchKind: Kind<'batches', BatchDefinition, BatchDefinition[]> = {
  name: 'batch',
  folder: 'batches',
  plural: 'bulk operations',
  schema: batchSchema,
  key: 'batches',
  after: ['mdms-data'],
  check(files, ctx) {
    const problems = checkBatches(files, {
      roles: mdmsOf(ctx).roleCodes(),
      services: valuesOf(ctx.files(serviceKind)),
      storedFields: storedFields(ctx),
      ruleSets: ruleSetNames(ctx),
      reservedRoutes: ctx.engine.engineRoutes,
    });
    return { value: valuesOf(files), problems };
  },
  count: (batches) => `${batches.length} bulk operation(s)`,
};
