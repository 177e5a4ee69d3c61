import { valuesOf, type Kind } from '../../kind.ts';
import { mdmsOf } from '../mdms-data/index.ts';
import { endpointRoutes, serviceKind, storedFields } from '../service/index.ts';
import { summaryKind } from '../summary/index.ts';
import { checkAggregates } from './check.ts';
import { aggregateSchema } from './schema.ts';
import type { AggregateDefinition } from './types.generated.ts';

export type * from './types.generated.ts';
export { AGGREGATE_OPERATIONS } from './check.ts';

/** A configured aggregate query (dashboards, reports), compiled to tenant-scoped SQL. */
export const aggregateKind: Kind<'aggregates', AggregateDefinition, AggregateDefinition[]> = {
  name: 'aggregate',
  folder: 'aggregates',
  plural: 'aggregate queries',
  schema: aggregateSchema,
  key: 'aggregates',
  after: ['mdms-data'],
  check(files, ctx) {
    // An aggregate reads the engine's own data and each service's stored fields.
    const sources = new Map(Object.entries(ctx.engine.engineSources).map(([name, fields]) => [name, new Set(fields)]));
    const services = valuesOf(ctx.files(serviceKind));
    const stored = storedFields(ctx);
    for (const { service } of services) {
      const fields = stored(service);
      if (fields && !sources.has(service)) sources.set(service, fields);
    }
    const serviceRoutes = services.flatMap((svc) => endpointRoutes(svc).map((e) => e.route));
    const takenRoutes = new Set([...ctx.engine.engineRoutes, ...serviceRoutes, ...ctx.files(summaryKind).map((s) => s.value.path)]);
    return { value: valuesOf(files), problems: checkAggregates(files, { roles: mdmsOf(ctx).roleCodes(), sources, takenRoutes }) };
  },
  count: (aggregates) => `${aggregates.length} aggregate query(ies)`,
};
