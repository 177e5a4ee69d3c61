import type { EndpointAccess } from '../../access/index.ts';
import type { Clock } from '../../clock/index.ts';
import { resolveLink, shorten, type ShortenerPolicy } from '../../shortener/index.ts';
import type { Db } from '../../store/index.ts';
import { criteria, envelope, type RouteDoc } from '../openapi/route-doc.ts';
import { ANONYMOUS, baseUrlOf, RedirectAnswer, TextAnswer, type Route } from '../route.ts';

export const SHORTENER_PATHS = { 'shortener.create': '/eus/shortener', 'shortener.open': '/eus/:id' } as const;

export interface ShortenerRouteDeps {
  db: Db;
  clock: Clock;
  policy: ShortenerPolicy;
  grant: (endpointId: string) => EndpointAccess;
  tenantExists: (tenantId: string) => boolean;
  /** The state's tenant: a link that names no known tenant is the state's. */
  stateTenant: () => string;
  /** Where short links point (SEVA_PUBLIC_URL); without it, the host the request came to. */
  publicUrl?: string;
}

const createDoc: RouteDoc = {
  summary: 'Shorten a URL',
  description:
    "DIGIT's egov-url-shortening: answers the short URL as plain text. The link lives until validTill (at most the tenant's maximum) or for the tenant's default (shortener/); its tenant is tenantId, else the long URL's tenantId parameter, else the state.",
  body: envelope({ url: { type: 'string', format: 'uri' }, tenantId: { type: 'string' }, validFrom: { type: 'integer' }, validTill: { type: 'integer' } }, ['url']),
  response: { type: 'string' },
  responseType: 'text/plain',
};

const openDoc: RouteDoc = {
  summary: 'Open a short link',
  description: 'Redirects to the long URL while the link is valid; 410 once it has expired, 404 for a link that does not exist (or is not valid yet).',
  ...criteria({}),
  body: undefined,
  response: {},
  redirect: 'The long URL, in Location.',
};

/** The URL shortener (`eus`): make a short link, and open one. */
export function shortenerRoutes(deps: ShortenerRouteDeps): Route[] {
  return [
    {
      path: SHORTENER_PATHS['shortener.create'],
      endpoint: 'shortener.create',
      doc: createDoc,
      access: deps.grant('shortener.create'),
      tenants: () => [],
      handle: async (req) => {
        const id = await shorten(deps.db, req.body, deps.policy, { now: deps.clock.now(), actor: (req.caller ?? ANONYMOUS).uuid, fallbackTenant: deps.stateTenant(), tenantExists: deps.tenantExists });
        return new TextAnswer(`${baseUrlOf(req, deps.publicUrl)}/eus/${id}`);
      },
    },
    {
      path: SHORTENER_PATHS['shortener.open'],
      method: 'GET',
      endpoint: 'shortener.open',
      doc: openDoc,
      access: deps.grant('shortener.open'),
      tenants: () => [],
      handle: async (req) => new RedirectAnswer(await resolveLink(deps.db, req.params.id ?? '', deps.clock.now())),
    },
  ];
}
