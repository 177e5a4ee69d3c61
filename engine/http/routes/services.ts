import { defaultEndpointPaths } from '../../definitions/index.ts';
import type { EndpointAccess } from '../../access/index.ts';
import { namedSearchView, type ServiceRuntime } from '../../runtime/index.ts';
import { ANONYMOUS, criteriaOf, paginationOf, requireTenant, TextAnswer, type HttpRequest, type Route } from '../route.ts';
import { namedSearchDoc, serviceDocs } from './service-docs.ts';

/**
 * `_create`, `_update` and `_search` of one service, and its named searches, at the paths and for
 * the roles its definition gives.
 */
export function serviceRoutes(runtime: ServiceRuntime): Route[] {
  const def = runtime.definition;
  const routes: Route[] = [];
  const pathOf = (name: keyof typeof defaultEndpointPaths) => `${def.basePath}${def.endpoints[name]?.path ?? defaultEndpointPaths[name]}`;
  const responseKey = def.entity.responseKey;
  const docs = serviceDocs(def);
  const entityTenants = (req: HttpRequest) => runtime.entitiesOf(req.body).map(({ entity, path }) => requireTenant(entity.tenantId, `${path}.tenantId`));
  const criteriaTenant = (req: HttpRequest) => [requireTenant(criteriaOf(req).tenantId, '$.tenantId')];

  for (const action of ['create', 'update'] as const) {
    const endpoint = def.endpoints[action];
    if (!endpoint) continue;
    const path = pathOf(action);
    const access: EndpointAccess = endpoint.public ? { mode: 'public' } : { mode: 'roles', roles: endpoint.roles ?? [] };
    routes.push({
      path,
      endpoint: `POST ${path}`,
      access,
      tenants: entityTenants,
      doc: docs[action],
      handle: async (req) => {
        const items = runtime.entitiesOf(req.body);
        const call = { caller: req.caller ?? ANONYMOUS };
        const saved = action === 'create' ? await runtime.create(call, items) : await runtime.update(call, items);
        return endpoint.answer ? new TextAnswer(endpoint.answer.text) : req.respond({ [responseKey]: saved });
      },
    });
  }
  if (def.endpoints.search) {
    const path = pathOf('search');
    routes.push({
      path,
      endpoint: `POST ${path}`,
      access: { mode: 'roles', roles: def.endpoints.search.roles ?? [] },
      tenants: criteriaTenant,
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
  for (const named of def.searches ?? []) {
    const path = `${def.basePath}${named.path}`;
    const view = namedSearchView(def, named);
    routes.push({
      path,
      endpoint: `POST ${path}`,
      access: { mode: 'roles', roles: named.roles },
      tenants: criteriaTenant,
      doc: namedSearchDoc(def, named),
      handle: async (req) => {
        const { items, totalCount, page } = await runtime.search(criteriaOf(req), view);
        return req.respond({
          ...(named.also ?? {}),
          [named.responseKey ?? responseKey]: items,
          [named.totalCountKey ?? def.search.totalCountKey ?? 'totalCount']: totalCount,
          Pagination: paginationOf(page, totalCount),
        });
      },
    });
  }
  return routes;
}
