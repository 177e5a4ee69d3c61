import { invalid } from '../../errors/index.ts';
import type { Mdms, MdmsCriteria } from '../../mdms/index.ts';
import type { EndpointAccess } from '../../access/index.ts';
import type { Route } from '../route.ts';

export const MDMS_PATHS = ['/egov-mdms-service/v1/_search', '/mdms-v2/v1/_search'];

/** DIGIT's MDMS v1 search (also at the MDMS v2 path DIGIT clients use). */
export function mdmsRoutes(mdms: () => Mdms, access: EndpointAccess): Route[] {
  return MDMS_PATHS.map((path) => ({
    path,
    endpoint: 'mdms.search',
    access,
    tenants: (req) => {
      const c = req.body.MdmsCriteria as MdmsCriteria | undefined;
      return c?.tenantId ? [c.tenantId] : [];
    },
    handle: async (req) => {
      const criteria = req.body.MdmsCriteria as MdmsCriteria | undefined;
      if (!criteria || typeof criteria !== 'object') throw invalid('INVALID_REQUEST', 'the request must carry MdmsCriteria', '$.MdmsCriteria');
      const tenantId = criteria.tenantId ?? (req.query.tenantId as string | undefined);
      return req.respond({ MdmsRes: mdms().search({ ...criteria, tenantId }) });
    },
  }));
}
