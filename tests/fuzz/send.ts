import { Late, RawJson, withOwnKey, writeForm, writeJson, type FuzzRequest } from './request.ts';

export interface Outcome {
  /** The HTTP status, or undefined when no answer came (the connection dropped, or it hung). */
  status?: number;
  body?: string;
  /** Why the answer is wrong: a 5xx, no answer, or a refusal without DIGIT's Errors[].code. */
  problem?: string;
}

export interface Tokens {
  /** A token for the choice; `fresh` asks for a session of its own (for a request that ends it). */
  get(choice: FuzzRequest['token'], fresh: boolean): Promise<string | undefined>;
  /** The value of a Late placeholder, now. */
  late(name: string): Promise<unknown>;
}

/** The body with its Late placeholders filled in, each name once (a mutation may have copied one many times). */
async function fill(value: unknown, tokens: Tokens, known = new Map<string, unknown>()): Promise<unknown> {
  if (value instanceof Late) {
    if (!known.has(value.name)) known.set(value.name, await tokens.late(value.name));
    return known.get(value.name);
  }
  if (value instanceof RawJson || !value || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = [];
    for (const v of value) out.push(await fill(v, tokens, known));
    return out;
  }
  let copy: Record<string, unknown> = {};
  for (const k of Object.keys(value)) copy = withOwnKey(copy, k, await fill((value as Record<string, unknown>)[k], tokens, known));
  return copy;
}

const TIMEOUT_MS = 30_000;

/** Sends one request over a real socket and judges the answer. */
export async function send(baseUrl: string, r: FuzzRequest, tokens: Tokens): Promise<Outcome> {
  const token = await tokens.get(r.token, r.consumesToken === true);
  let body = await fill(r.body, tokens);
  const query = [...r.query];
  const headers: Record<string, string> = { ...r.headers };
  if (token !== undefined) {
    if (r.tokenPlace === 'header') headers.authorization = `Bearer ${token}`;
    else if (r.tokenPlace === 'query') query.push(['access_token', token]);
    else if (body && typeof body === 'object' && !Array.isArray(body) && r.encoding === 'json') {
      const info = (body as Record<string, unknown>).RequestInfo;
      body = { ...(body as Record<string, unknown>), RequestInfo: info && typeof info === 'object' && !Array.isArray(info) ? { ...info, authToken: token } : { authToken: token } };
    } else headers.authorization = `Bearer ${token}`;
  }
  const text = r.rawBody ?? (r.encoding === 'form' ? writeForm(body) : writeJson(body));
  const type = r.contentType === undefined ? (r.encoding === 'form' ? 'application/x-www-form-urlencoded' : 'application/json') : r.contentType;
  if (type !== null) headers['content-type'] = type;
  // Query values go out as written (an invalid %-escape included): the server must cope with what a client sends.
  const search = query.length ? `?${query.map(([k, v]) => `${k}=${v.includes('%') ? v : encodeURIComponent(v)}`).join('&')}` : '';
  const hasBody = r.method !== 'GET' && r.method !== 'HEAD';
  try {
    // The server's own answer is checked: a redirect (a short link) is not followed.
    const res = await fetch(`${baseUrl}${r.path}${search}`, { method: r.method, headers, body: hasBody ? (typeof text === "string" ? text : Buffer.from(text)) : undefined, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'manual' });
    const answer = await res.text();
    return { status: res.status, body: answer, problem: judge(res.status, answer) };
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    return { problem: `no answer: ${(err as Error).name === 'TimeoutError' ? `nothing within ${TIMEOUT_MS} ms` : `${(err as Error).message} (${cause?.code ?? cause?.message ?? 'no cause'})`}` };
  }
}

function judge(status: number, answer: string): string | undefined {
  if (status >= 500) return `status ${status}`;
  if (status < 400) return undefined;
  try {
    const errors = (JSON.parse(answer) as { Errors?: { code?: unknown }[] }).Errors;
    if (!Array.isArray(errors) || errors.length === 0 || errors.some((e) => typeof e?.code !== 'string' || e.code === '')) return `status ${status} without Errors[].code`;
  } catch {
    return `status ${status} with a body that is not JSON`;
  }
  return undefined;
}
