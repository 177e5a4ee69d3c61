import type { Context } from 'hono';
import { invalid } from '../errors/index.ts';
import { checkKey, checkText, parseJsonObject, pathStep } from './json-input.ts';

/** Bounds on what a request may carry, beyond its size in bytes (the body limit). */
export interface InputLimits {
  /** Deepest nesting of objects and lists a JSON body may have. */
  maxBodyDepth: number;
}

/** Query parameters, a repeated one as a list; keys and values checked like a body's. */
export function readQuery(c: Context): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, values] of Object.entries(c.req.queries())) {
    const path = `$${pathStep(key)}`;
    checkKey(key, path);
    for (const v of values) checkText(v, path);
    out[key] = values.length === 1 ? values[0]! : values;
  }
  return out;
}

/**
 * The request body as an object: JSON whatever the content type says (DIGIT clients and curl send
 * JSON under many), or a form for routes that take one (DIGIT's login). Anything else is a 400.
 */
export async function readBody(c: Context, type: 'json' | 'form', limits: InputLimits): Promise<Record<string, unknown>> {
  if (type === 'form') return readForm(c);
  const text = await c.req.text();
  if (text.trim() === '') return {};
  const body = parseJsonObject(text, limits.maxBodyDepth);
  const info = body.RequestInfo;
  if (info !== undefined && info !== null && (typeof info !== 'object' || Array.isArray(info))) throw invalid('INVALID_REQUEST_INFO', '$.RequestInfo must be an object', '$.RequestInfo');
  return body;
}

async function readForm(c: Context): Promise<Record<string, unknown>> {
  let form: Record<string, unknown>;
  try {
    form = await c.req.parseBody();
  } catch (err) {
    throw invalid('INVALID_FORM', `the request body is not a form of the type it claims (${c.req.header('content-type') ?? 'none'}): ${(err as Error).message}`, '$');
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(form)) {
    const path = `$${pathStep(key)}`;
    checkKey(key, path);
    const text = typeof value === 'string' ? value : '';
    checkText(text, path);
    out[key] = text;
  }
  return out;
}
