import type { JsonSchema } from '../../definitions/index.ts';

/** A query parameter of a route, as the published contract lists it. */
export interface QueryParam {
  name: string;
  schema: JsonSchema;
  required?: boolean;
  description?: string;
}

/**
 * What the published contract (OpenAPI) says about a route, declared beside it. Schemas may point
 * at shared components with `{$ref: '#/components/schemas/<name>'}`: the envelope's (below) or
 * those the route brings along in `schemas`.
 */
export interface RouteDoc {
  summary: string;
  description?: string;
  /** The request body: JSON, or the form fields of a form-encoded route. */
  body?: JsonSchema;
  /** Parameters read from the query string (search criteria come either way: query or body). */
  query?: QueryParam[];
  /** Request headers the route reads besides the token (e.g. the OAuth client's Basic header). */
  headers?: QueryParam[];
  /** The successful answer's body. */
  response: JsonSchema;
  /** Its media type, when not JSON (a bare sentence is text/plain). */
  responseType?: string;
  /** The route answers 302 to where this says (a short link), instead of a body. */
  redirect?: string;
  /** Named schemas the route's schemas refer to, published under components.schemas. */
  schemas?: Record<string, JsonSchema>;
  /** Security requirements other than the route's access (the token endpoint's client credentials). */
  security?: Record<string, string[]>[];
}

export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });

/** DIGIT's request envelope: `{RequestInfo, ...properties}`. */
export function envelope(properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema {
  return { type: 'object', properties: { RequestInfo: ref('RequestInfo'), ...properties }, required };
}

/** DIGIT's answer: `{ResponseInfo, ...properties}`, every property always present. */
export function answer(properties: Record<string, JsonSchema>, optional: string[] = []): JsonSchema {
  const all = { ResponseInfo: ref('ResponseInfo'), ...properties };
  return { type: 'object', properties: all, required: Object.keys(all).filter((k) => !optional.includes(k)) };
}

export const listOf = (items: JsonSchema): JsonSchema => ({ type: 'array', items });
export const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });

/** A list criterion: repeated query parameters, a comma-separated string, or a JSON array. */
export const listCriterion = (items: JsonSchema = { type: 'string' }): JsonSchema => ({ anyOf: [{ type: 'array', items }, items] });

/** A whole number criterion; from a query string it arrives as digits. */
export const wholeNumber = (description?: string): JsonSchema => ({ anyOf: [{ type: 'integer' }, { type: 'string', pattern: '^[0-9]+$' }], ...(description ? { description } : {}) });

/** `offset` and `limit` of a search page; with `allLimit`, DIGIT's limit=-1 asks for all (up to it). */
export function pageParams(limits: { defaultLimit: number; maxLimit: number; allLimit?: number }): Record<string, JsonSchema> {
  const all = limits.allLimit ? ` -1: all, up to ${limits.allLimit}.` : '';
  return {
    offset: wholeNumber('Records to skip (default 0).'),
    limit: limits.allLimit
      ? { anyOf: [{ type: 'integer', minimum: -1 }, { type: 'string', pattern: '^(-1|[0-9]+)$' }], description: `Records to answer (default ${limits.defaultLimit}, at most ${limits.maxLimit}).${all}` }
      : wholeNumber(`Records to answer (default ${limits.defaultLimit}, at most ${limits.maxLimit}).`),
  };
}

/**
 * Criteria a route reads from the query string and the body alike: as query parameters, and as
 * body properties beside RequestInfo.
 */
export function criteria(properties: Record<string, JsonSchema>, required: string[] = [], notes: Record<string, string> = {}): Pick<RouteDoc, 'body' | 'query'> {
  return {
    body: envelope(properties),
    query: Object.entries(properties).map(([name, schema]) => ({
      name,
      schema,
      description: [required.includes(name) ? `${name} is required, in the query string or the body.` : undefined, notes[name]].filter(Boolean).join(' ') || undefined,
    })),
  };
}
