import { invalid } from '../../errors/index.ts';
import type { Mdms, MdmsCriteria } from '../../mdms/index.ts';
import type { EndpointAccess } from '../../access/index.ts';
import { answer, envelope, listOf, type RouteDoc } from '../openapi/route-doc.ts';
import type { Route } from '../route.ts';

export const MDMS_PATHS = ['/egov-mdms-service/v1/_search', '/mdms-v2/v1/_search'];

const text = { type: 'string' };
const mdmsDoc: RouteDoc = {
  summary: 'Search master data (MDMS)',
  description: "A tenant's masters by module and master name; a GP's masters fall back to its state's. A filter is DIGIT's JSONPath filter, e.g. [?(@.active == true)].",
  query: [{ name: 'tenantId', schema: text, description: 'When MdmsCriteria.tenantId is absent.' }],
  body: envelope(
    {
      MdmsCriteria: {
        type: 'object',
        required: ['moduleDetails'],
        properties: {
          tenantId: text,
          moduleDetails: listOf({
            type: 'object',
            required: ['moduleName', 'masterDetails'],
            properties: { moduleName: text, masterDetails: listOf({ type: 'object', required: ['name'], properties: { name: text, filter: { type: ['string', 'null'] } } }) },
          }),
        },
      },
    },
    ['MdmsCriteria'],
  ),
  response: answer({
    MdmsRes: { type: 'object', description: 'Module name → master name → its records.', additionalProperties: { type: 'object', additionalProperties: { type: 'array' } } },
  }),
};

/** DIGIT's MDMS v1 search (also at the MDMS v2 path DIGIT clients use). */
export function mdmsRoutes(mdms: () => Mdms, access: EndpointAccess): Route[] {
  return MDMS_PATHS.map((path) => ({
    path,
    endpoint: 'mdms.search',
    access,
    doc: mdmsDoc,
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
