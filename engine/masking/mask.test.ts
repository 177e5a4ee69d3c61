import { describe, expect, it } from 'vitest';
import { isMaskOf, maskValue } from './index.ts';

describe('isMaskOf', () => {
  it('knows a value in the masked form a look-up showed it', () => {
    expect(isMaskOf(maskValue('9800000001', { path: 'x', keepLast: 4 }) as string, '9800000001')).toBe(true);
    expect(isMaskOf(maskValue('Gurpreet Singh', { path: 'x', keepFirst: 1 }) as string, 'Gurpreet Singh')).toBe(true);
  });

  it('refuses another value, another length, or a text with nothing starred', () => {
    expect(isMaskOf('******0002', '9800000001')).toBe(false);
    expect(isMaskOf('*****0001', '9800000001')).toBe(false);
    expect(isMaskOf('9800000001', '9800000001')).toBe(false);
  });
});
