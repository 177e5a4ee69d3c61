import { describe, expect, it } from 'vitest';
import { FixedNumber, toJsonText } from './index.ts';

describe('fixed numbers in JSON', () => {
  it('are written with their decimals, anywhere in the answer; the rest is JSON as ever', () => {
    const answer = { rows: [{ amount: new FixedNumber(250, 2), other: 250 }, { amount: new FixedNumber('-12.5', 2) }], total: new FixedNumber(262.5, 0), name: 'Asha "A"' };
    const text = toJsonText(answer);
    expect(text).toBe('{"rows":[{"amount":250.00,"other":250},{"amount":-12.50}],"total":263,"name":"Asha \\"A\\""}');
    expect(JSON.parse(text)).toEqual({ rows: [{ amount: 250, other: 250 }, { amount: -12.5 }], total: 263, name: 'Asha "A"' });
    expect(toJsonText({ a: [1, null, 'x'] })).toBe(JSON.stringify({ a: [1, null, 'x'] }));
  });

  it('cannot be forged by a string that looks like one', () => {
    const forged = '\u0000fixed-00000000-0000-0000-0000-000000000000:12.00';
    expect(JSON.parse(toJsonText({ s: forged }))).toEqual({ s: forged });
  });
});
