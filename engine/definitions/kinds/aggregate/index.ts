import { valuesOf, type Kind } from '../../kind.ts';
import { mdmsOf } from '../mdms-data/index.ts';
import { columnOf, persisterKind } from '../persister/index.ts';
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
    const persisters = valuesOf(ctx.files(persisterKind));
    for (const svc of services) {
      const fields = stored(svc.service);
      if (!fields || sources.has(svc.service)) continue;
      // Its billing figures read as fields too; each child table is a source of its own.
      sources.set(svc.service, new Set([...fields, ...Object.keys(svc.search.billing?.fields ?? {})]));
      for (const child of persisters.find((p) => p.persister === svc.persister)?.children ?? []) {
        sources.set(`${svc.service}.${child.path}`, new Set([...fields, ...Object.values(child.columns).map((c) => columnOf(c).path)]));
      }
    }
    const serviceRoutes = services.flatMap((svc) => endpointRoutes(svc).map((e) => e.route));
    const takenRoutes = new Set([...ctx.engine.engineRoutes, ...serviceRoutes, ...ctx.files(summaryKind).map((s) => s.value.path)]);
    return { value: valuesOf(files), problems: checkAggregates(files, { roles: mdmsOf(ctx).roleCodes(), sources, takenRoutes }) };
  },
  count: (aggregates) => `${aggregates.length} aggregate query(ies)`,
};
