import type { AggregateRunner } from '../../aggregates/index.ts';
import { criteriaOf, requireTenant, type HttpRequest, type Route } from '../route.ts';
import { aggregateDoc } from './aggregate-docs.ts';

/** Each aggregate query (aggregates/) at its path: the caller's tenant and parameters → its figures. */
export function aggregateRoutes(runner: AggregateRunner): Route[] {
  const tenantOf = (req: HttpRequest) => [requireTenant(criteriaOf(req).tenantId, '$.tenantId')];
  return runner.definitions.map((def) => ({
    path: def.path,
    endpoint: `POST ${def.path}`,
    access: { mode: 'roles', roles: def.roles },
    tenants: tenantOf,
    doc: aggregateDoc(def),
    handle: async (req) => {
      const criteria = criteriaOf(req);
      const answer = await runner.run(def.aggregate, String(criteria.tenantId), criteria);
      return req.respond(answer as Record<string, unknown>);
    },
  }));
}
