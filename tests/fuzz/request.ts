/** A request the fuzz sends, before it is written out: what a mutation changes. */
export interface FuzzRequest {
  /** The route as the app lists it (`/collection-services/payments/:businessService/_search`). */
  route: string;
  method: string;
  path: string;
  query: [string, string][];
  body: unknown;
  encoding: 'json' | 'form';
  /** Replaces the written body when set (non-JSON text, bytes that are not UTF-8). */
  rawBody?: string | Uint8Array;
  /** undefined: the encoding's own type; null: no content-type header at all. */
  contentType?: string | null;
  headers: Record<string, string>;
  token: TokenChoice;
  tokenPlace: 'header' | 'body' | 'query';
  /** Log out ends the session: such a request gets a fresh session of its own. */
  consumesToken?: boolean;
  /** What was done to the seed, for the failure report. */
  notes: string[];
}

export type TokenChoice = 'admin' | 'staff' | 'otherGpStaff' | 'none' | 'garbage';

/** JSON text a value cannot say (1e400, a 2,000-deep array): written out verbatim. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** A value known only when the request is sent (the bill as it stands then): named, and filled in by the sender. */
export class Late {
  constructor(readonly name: string) {}
}

/** An object holding `key` as an own property, even `__proto__` (which a literal would make its prototype). */
export function withOwnKey(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const k of Object.keys(target)) Object.defineProperty(copy, k, { value: target[k], enumerable: true, writable: true, configurable: true });
  Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** JSON text of a value that may hold RawJson pieces and own `__proto__` keys. */
export function writeJson(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  // Only a description of a request still holds one; the sender fills them in first.
  if (value instanceof Late) return JSON.stringify(`<${value.name}>`);
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(writeJson).join(',')}]`;
  return `{${Object.keys(value as object)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${writeJson((value as Record<string, unknown>)[k])}`)
    .join(',')}}`;
}

/** A flat form of a body: nested values as JSON text, lists as repeated keys. */
export function writeForm(value: unknown): string {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return writeJson(value);
  const form = new URLSearchParams();
  for (const [k, v] of Object.entries(value)) {
    for (const item of Array.isArray(v) ? v : [v]) form.append(k, typeof item === 'string' ? item : writeJson(item));
  }
  return form.toString();
}

/** A short account of a request for a failure report. */
export function describeRequest(r: FuzzRequest, limit = 600): string {
  const body = r.rawBody !== undefined ? (typeof r.rawBody === 'string' ? r.rawBody : `<${r.rawBody.length} bytes>`) : r.encoding === 'form' ? writeForm(r.body) : writeJson(r.body);
  const query = r.query.length ? `?${r.query.map(([k, v]) => `${k}=${v}`).join('&')}` : '';
  const shown = body.length > limit ? `${body.slice(0, limit)}… (${body.length} chars)` : body;
  return `${r.method} ${r.path}${query.slice(0, 300)} token=${r.token}@${r.tokenPlace} type=${r.contentType === undefined ? r.encoding : r.contentType} [${r.notes.join('; ')}] ${shown}`;
}
