import type { IncomingMessage } from 'node:http';
import type { Context, Hono } from 'hono';
import { admit, maskAnswer, type Admission, type EndpointAccess } from '../access/index.ts';
import { invalid } from '../errors/index.ts';
import { toJsonText } from '../money/index.ts';
import type { User } from '../users/index.ts';
import { responseInfo, type RequestInfo } from './envelope.ts';
import { readBody, readQuery, type InputLimits } from './input.ts';
import type { RouteDoc } from './openapi/route-doc.ts';

export interface HttpRequest {
  body: Record<string, unknown>;
  query: Record<string, string | string[]>;
  /** Files of a multipart body (its other fields are in `body`, as text). */
  files: { field: string; name: string; type: string; bytes: Uint8Array }[];
  /** Path parameters (`:name` segments of the route's path). */
  params: Record<string, string>;
  requestInfo: RequestInfo | undefined;
  /** The authenticated user, when a valid token came with the request. */
  caller: User | undefined;
  token: string | undefined;
  /** The client's address: the connection's, or X-Forwarded-For's first hop when trusted. */
  clientAddress: string | undefined;
  header: (name: string) => string | undefined;
  respond: (extra: Record<string, unknown>) => Record<string, unknown>;
}

export interface Route {
  path: string;
  /** POST (DIGIT's way, the default), or GET for a link a browser opens. */
  method?: 'GET' | 'POST';
  /** Name in error messages and access checks, e.g. `user.create` or `POST /asset/v1/_create`. */
  endpoint: string;
  access: EndpointAccess;
  /** The tenants the request acts in; the caller must be granted the endpoint at each. */
  tenants: (req: HttpRequest) => string[];
  /** The request is about the caller's own record (a grant with `self` lets anyone signed in make it). */
  self?: (req: HttpRequest) => boolean;
  /** How the body arrives: DIGIT's login is form-encoded, file uploads multipart, everything else JSON. */
  bodyType?: 'json' | 'form' | 'multipart';
  /**
   * The handler itself decides whether a caller without a session may go on (a file upload, per
   * module): a grant with `anonymousWhereAllowed` then lets such callers reach it. Other routes
   * ignore that grant's widening.
   */
  decidesAnonymous?: boolean;
  /** The status of a successful answer (200 unless said; DIGIT's file upload answers 201). */
  status?: 200 | 201;
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

/** An answer sent as bytes with their media type (a stored file), shown `inline` under its name. */
export class BytesAnswer {
  constructor(
    readonly bytes: Uint8Array,
    readonly contentType: string,
    readonly fileName: string,
  ) {}
}

/** An answer that sends the client elsewhere (302): a short link opened in a browser. */
export class RedirectAnswer {
  constructor(readonly location: string) {}
}

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

export interface MountOptions extends InputLimits {
  /** Behind a proxy that sets it: the client address is X-Forwarded-For's first hop. */
  trustForwardedFor: boolean;
}

function clientAddressOf(c: Context, trustForwardedFor: boolean): string | undefined {
  const forwarded = trustForwardedFor ? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() : undefined;
  if (forwarded) return forwarded;
  return (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket?.remoteAddress;
}

/** Mounts a route: read the body, find the caller, check access for the tenants touched, then handle. */
export function mount(app: Hono, route: Route, auth: Authenticator, limits: MountOptions): void {
  app.on(route.method ?? 'POST', route.path, async (c) => {
    const query = readQuery(c);
    const { body, files } = route.method === 'GET' ? { body: {}, files: [] } : await readBody(c, route.bodyType ?? 'json', limits);
    const token = tokenOf(c, body, query);
    const caller = token ? await auth.userForToken(token) : undefined;
    const requestInfo = body.RequestInfo as RequestInfo | undefined;
    // The server's view of the caller replaces whatever userInfo the client claimed.
    if (requestInfo && typeof requestInfo === 'object') requestInfo.userInfo = caller ?? null;
    const req: HttpRequest = {
      body,
      files,
      query,
      params: c.req.param() as Record<string, string>,
      requestInfo,
      caller,
      token,
      clientAddress: clientAddressOf(c, limits.trustForwardedFor),
      header: (name) => c.req.header(name),
      respond: (extra) => ({ ResponseInfo: responseInfo(requestInfo, true), ...extra }),
    };
    const admission = admitted(route, req);
    const answer = await route.handle(req);
    if (answer instanceof TextAnswer) return c.text(answer.text);
    if (answer instanceof BytesAnswer) return c.body(new Uint8Array(answer.bytes), 200, { 'content-type': answer.contentType, 'content-disposition': contentDisposition(answer.fileName) });
    if (answer instanceof RedirectAnswer) return c.redirect(answer.location, 302);
    // As c.json, with numbers an answer fixes to their decimals written so (money/fixed.ts).
    return c.body(toJsonText(admission.masked ? maskAnswer(answer, admission.rules) : answer), route.status ?? 200, { 'content-type': 'application/json' });
  });
}

/** `inline`, with the name as plain ASCII and in full (RFC 6266's filename*), so no name can break the header. */
function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Who may make the request and see what (access/), for a mounted route or one called inside the server. */
export function admitted(route: Route, req: HttpRequest): Admission {
  const self = route.self?.(req) === true;
  const access = route.access.mode === 'authenticated' && !route.decidesAnonymous ? { mode: 'authenticated' as const } : route.access;
  return admit(route.endpoint, access, req.caller, access.mode === 'roles' && !self ? route.tenants(req) : [], criteriaOf(req), self);
}

/** Where a link made from this request points: the configured public URL, else the request's own host. */
export function baseUrlOf(req: HttpRequest, publicUrl: string | undefined): string {
  if (publicUrl) return publicUrl.replace(/\/+$/, '');
  const proto = req.header('x-forwarded-proto') === 'https' ? 'https' : 'http';
  return `${proto}://${req.header('host') ?? 'localhost'}`;
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
