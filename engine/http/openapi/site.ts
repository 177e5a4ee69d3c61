import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Context } from 'hono';
import { notFound } from '../../errors/index.ts';
import type { Route } from '../route.ts';
import { openApiDocument, type OpenApiDocument, type PlainRouteDoc } from './document.ts';

/** A GET route of the server itself, with what the contract says of it. */
export interface SiteRoute {
  doc: PlainRouteDoc;
  handle: (c: Context) => Response | Promise<Response>;
}

/**
 * Swagger UI's files, from the swagger-ui-dist package, found at run time next to the package (as
 * PGlite's WebAssembly is): the compiled server in dist/ serves them too. Only these are served.
 */
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
  'favicon-16x16.png': 'image/png',
};

let assetDir: string | undefined;
const assetCache = new Map<string, Uint8Array<ArrayBuffer>>();

function asset(name: string): Uint8Array<ArrayBuffer> {
  let bytes = assetCache.get(name);
  if (!bytes) {
    assetDir ??= dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
    bytes = new Uint8Array(readFileSync(join(assetDir, name)));
    assetCache.set(name, bytes);
  }
  return bytes;
}

// Everything the page loads comes from this server: the policy makes a browser refuse anything else.
const DOCS_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'";

const DOCS_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Seva API</title>
<link rel="stylesheet" href="/docs/swagger-ui.css">
<link rel="icon" type="image/png" href="/docs/favicon-32x32.png" sizes="32x32">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script>
</body>
</html>
`;

// validatorUrl null: Swagger UI would otherwise send the document to an outside validator.
const DOCS_INIT = `window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
  docExpansion: 'list',
  defaultModelsExpandDepth: 0,
  displayOperationId: false,
  persistAuthorization: true,
  tryItOutEnabled: false,
});
`;

const text = (body: string | Uint8Array<ArrayBuffer>, type: string, headers: Record<string, string> = {}) =>
  new Response(body, { headers: { 'content-type': type, 'cache-control': 'no-cache', ...headers } });

const CONTRACT_INFO = {
  title: 'Seva',
  description: [
    'DIGIT-compatible APIs served by Seva, generated from its definitions (services, summaries, aggregates, batches) and the engine\'s own route declarations.',
    'Every POST route takes DIGIT\'s envelope (`RequestInfo`) and answers with `ResponseInfo`; every error has the shape `{ResponseInfo, Errors: [{code, message, description, params}]}`, `params` holding the JSON path of the offending field.',
    'Sign in at `POST /user/oauth/token` and send the access token as `Authorization: Bearer <token>` (or as `RequestInfo.authToken`). A role held at a GP (`pb.lodhipur`) works there only; one held at the state (`pb`) works in all its GPs.',
  ].join('\n\n'),
};

/** `/`, `/health`, the contract at `/openapi.json`, and the page at `/docs` that renders it. */
export function siteRoutes(routes: Route[]): SiteRoute[] {
  let document: OpenApiDocument | undefined;
  // Made on first request, not at start: a start does not pay for it.
  const contract = () => (document ??= openApiDocument(routes, site.map((r) => r.doc), CONTRACT_INFO));
  const site: SiteRoute[] = [
    {
      doc: {
        path: '/',
        summary: 'Where the contract and its docs are',
        content: { 'application/json': { type: 'object', properties: { name: { type: 'string' }, docs: { type: 'string' }, openapi: { type: 'string' }, health: { type: 'string' } }, required: ['name', 'docs', 'openapi', 'health'] } },
      },
      handle: (c) => c.json({ name: 'Seva', description: 'DIGIT-compatible public-service APIs', docs: '/docs', openapi: '/openapi.json', health: '/health' }),
    },
    {
      doc: { path: '/health', summary: 'Whether the server is up', content: { 'application/json': { type: 'object', properties: { status: { const: 'UP' } }, required: ['status'] } } },
      handle: (c) => c.json({ status: 'UP' }),
    },
    {
      doc: { path: '/openapi.json', summary: 'This document: the OpenAPI 3.1 contract of every route', content: { 'application/json': { type: 'object' } } },
      handle: (c) => c.json(contract()),
    },
    {
      doc: { path: '/docs', summary: 'The contract as an interactive page (Swagger UI, served by Seva itself)', content: { 'text/html': { type: 'string' } } },
      handle: () => text(DOCS_PAGE, 'text/html; charset=utf-8', { 'content-security-policy': DOCS_POLICY }),
    },
    {
      doc: { path: '/docs/:file', summary: "The docs page's scripts, styles and icons", content: { 'text/javascript': { type: 'string' }, 'text/css': { type: 'string' }, 'image/png': { type: 'string', contentMediaType: 'image/png' } } },
      handle: (c) => {
        const file = c.req.param('file') ?? '';
        if (file === 'init.js') return text(DOCS_INIT, 'text/javascript; charset=utf-8');
        const type = ASSETS[file];
        if (!type) throw notFound('NOT_FOUND', `no file /docs/${file}`);
        return text(asset(file), type, { 'cache-control': 'public, max-age=86400' });
      },
    },
  ];
  return site;
}
