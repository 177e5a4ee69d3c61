import { createHash } from 'node:crypto';
import type { EndpointAccess } from '../../access/index.ts';
import type { JsonSchema } from '../../definitions/index.ts';
import type { Route } from '../route.ts';
import { envelopeSchemas, errorStatuses, securitySchemes, tokenSecurity } from './components.ts';
import { envelope, type QueryParam, type RouteDoc } from './route-doc.ts';

/** A GET route of the server itself (health, the contract, its docs page), described like the others. */
export interface PlainRouteDoc {
  /** As mounted (`:name` for a path parameter). */
  path: string;
  summary: string;
  description?: string;
  /** Media type → schema of the answer. */
  content: Record<string, JsonSchema>;
}

export type OpenApiDocument = Record<string, unknown> & { paths: Record<string, Record<string, Record<string, unknown>>>; components: { schemas: Record<string, JsonSchema> } };

/** What a route without a declared contract is documented as: any envelope in, any object out. */
const undeclared = (route: Route): RouteDoc => ({
  summary: route.endpoint,
  description: 'This route declares no request or response schema yet.',
  body: { ...envelope({}), additionalProperties: true },
  response: { type: 'object' },
});

/** `/a/:b/_c` → `/a/{b}/_c`, and the names of its path parameters. */
function openApiPath(path: string): { path: string; params: string[] } {
  const params: string[] = [];
  return { path: path.replace(/:(\w+)/g, (_m, name: string) => (params.push(name), `{${name}}`)), params };
}

/** Routes are grouped by the service that serves them in DIGIT: the first segment of the path. */
const tagOf = (path: string) => path.split('/')[1] || 'seva';

function accessText(access: EndpointAccess): string {
  switch (access.mode) {
    case 'public':
      return 'Access: public (no token needed).';
    case 'authenticated':
      return access.anonymousWhereAllowed ? 'Access: any signed-in user; without a token, where the endpoint allows it (described above).' : 'Access: any signed-in user.';
    case 'roles':
      return access.roles.length === 0
        ? 'Access: closed (no role is granted this route).'
        : `Access: roles ${access.roles.join(', ')}, held at the tenant the request acts in (a role held at a state counts in its GPs).${'self' in access && access.self ? ' Anyone signed in may also ask about their own record.' : ''}${
            'anonymous' in access && access.anonymous
              ? ` Without a token (or the roles), a request naming ${access.anonymous.criteria.map((set) => set.join(' and ')).join(', or ')} (one value each) is answered with ${access.anonymous.mask.map((m) => m.path).join(', ')} masked.`
              : ''
          }`;
    default:
      return `Access: ${(access as { mode: string }).mode}.`;
  }
}

const errorResponses = () => Object.fromEntries(Object.entries(errorStatuses).map(([status, { name }]) => [status, { $ref: `#/components/responses/${name}` }]));

function parameter(where: 'query' | 'header' | 'path', p: QueryParam): Record<string, unknown> {
  return { name: p.name, in: where, required: where === 'path' ? true : (p.required ?? false), schema: p.schema, ...(p.description ? { description: p.description } : {}) };
}

function operation(route: Route): { path: string; operation: Record<string, unknown>; schemas: Record<string, JsonSchema> } {
  const doc = route.doc ?? undeclared(route);
  const { path, params } = openApiPath(route.path);
  const mediaType = { form: 'application/x-www-form-urlencoded', multipart: 'multipart/form-data', json: 'application/json' }[route.bodyType ?? 'json'];
  const required = (doc.body?.required as string[] | undefined) ?? [];
  const op: Record<string, unknown> = {
    operationId: route.path.replace(/^\//, ''),
    tags: [tagOf(route.path)],
    summary: doc.summary,
    description: [doc.description, accessText(route.access)].filter(Boolean).join('\n\n'),
    'x-seva-endpoint': route.endpoint,
    'x-seva-access': route.access,
    parameters: [
      ...params.map((name) => parameter('path', { name, schema: { type: 'string' } })),
      ...(doc.query ?? []).map((p) => parameter('query', p)),
      ...(doc.headers ?? []).map((p) => parameter('header', p)),
    ],
    ...(doc.body ? { requestBody: { required: required.length > 0, content: { [mediaType]: { schema: doc.body } } } } : {}),
    responses: {
      ...(doc.redirect
        ? { '302': { description: doc.redirect, headers: { Location: { schema: { type: 'string', format: 'uri' } } } } }
        : { [String(route.status ?? 200)]: { description: 'Done.', content: { [doc.responseType ?? 'application/json']: { schema: doc.response } } } }),
      ...errorResponses(),
    },
    // An anonymous look-up may come with a token or without one.
    security: doc.security ?? (route.access.mode === 'public' ? [] : route.access.mode === 'roles' && route.access.anonymous ? [...tokenSecurity, {}] : tokenSecurity),
  };
  return { path, operation: op, schemas: doc.schemas ?? {} };
}

function plainOperation(route: PlainRouteDoc): Record<string, unknown> {
  const { params } = openApiPath(route.path);
  return {
    operationId: `get ${route.path}`,
    tags: ['seva'],
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    parameters: params.map((name) => parameter('path', { name, schema: { type: 'string' } })),
    security: [],
    responses: { '200': { description: 'Done.', content: Object.fromEntries(Object.entries(route.content).map(([type, schema]) => [type, { schema }])) } },
  };
}

/** Adds named schemas, refusing two different schemas under one name (the contract would lie about one). */
function addSchemas(into: Record<string, JsonSchema>, more: Record<string, JsonSchema>, where: string): void {
  for (const [name, schema] of Object.entries(more)) {
    if (name in into && JSON.stringify(into[name]) !== JSON.stringify(schema)) throw new Error(`two different schemas are named ${name} (the second from ${where})`);
    into[name] = schema;
  }
}

/** The named schemas the routes' contracts refer to: the envelope's and those the routes bring. */
export function contractSchemas(routes: Route[]): Record<string, JsonSchema> {
  const schemas: Record<string, JsonSchema> = { ...envelopeSchemas };
  for (const route of routes) addSchemas(schemas, route.doc?.schemas ?? {}, route.path);
  return schemas;
}

/**
 * The OpenAPI 3.1 document of every route: the POST routes (from their declarations and the
 * definitions behind them) and the server's own GET routes. Its version is a digest of the rest,
 * so it changes exactly when the contract does.
 */
export function openApiDocument(routes: Route[], plain: PlainRouteDoc[], info: { title: string; description: string }): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  const schemas = contractSchemas(routes);
  for (const route of plain) paths[openApiPath(route.path).path] = { get: plainOperation(route) };
  for (const route of routes) {
    const { path, operation: op } = operation(route);
    paths[path] = { ...paths[path], [route.method === 'GET' ? 'get' : 'post']: op };
  }
  const responses = Object.fromEntries(
    Object.values(errorStatuses).map(({ name, description }) => [name, { description, content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } } }]),
  );
  const tags = [...new Set([...plain.map(() => 'seva'), ...routes.map((r) => tagOf(r.path))])].map((name) => ({ name }));
  const body = { paths, components: { schemas, responses, securitySchemes }, tags };
  const version = createHash('sha256').update(JSON.stringify(body)).digest('hex').slice(0, 12);
  return { openapi: '3.1.0', info: { title: info.title, version, description: info.description }, jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base', ...body };
}
