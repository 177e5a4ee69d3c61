import { invalid } from '../../errors/index.ts';
import type { IdGenerator, IdRequest } from '../../idgen/index.ts';
import type { Db } from '../../store/index.ts';
import type { EndpointAccess } from '../../access/index.ts';
import { requireTenant, type HttpRequest, type Route } from '../route.ts';

export const IDGEN_PATH = '/egov-idgen/id/_generate';

function idRequestsOf(req: HttpRequest): IdRequest[] {
  const list = req.body.idRequests;
  if (!Array.isArray(list) || list.length === 0) throw invalid('INVALID_REQUEST', 'idRequests must be a non-empty list', '$.idRequests');
  return list.map((r: Record<string, unknown>, i) => ({
    tenantId: requireTenant(r?.tenantId, `$.idRequests[${i}].tenantId`),
    idName: typeof r.idName === 'string' ? r.idName : undefined,
    format: typeof r.format === 'string' ? r.format : undefined,
    count: r.count === undefined ? undefined : Number(r.count),
  }));
}

/** DIGIT's `/egov-idgen/id/_generate`: `{idRequests: [{idName, tenantId, format?, count?}]}` → `{idResponses: [{id}]}`. */
export function idgenRoutes(db: Db, idgen: IdGenerator, access: EndpointAccess): Route[] {
  return [
    {
      path: IDGEN_PATH,
      endpoint: 'idgen.generate',
      access,
      tenants: (req) => idRequestsOf(req).map((r) => r.tenantId),
      handle: async (req) => {
        const requests = idRequestsOf(req);
        const ids = await db.transaction().execute(async (trx) => {
          const out: string[] = [];
          for (const r of requests) out.push(...(await idgen.generate(trx, r)));
          return out;
        });
        return req.respond({ idResponses: ids.map((id) => ({ id })) });
      },
    },
  ];
}
