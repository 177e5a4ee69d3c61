import { describe, expect, it } from 'vitest';
import { Money, moneyFromColumn, moneyToJson, parseAmount, sum } from './index.ts';

describe('money', () => {
  it('reads amounts sent as numbers or strings, exactly', () => {
    expect(parseAmount('1250', '$.a').equals(1250)).toBe(true);
    expect(parseAmount(1250.5, '$.a').toFixed(2)).toBe('1250.50');
    expect(parseAmount(' -10.25 ', '$.a').toFixed()).toBe('-10.25');
    expect(moneyToJson(sum([parseAmount('0.1', '$'), parseAmount('0.2', '$')]))).toBe(0.3);
    expect(moneyFromColumn('99999999999.99').plus(new Money('0.01')).toFixed()).toBe('100000000000');
  });
  it('refuses what is not an amount, naming the field', () => {
    for (const bad of ['12a', '', null, undefined, {}, Number.NaN, '1e5', '1.005']) {
      expect(() => parseAmount(bad, '$.Demands[0].taxAmount')).toThrow(expect.objectContaining({ code: 'INVALID_AMOUNT', path: '$.Demands[0].taxAmount' }));
    }
  });
});
