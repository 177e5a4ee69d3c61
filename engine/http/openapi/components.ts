import type { JsonSchema } from '../../definitions/index.ts';
import { ref } from './route-doc.ts';

/** The shared parts of every route's contract: DIGIT's envelope and error shape, and the token schemes. */
export const envelopeSchemas: Record<string, JsonSchema> = {
  RequestInfo: {
    type: 'object',
    description:
      "DIGIT's request envelope. authToken may carry the access token (as may an Authorization: Bearer header); userInfo is replaced by the server with the signed-in user, whatever the client sent.",
    properties: {
      apiId: { type: ['string', 'null'] },
      ver: { type: ['string', 'null'] },
      ts: { type: ['integer', 'string', 'null'] },
      action: { type: ['string', 'null'] },
      did: { type: ['string', 'null'] },
      key: { type: ['string', 'null'] },
      msgId: { type: ['string', 'null'], description: 'e.g. 20170310130900|en_IN: the part after | is the locale.' },
      authToken: { type: ['string', 'null'] },
      correlationId: { type: ['string', 'null'] },
      userInfo: { type: ['object', 'null'] },
    },
  },
  ResponseInfo: {
    type: 'object',
    description: 'Echoes apiId, ver and msgId of the request.',
    properties: {
      apiId: { type: ['string', 'null'] },
      ver: { type: ['string', 'null'] },
      ts: { type: 'integer' },
      resMsgId: { type: 'string' },
      msgId: { type: ['string', 'null'] },
      status: { type: 'string', enum: ['successful', 'failed'] },
    },
    required: ['apiId', 'ver', 'ts', 'resMsgId', 'msgId', 'status'],
  },
  Error: {
    type: 'object',
    properties: {
      code: { type: 'string', description: 'What went wrong, e.g. INVALID_MOBILE_NUMBER, STALE_RECORD.' },
      message: { type: 'string' },
      description: { type: 'string' },
      params: { type: ['array', 'null'], items: { type: 'string' }, description: 'The JSON path of the offending field, e.g. ["$.asset.owner.mobileNumber"].' },
    },
    required: ['code', 'message', 'description', 'params'],
  },
  ErrorResponse: {
    type: 'object',
    description: "Every error has DIGIT's shape: ResponseInfo with status failed, and one or more Errors.",
    properties: { ResponseInfo: ref('ResponseInfo'), Errors: { type: 'array', items: ref('Error'), minItems: 1 } },
    required: ['ResponseInfo', 'Errors'],
  },
  Pagination: {
    type: 'object',
    description: 'The page answered: the limit applied (a limit of -1, all, shows its cap here) and how many match in all.',
    properties: { offSet: { type: 'integer' }, limit: { type: 'integer' }, totalCount: { type: 'integer' } },
    required: ['offSet', 'limit', 'totalCount'],
  },
  AuditDetails: {
    type: 'object',
    properties: {
      createdBy: { type: ['string', 'null'] },
      createdTime: { type: ['integer', 'null'] },
      lastModifiedBy: { type: ['string', 'null'] },
      lastModifiedTime: { type: ['integer', 'null'] },
    },
  },
};

/** Status → what it means, for every route (one place maps error kinds to status: engine/errors). */
export const errorStatuses: Record<string, { name: string; description: string }> = {
  '400': { name: 'Invalid', description: 'The request is invalid: a field is missing, of the wrong type or format, or breaks a rule (params names its JSON path).' },
  '401': { name: 'Unauthenticated', description: 'No valid access token, and the route is not public.' },
  '403': { name: 'Forbidden', description: "The caller's roles do not grant this route at the tenant(s) the request acts in." },
  '404': { name: 'NotFound', description: 'A record the request names does not exist (also: no such route).' },
  '409': { name: 'Conflict', description: 'The request clashes with what is stored: a duplicate, a stale record (changed since read), a run already going.' },
  '410': { name: 'Gone', description: 'What the request names has expired (a short link past its end).' },
  '413': { name: 'TooLarge', description: 'The body is larger than the server accepts.' },
  '429': { name: 'TooMany', description: 'Too many calls of this kind from this address or for this account; Retry-After says when to try again.' },
  '500': { name: 'Unexpected', description: 'An unexpected failure; the message quotes a correlation id that the server logged.' },
};

export const securitySchemes = {
  bearer: {
    type: 'http',
    scheme: 'bearer',
    description:
      "The access token from POST /user/oauth/token, in an Authorization: Bearer header. DIGIT clients may send it as RequestInfo.authToken in the body instead, or as ?access_token= (both are honoured).",
  },
  accessTokenQuery: { type: 'apiKey', in: 'query', name: 'access_token', description: 'The access token as a query parameter (DIGIT clients use it on /user/_details).' },
  oauth2: {
    type: 'oauth2',
    description: "DIGIT's password login: form fields username, password, tenantId, userType and grant_type=password, with the client's Basic credentials (egov-user-client:).",
    flows: { password: { tokenUrl: '/user/oauth/token', refreshUrl: '/user/oauth/token', scopes: { read: 'every route the user holds roles for' } } },
  },
  clientBasic: { type: 'http', scheme: 'basic', description: "The OAuth client's credentials (client:secret), which the token endpoint requires." },
} as const;

/** Who may call a route with a token: any of the token schemes. */
export const tokenSecurity: Record<string, string[]>[] = [{ bearer: [] }, { accessTokenQuery: [] }, { oauth2: ['read'] }];
