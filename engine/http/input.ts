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
export async function readBody(c: Context, type: 'json' | 'form' | 'multipart', limits: InputLimits): Promise<{ body: Record<string, unknown>; files: UploadedFile[] }> {
  if (type !== 'json') return readForm(c);
  return { body: await readJson(c, limits), files: [] };
}

/** A file of a multipart body. */
export interface UploadedFile {
  field: string;
  name: string;
  type: string;
  bytes: Uint8Array;
}

async function readJson(c: Context, limits: InputLimits): Promise<Record<string, unknown>> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  const body = parseJsonObject(text, limits.maxBodyDepth);
  const info = body.RequestInfo;
  if (info !== undefined && info !== null && (typeof info !== 'object' || Array.isArray(info))) throw invalid('INVALID_REQUEST_INFO', '$.RequestInfo must be an object', '$.RequestInfo');
  return body;
}

/** A url-encoded or multipart form: text fields (a repeated one: its first) in the body, files aside. */
async function readForm(c: Context): Promise<{ body: Record<string, unknown>; files: UploadedFile[] }> {
  let form: Record<string, unknown>;
  try {
    form = await c.req.parseBody({ all: true });
  } catch (err) {
    throw invalid('INVALID_FORM', `the request body is not a form of the type it claims (${c.req.header('content-type') ?? 'none'}): ${(err as Error).message}`, '$');
  }
  const out: Record<string, unknown> = {};
  const files: UploadedFile[] = [];
  for (const [key, value] of Object.entries(form)) {
    const path = `$${pathStep(key)}`;
    checkKey(key, path);
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) if (v instanceof File) files.push({ field: key, name: v.name, type: v.type, bytes: new Uint8Array(await v.arrayBuffer()) });
    const text = values.find((v): v is string => typeof v === 'string') ?? '';
    checkText(text, path);
    if (values.some((v) => typeof v === 'string') || files.every((f) => f.field !== key)) out[key] = text;
  }
  return { body: out, files };
}
