import { defaultEndpointPaths } from '../../definitions/index.ts';
import type { ServiceRuntime } from '../../runtime/index.ts';
import { criteriaOf, paginationOf, requireTenant, type HttpRequest, type Route } from '../route.ts';
import { serviceDocs } from './service-docs.ts';

/** `_create`, `_update` and `_search` of one service, at the paths and for the roles its definition gives. */
export function serviceRoutes(runtime: ServiceRuntime): Route[] {
  const def = runtime.definition;
  const routes: Route[] = [];
  const pathOf = (name: keyof typeof defaultEndpointPaths) => `${def.basePath}${def.endpoints[name]?.path ?? defaultEndpointPaths[name]}`;
  const responseKey = def.entity.responseKey;
  const caller = (req: HttpRequest) => ({ caller: req.caller! });
  const docs = serviceDocs(def);
  const entityTenants = (req: HttpRequest) => runtime.entitiesOf(req.body).map(({ entity, path }) => requireTenant(entity.tenantId, `${path}.tenantId`));

  for (const action of ['create', 'update'] as const) {
    const endpoint = def.endpoints[action];
    if (!endpoint) continue;
    const path = pathOf(action);
    routes.push({
      path,
      endpoint: `POST ${path}`,
      access: { mode: 'roles', roles: endpoint.roles ?? [] },
      tenants: entityTenants,
      doc: docs[action],
      handle: async (req) => {
        const items = runtime.entitiesOf(req.body);
        const saved = action === 'create' ? await runtime.create(caller(req), items) : await runtime.update(caller(req), items);
        return req.respond({ [responseKey]: saved });
      },
    });
  }
  if (def.endpoints.search) {
    const path = pathOf('search');
    routes.push({
      path,
      endpoint: `POST ${path}`,
      access: { mode: 'roles', roles: def.endpoints.search.roles ?? [] },
      tenants: (req) => [requireTenant(criteriaOf(req).tenantId, '$.tenantId')],
      doc: docs.search,
      handle: async (req) => {
        const { items, totalCount, page, counts } = await runtime.search(criteriaOf(req));
        return req.respond({
          [responseKey]: items,
          [def.search.totalCountKey ?? 'totalCount']: totalCount,
          ...counts,
          Pagination: paginationOf(page, totalCount),
        });
      },
    });
  }
  return routes;
}
