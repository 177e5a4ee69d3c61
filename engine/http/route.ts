import type { Context, Hono } from 'hono';
import { admit, maskAnswer, type EndpointAccess } from '../access/index.ts';
import { invalid } from '../errors/index.ts';
import { toJsonText } from '../money/index.ts';
import type { User } from '../users/index.ts';
import { responseInfo, type RequestInfo } from './envelope.ts';
import { readBody, readQuery, type InputLimits } from './input.ts';
import type { RouteDoc } from './openapi/route-doc.ts';

export interface HttpRequest {
  body: Record<string, unknown>;
  query: Record<string, string | string[]>;
  /** Path parameters (`:name` segments of the route's path). */
  params: Record<string, string>;
  requestInfo: RequestInfo | undefined;
  /** The authenticated user, when a valid token came with the request. */
  caller: User | undefined;
  token: string | undefined;
  header: (name: string) => string | undefined;
  respond: (extra: Record<string, unknown>) => Record<string, unknown>;
}

export interface Route {
  path: string;
  /** Name in error messages and access checks, e.g. `user.create` or `POST /asset/v1/_create`. */
  endpoint: string;
  access: EndpointAccess;
  /** The tenants the request acts in; the caller must be granted the endpoint at each. */
  tenants: (req: HttpRequest) => string[];
  /** How the body arrives: DIGIT's login is form-encoded, everything else JSON. */
  bodyType?: 'json' | 'form';
  handle: (req: HttpRequest) => Promise<unknown>;
  /** What the published contract (/openapi.json) says of the route: its request and answer. */
  doc?: RouteDoc;
}

/**
 * Who writes through a public endpoint or an anonymous look-up without a token: nobody in
 * particular. Its writes are recorded as made by `anonymous`, and it holds no role, so rules that
 * read the caller see none.
 */
export const ANONYMOUS: User = { id: 0, uuid: 'anonymous', userName: 'anonymous', type: 'CITIZEN', tenantId: '', roles: [], active: true };

/** An answer sent as plain text, not JSON (DIGIT answers a few calls with a bare sentence). */
export class TextAnswer {
  constructor(readonly text: string) {}
}

export interface Authenticator {
  userForToken(token: string): Promise<User | undefined>;
}

function tokenOf(c: Context, body: Record<string, unknown>, query: Record<string, string | string[]>): string | undefined {
  const header = c.req.header('authorization');
  if (header?.toLowerCase().startsWith('bearer ')) return header.slice(7).trim();
  const fromBody = (body.RequestInfo as RequestInfo | undefined)?.authToken;
  if (typeof fromBody === 'string' && fromBody !== '') return fromBody;
  const fromQuery = query.access_token;
  return typeof fromQuery === 'string' && fromQuery !== '' ? fromQuery : undefined;
}

/** Mounts a route: read the body, find the caller, check access for the tenants touched, then handle. */
export function mount(app: Hono, route: Route, auth: Authenticator, limits: InputLimits): void {
  app.post(route.path, async (c) => {
    const query = readQuery(c);
    const body = await readBody(c, route.bodyType ?? 'json', limits);
    const token = tokenOf(c, body, query);
    const caller = token ? await auth.userForToken(token) : undefined;
    const requestInfo = body.RequestInfo as RequestInfo | undefined;
    // The server's view of the caller replaces whatever userInfo the client claimed.
    if (requestInfo && typeof requestInfo === 'object') requestInfo.userInfo = caller ?? null;
    const req: HttpRequest = {
      body,
      query,
      params: c.req.param() as Record<string, string>,
      requestInfo,
      caller,
      token,
      header: (name) => c.req.header(name),
      respond: (extra) => ({ ResponseInfo: responseInfo(requestInfo, true), ...extra }),
    };
    const admission = admit(route.endpoint, route.access, caller, route.access.mode === 'roles' ? route.tenants(req) : [], criteriaOf(req));
    const answer = await route.handle(req);
    if (answer instanceof TextAnswer) return c.text(answer.text);
    // As c.json, with numbers an answer fixes to their decimals written so (money/fixed.ts).
    return c.body(toJsonText(admission.masked ? maskAnswer(answer, admission.rules) : answer), 200, { 'content-type': 'application/json' });
  });
}

/** The tenant a request names, or a 400 saying where it was expected. */
export function requireTenant(value: unknown, path: string): string {
  if (typeof value !== 'string' || value === '') throw invalid('INVALID_TENANT_ID', `${path} is required`, path);
  return value;
}

/**
 * Search criteria: query parameters and the body (less RequestInfo), including a `criteria`
 * object, as DIGIT clients send them one way or another.
 */
export function criteriaOf(req: HttpRequest): Record<string, unknown> {
  const { RequestInfo: _ignored, criteria, ...rest } = req.body;
  return { ...rest, ...(criteria && typeof criteria === 'object' ? (criteria as Record<string, unknown>) : {}), ...req.query };
}

/** What a paged answer states about its page: the limit applied (a `limit=-1` shows its cap here). */
export function paginationOf(page: { offset: number; limit: number }, totalCount: number) {
  return { offSet: page.offset, limit: page.limit, totalCount };
}
