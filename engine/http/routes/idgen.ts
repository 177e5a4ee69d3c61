import { invalid } from '../../errors/index.ts';
import type { IdGenerator, IdRequest } from '../../idgen/index.ts';
import type { Db } from '../../store/index.ts';
import type { EndpointAccess } from '../../access/index.ts';
import { answer, envelope, listOf } from '../openapi/route-doc.ts';
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
      doc: {
        summary: 'Generate IDs',
        description: 'IDs by a named format of common-masters.IdFormat (idName) or a format given whole, e.g. WS/[CITY.CODE]/[fy:yyyy-yy]/[SEQ_WS_CON_ID_[TENANT_ID]]; all in one transaction.',
        body: envelope(
          {
            idRequests: {
              type: 'array',
              minItems: 1,
              items: { type: 'object', required: ['tenantId'], properties: { tenantId: { type: 'string' }, idName: { type: 'string' }, format: { type: 'string' }, count: { type: 'integer', minimum: 1 } } },
            },
          },
          ['idRequests'],
        ),
        response: answer({ idResponses: listOf({ type: 'object', properties: { id: { type: 'string' } }, required: ['id'] }) }),
      },
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
