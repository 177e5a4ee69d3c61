import { describe, expect, it } from 'vitest';
import { withoutNulls } from './nulls.ts';

describe('withoutNulls', () => {
  it('drops null-valued keys at every depth, inside list items too', () => {
    const sent = { id: null, name: 'Harjit', address: { doorNo: null, locality: { code: 'WARD1', area: null } }, owners: [{ id: null, name: 'A' }], note: '' };
    expect(withoutNulls(sent)).toEqual({ name: 'Harjit', address: { locality: { code: 'WARD1' } }, owners: [{ name: 'A' }], note: '' });
  });

  it('keeps null items of a list, and false, 0 and empty values, and leaves the input as it was', () => {
    const sent = { list: [null, 1], flag: false, zero: 0, empty: {}, none: [] as unknown[], gone: null };
    expect(withoutNulls(sent)).toEqual({ list: [null, 1], flag: false, zero: 0, empty: {}, none: [] });
    expect(sent.gone).toBeNull();
  });

  it('keeps a __proto__ key as a plain key, never as a prototype', () => {
    const sent = JSON.parse('{"__proto__": {"polluted": true}, "a": null}');
    const out = withoutNulls(sent) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
