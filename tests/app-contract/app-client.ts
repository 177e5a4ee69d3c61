/**
 * The mGramSeva app's HTTP client, as `services/base_service.dart` and `services/request_info.dart`
 * make its requests: POST, `Content-Type: application/json` (Dart's http adds `; charset=utf-8`),
 * the token only inside `RequestInfo.authToken` (never an Authorization header), the RequestInfo
 * merged in front of the body, and query strings encoded as Dart's `Uri(queryParameters:)` does.
 */
import { expect } from 'vitest';
import { modelMismatches, type Spec } from './expect-model.ts';

/** `utils/global_variables.dart` APIConstants. */
export const API = { moduleName: 'mgramseva', version: 1, ts: '', did: 1, key: '', messageId: '' } as const;
/** `RequestInfo.toJson()` puts the selected language in msgId (`languageProvider.selectedLanguage`). */
export const MSG_ID = '20170310130900|en_IN';

/** `RequestInfo(apiId, ver, ts, action, did, key, msgId, authToken, [userInfo]).toJson()` (services/request_info.dart). */
export function appRequestInfo(action: string, authToken: string | null, userInfo: Record<string, unknown> | null = null, overrides: Partial<Record<'apiId' | 'ver' | 'ts' | 'did' | 'key', unknown>> = {}) {
  return {
    apiId: overrides.apiId ?? API.moduleName,
    ver: overrides.ver ?? API.version,
    ts: overrides.ts ?? API.ts,
    action,
    did: overrides.did ?? API.did,
    key: overrides.key ?? API.key,
    msgId: MSG_ID,
    authToken,
    userInfo,
  };
}

/** Dart's `Uri.encodeQueryComponent`: RFC 2396 unreserved characters stay, space becomes `+`. */
function encodeComponent(text: string): string {
  let out = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    const ch = String.fromCharCode(byte);
    if (/[A-Za-z0-9\-_.!~*'()]/.test(ch)) out += ch;
    else if (ch === ' ') out += '+';
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

export type QueryValue = string | null | string[];

/** `Uri(queryParameters: q).query`: a null value is the bare key, a list repeats the key. */
export function dartQuery(query: Record<string, QueryValue>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === null) parts.push(encodeComponent(key));
    else if (Array.isArray(value)) for (const v of value) parts.push(`${encodeComponent(key)}=${encodeComponent(v)}`);
    else parts.push(`${encodeComponent(key)}=${encodeComponent(value)}`);
  }
  return parts.join('&');
}

export interface AppResponse {
  status: number;
  /** The parsed JSON, or the text when the answer is not JSON (the app keeps the text then). */
  body: any;
  text: string;
}

export interface AppCall {
  query?: Record<string, QueryValue>;
  body?: Record<string, unknown>;
  /** Given: the app sends `{RequestInfo, ...body}`. */
  requestInfo?: Record<string, unknown>;
  /** Replaces the JSON content type (the login form). */
  headers?: Record<string, string>;
  form?: Record<string, string>;
}

export class AppClient {
  constructor(readonly baseUrl: string) {}

  async post(path: string, call: AppCall = {}): Promise<AppResponse> {
    const url = `${this.baseUrl}/${path}${call.query ? `?${dartQuery(call.query)}` : ''}`;
    let headers: Record<string, string>;
    let payload: string;
    if (call.form) {
      // Dart's http encodes a Map body as form fields (`mapToQuery`, the same encoding as a query).
      headers = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...call.headers };
      payload = dartQuery(call.form);
    } else {
      let body: unknown = call.body;
      if (call.requestInfo) body = call.body ? { RequestInfo: call.requestInfo, ...call.body } : call.requestInfo;
      headers = { 'content-type': 'application/json; charset=utf-8', ...call.headers };
      payload = JSON.stringify(body ?? null);
    }
    const res = await fetch(url, { method: 'POST', headers, body: payload });
    const text = await res.text();
    let body: any = text;
    try {
      body = JSON.parse(text);
    } catch {
      // base_service.dart: an answer that is not JSON is returned as its text.
    }
    return { status: res.status, body, text };
  }
}

/** A one-line account of a failed call: status, DIGIT error codes and messages. */
export function failureOf(res: AppResponse): string {
  const errors = Array.isArray(res.body?.Errors) ? res.body.Errors : undefined;
  if (errors) return `HTTP ${res.status} ${errors.map((e: any) => `${e.code}: ${e.message ?? ''}`).join('; ')}`;
  return `HTTP ${res.status} ${res.text.slice(0, 300)}`;
}

/** The app treats 200, 201 and 202 as success (base_service.dart `_response`). */
export function expectOk(res: AppResponse): void {
  expect([200, 201, 202], failureOf(res)).toContain(res.status);
}

/** Mismatches that differ only by list index are shown once, with how many more there are. */
function summarize(mismatches: string[]): string[] {
  const groups = new Map<string, { first: string; count: number }>();
  for (const m of mismatches) {
    const key = m.replace(/\[\d+\]/g, '[*]').replace(/got (number|string|boolean) .*$/, 'got $1');
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { first: m, count: 1 });
  }
  return [...groups.values()].map((g) => (g.count > 1 ? `${g.first} (and ${g.count - 1} more like it)` : g.first));
}

/**
 * Every field the app's model reads, with its type; lists all mismatches at once. Soft, so the
 * step's other checks still run and report.
 */
export function expectModel(json: unknown, spec: Spec): void {
  const mismatches = summarize(modelMismatches(json, spec));
  expect.soft(mismatches, `the app's model would not read this answer: ${mismatches.join('; ')}`).toEqual([]);
}
