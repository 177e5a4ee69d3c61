import type { JsonSchema } from '../../definitions/index.ts';
import type { Route } from '../route.ts';
import { contractSchemas } from './document.ts';
import type { QueryParam } from './route-doc.ts';

/** What a route accepts, each schema whole (no `$ref` left): for tests that build or mutate requests. */
export interface RouteRequestSchema {
  path: string;
  endpoint: string;
  bodyType: 'json' | 'form' | 'multipart';
  /** Undefined when the route declares no contract. */
  body: JsonSchema | undefined;
  query: QueryParam[];
}

const PREFIX = '#/components/schemas/';

/** The schema with every `$ref` to a named schema replaced by that schema (the contract has no cycles). */
function inline(schema: unknown, named: Record<string, JsonSchema>, seen: string[] = []): any {
  if (Array.isArray(schema)) return schema.map((s) => inline(s, named, seen));
  if (!schema || typeof schema !== 'object') return schema;
  const ref = (schema as { $ref?: unknown }).$ref;
  if (typeof ref === 'string' && ref.startsWith(PREFIX)) {
    const name = ref.slice(PREFIX.length);
    if (seen.includes(name)) throw new Error(`schema ${name} refers to itself (${[...seen, name].join(' → ')})`);
    if (!(name in named)) throw new Error(`no schema named ${name}`);
    return inline(named[name], named, [...seen, name]);
  }
  return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, inline(v, named, seen)]));
}

/** Per route, its request body and query parameters as self-contained JSON Schemas. */
export function routeRequestSchemas(routes: Route[]): RouteRequestSchema[] {
  const named = contractSchemas(routes);
  // A GET route (a link a browser opens) takes no body.
  return routes.filter((route) => (route.method ?? 'POST') === 'POST').map((route) => ({
    path: route.path,
    endpoint: route.endpoint,
    bodyType: route.bodyType ?? 'json',
    body: route.doc?.body ? inline(route.doc.body, named) : undefined,
    query: (route.doc?.query ?? []).map((p) => ({ ...p, schema: inline(p.schema, named) })),
  }));
}
