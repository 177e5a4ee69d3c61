import { describe, expect, it } from 'vitest';
import { amountInWords, indianAmount } from './words.ts';

describe('amounts in words', () => {
  it('spells rupees in the Indian system in English', () => {
    expect(amountInWords(0, 'en_IN')).toBe('Rupees Zero Only');
    expect(amountInWords(105, 'en_IN')).toBe('Rupees One Hundred Five Only');
    expect(amountInWords(120050.5, 'en_IN')).toBe('Rupees One Lakh Twenty Thousand Fifty and Fifty Paise Only');
    expect(amountInWords('123456789', 'en_IN')).toBe('Rupees Twelve Crore Thirty Four Lakh Fifty Six Thousand Seven Hundred Eighty Nine Only');
  });

  it('spells them in Hindi, each number below a hundred by its own word', () => {
    expect(amountInWords(99, 'hi_IN')).toBe('निन्यानबे रुपये मात्र');
    expect(amountInWords(1234, 'hi_IN')).toBe('एक हज़ार दो सौ चौंतीस रुपये मात्र');
    expect(amountInWords(250000.25, 'hi_IN')).toBe('दो लाख पचास हज़ार रुपये और पच्चीस पैसे मात्र');
  });

  it('falls back to English for other languages, and spells a credit by its size', () => {
    expect(amountInWords(-40, 'pn_IN')).toBe('Rupees Forty Only');
  });
});

describe('Indian digit grouping', () => {
  it('groups by thousands, then by hundreds', () => {
    expect(indianAmount(0)).toBe('0.00');
    expect(indianAmount(999)).toBe('999.00');
    expect(indianAmount(123456.5)).toBe('1,23,456.50');
    expect(indianAmount('-12345678.005')).toBe('-1,23,45,678.01');
  });
});
