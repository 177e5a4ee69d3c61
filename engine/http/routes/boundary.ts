import type { EndpointAccess } from '../../access/index.ts';
import { BOUNDARY_MASTER, listParam, searchLocations, searchRelationships } from '../../boundary/index.ts';
import { invalid } from '../../errors/index.ts';
import type { Mdms } from '../../mdms/index.ts';
import { responseInfo, type RequestInfo } from '../envelope.ts';
import { answer, criteria, listCriterion, listOf, nullable, ref, type RouteDoc } from '../openapi/route-doc.ts';
import { criteriaOf, requireTenant, type HttpRequest, type Route } from '../route.ts';

/** Endpoint (as access grants name it) → path. */
export const BOUNDARY_PATHS = {
  'boundary.location.search': '/egov-location/location/v11/boundarys/_search',
  'boundary.relationship.search': '/boundary-service/boundary-relationships/_search',
};

const text = { type: 'string' };
const flag = { anyOf: [{ type: 'boolean' }, { type: 'string', enum: ['true', 'false'] }] };

/** The answer's boundary as egov-location gives it (MdmsBoundary): coordinates as text, children alike. */
const locationBoundary = {
  type: 'object',
  required: ['code', 'children'],
  properties: {
    code: text,
    name: nullable(text),
    label: nullable({ type: 'string', description: 'the boundary type: City, Zone, Block, Locality, ...' }),
    latitude: nullable(text),
    longitude: nullable(text),
    area: nullable(text),
    pincode: nullable(listOf({ type: 'integer' })),
    boundaryNum: nullable({ type: 'integer' }),
    children: listOf(ref('LocationBoundary')),
  },
};

const hierarchyType = { type: 'object', required: ['code'], properties: { code: text, name: text, localName: text } };

const locationsDoc: RouteDoc = {
  summary: "Search a tenant's boundaries (DIGIT egov-location)",
  description:
    `From the ${BOUNDARY_MASTER} master, one answer per hierarchy type: the whole tree; with boundaryType, the boundaries of that type (any case) from every level below the tenant, each with its subtree; with codes, the boundaries that are or hold one of them. ` +
    'The body is a RequestInfo, bare (as DIGIT clients send it) or as {RequestInfo}; the criteria are query parameters. Open to everyone, as master data is.',
  ...criteria(
    { tenantId: text, hierarchyTypeCode: { type: 'string', description: 'REVENUE, ADMIN, ... (any case; several comma-separated)' }, boundaryType: text, codes: listCriterion() },
    ['tenantId'],
  ),
  response: answer({ TenantBoundary: listOf({ type: 'object', required: ['hierarchyType', 'boundary', 'tenantId'], properties: { hierarchyType, boundary: listOf(ref('LocationBoundary')), tenantId: text } }) }),
  schemas: { LocationBoundary: locationBoundary },
};

const relationship = {
  type: 'object',
  required: ['code', 'boundaryType', 'children'],
  properties: { id: nullable(text), code: text, boundaryType: text, children: listOf(ref('BoundaryRelationship')) },
};

const relationshipsDoc: RouteDoc = {
  summary: 'Search boundary relationships (DIGIT boundary-service)',
  description:
    `The same ${BOUNDARY_MASTER} trees as boundary-service answers them: the boundaries of boundaryType and/or codes (the root when neither is given), under parent when given, with their ancestors (includeParents) and descendants (includeChildren), ` +
    'nested from the highest-level type found. A tenant without that hierarchy is refused with HIERARCHY_DEFINITION_DOES_NOT_EXIST_ERR.',
  ...criteria(
    { tenantId: text, hierarchyType: text, boundaryType: text, codes: listCriterion(), parent: text, includeChildren: flag, includeParents: flag },
    ['tenantId', 'hierarchyType'],
  ),
  response: answer({ TenantBoundary: listOf({ type: 'object', required: ['tenantId', 'hierarchyType', 'boundary'], properties: { tenantId: text, hierarchyType: text, boundary: listOf(ref('BoundaryRelationship')) } }) }),
  schemas: { BoundaryRelationship: relationship },
};

const word = (value: unknown) => (value === undefined || value === null || value === '' ? undefined : String(value));
const isTrue = (value: unknown) => value === true || String(value).toLowerCase() === 'true';

/** egov-location takes the RequestInfo as the whole body; `{RequestInfo}` is taken too. */
function requestInfoOf(req: HttpRequest): RequestInfo | undefined {
  if (req.requestInfo) return req.requestInfo;
  const { apiId, msgId } = req.body as { apiId?: unknown; msgId?: unknown };
  return apiId !== undefined || msgId !== undefined ? (req.body as RequestInfo) : undefined;
}

/** DIGIT's two boundary searches, answered from the tenant's boundary master. */
export function boundaryRoutes(mdms: () => Mdms, grant: (endpoint: keyof typeof BOUNDARY_PATHS) => EndpointAccess): Route[] {
  const locationCriteria = (req: HttpRequest) => {
    const c = criteriaOf(req);
    return { tenantId: requireTenant(word(c.tenantId), '$.tenantId'), hierarchyTypeCodes: listParam(c.hierarchyTypeCode), boundaryType: word(c.boundaryType), codes: listParam(c.codes) };
  };
  const relationshipCriteria = (req: HttpRequest) => {
    const c = criteriaOf(req);
    const hierarchy = word(c.hierarchyType);
    if (!hierarchy) throw invalid('REQUIRED_FIELD_MISSING', '$.hierarchyType is required', '$.hierarchyType');
    return {
      tenantId: requireTenant(word(c.tenantId), '$.tenantId'),
      hierarchyType: hierarchy,
      boundaryType: word(c.boundaryType),
      codes: listParam(c.codes),
      parent: word(c.parent),
      includeChildren: isTrue(c.includeChildren),
      includeParents: isTrue(c.includeParents),
    };
  };
  return [
    {
      path: BOUNDARY_PATHS['boundary.location.search'],
      endpoint: 'boundary.location.search',
      access: grant('boundary.location.search'),
      doc: locationsDoc,
      tenants: (req) => [locationCriteria(req).tenantId],
      handle: async (req) => ({ ResponseInfo: responseInfo(requestInfoOf(req), true), TenantBoundary: searchLocations(mdms(), locationCriteria(req)) }),
    },
    {
      path: BOUNDARY_PATHS['boundary.relationship.search'],
      endpoint: 'boundary.relationship.search',
      access: grant('boundary.relationship.search'),
      doc: relationshipsDoc,
      tenants: (req) => [relationshipCriteria(req).tenantId],
      handle: async (req) => req.respond({ TenantBoundary: searchRelationships(mdms(), relationshipCriteria(req)) }),
    },
  ];
}
