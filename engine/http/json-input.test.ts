import { describe, expect, it } from 'vitest';
import { checkJsonValue, checkNesting, parseJsonObject, pathStep } from './json-input.ts';

const refusal = (f: () => unknown) => {
  try {
    f();
    return undefined;
  } catch (err) {
    return `${(err as { code: string }).code} ${(err as { path?: string }).path ?? ''}`.trim();
  }
};

describe('reading a JSON body', () => {
  it('counts nesting outside text only, escapes included', () => {
    expect(refusal(() => checkNesting('{"a":[[1]]}', 3))).toBeUndefined();
    expect(refusal(() => checkNesting('{"a":[[[1]]]}', 3))).toBe('NESTING_TOO_DEEP $');
    expect(refusal(() => checkNesting('{"a":"[[[[{{{{\\"[[[["}', 1))).toBeUndefined();
    expect(refusal(() => checkNesting('{"a\\\\":[[1]]}', 2))).toBe('NESTING_TOO_DEEP $');
    expect(refusal(() => checkNesting('['.repeat(1_000_000), 32))).toBe('NESTING_TOO_DEEP $');
  });

  it('refuses prototype keys, unstorable text and inexact numbers, naming the place', () => {
    expect(refusal(() => checkJsonValue(JSON.parse('{"a":[{"b":{"__proto__":{}}}]}')))).toBe('FORBIDDEN_KEY $.a[0].b.__proto__');
    expect(refusal(() => checkJsonValue({ 'odd key': { constructor: 1 } }))).toBe('FORBIDDEN_KEY $["odd key"].constructor');
    expect(refusal(() => checkJsonValue({ a: ['ok', 'x\u0000'] }))).toBe('INVALID_TEXT $.a[1]');
    expect(refusal(() => checkJsonValue({ a: '\udc00x' }))).toBe('INVALID_TEXT $.a');
    expect(refusal(() => checkJsonValue({ ['k\ud800']: 1 }))).toBe('INVALID_TEXT $["k\\ud800"]');
    expect(refusal(() => checkJsonValue({ a: '👩‍👩‍👧 नमस्ते' }))).toBeUndefined();
    expect(refusal(() => checkJsonValue(JSON.parse('{"n":1e400}')))).toBe('INVALID_NUMBER $.n');
    expect(refusal(() => checkJsonValue({ n: 2 ** 64 }))).toBe('INVALID_NUMBER $.n');
    expect(refusal(() => checkJsonValue({ n: -Number.MAX_SAFE_INTEGER, m: 1e-400, k: 0.1 }))).toBeUndefined();
  });

  it('takes only an object', () => {
    expect(parseJsonObject('{"a":1}', 32)).toEqual({ a: 1 });
    expect(refusal(() => parseJsonObject('[1]', 32))).toBe('INVALID_REQUEST $');
    expect(refusal(() => parseJsonObject('{"a":', 32))).toBe('INVALID_JSON');
    expect(pathStep('a_b')).toBe('.a_b');
    expect(pathStep('a.b')).toBe('["a.b"]');
    expect(pathStep(3)).toBe('[3]');
  });
});
