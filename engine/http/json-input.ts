import { invalid, SevaError } from '../errors/index.ts';

/** Keys that name a JavaScript object's machinery: data under them could reach an object's prototype. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** NUL (which Postgres text cannot hold) and UTF-16 halves without their other half (which no UTF-8 can say). */
const BAD_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A JSON path step: `.name`, or `["odd key"]` when the key is not a plain name. */
export function pathStep(key: string | number): string {
  if (typeof key === 'number') return `[${key}]`;
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

/**
 * Refuses JSON text nested deeper than `maxDepth` objects and lists, by one pass over the
 * characters before anything is parsed: a deep body costs no more than its length.
 */
export function checkNesting(text: string, maxDepth: number): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) throw invalid('NESTING_TOO_DEEP', `the request body nests objects and lists deeper than ${maxDepth} levels`, '$');
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
}

/**
 * Refuses values no field can mean: a key that names an object's prototype, text with NUL or a
 * broken UTF-16 pair, a number JavaScript cannot hold exactly (beyond ±2^53, or 1e400 read as
 * infinity). Each problem names its JSON path. `checkNesting` has bounded the depth.
 */
export function checkJsonValue(value: unknown, path = '$'): void {
  if (typeof value === 'string') {
    if (BAD_TEXT.test(value)) throw badText(path);
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value) || Math.abs(value) > Number.MAX_SAFE_INTEGER) {
      throw invalid('INVALID_NUMBER', `${path} is a number too large to be read exactly (numbers must lie within ±${Number.MAX_SAFE_INTEGER})`, path);
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => checkJsonValue(item, `${path}[${i}]`));
  } else if (value !== null && typeof value === 'object') {
    for (const key of Object.keys(value)) {
      const at = `${path}${pathStep(key)}`;
      checkKey(key, at);
      checkJsonValue((value as Record<string, unknown>)[key], at);
    }
  }
}

/** A key of a body, form or query: not one naming an object's prototype, and readable text. */
export function checkKey(key: string, path: string): void {
  if (FORBIDDEN_KEYS.has(key)) throw invalid('FORBIDDEN_KEY', `${path}: the key '${key}' is not accepted`, path);
  if (BAD_TEXT.test(key)) throw badText(path);
}

/** A text value from a form or query: readable text. */
export function checkText(value: string, path: string): void {
  if (BAD_TEXT.test(value)) throw badText(path);
}

const badText = (path: string): SevaError => invalid('INVALID_TEXT', `${path} holds a NUL character or half of a UTF-16 surrogate pair, which text cannot store`, path);

/** The JSON object of a body: nesting checked before parsing, values after. */
export function parseJsonObject(text: string, maxDepth: number): Record<string, unknown> {
  checkNesting(text, maxDepth);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw invalid('INVALID_JSON', `the request body is not valid JSON: ${(err as Error).message}`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw invalid('INVALID_REQUEST', 'the request body must be a JSON object', '$');
  checkJsonValue(parsed);
  return parsed as Record<string, unknown>;
}
