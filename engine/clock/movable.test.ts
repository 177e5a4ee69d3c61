import { describe, expect, it } from 'vitest';
import { clockFromSetting, isMovable, ManualClock, MovableClock, parseInstant, parseSignedDuration, systemClock } from './index.ts';

describe('a movable clock', () => {
  it('keeps running from where it is set, and moves by what it is advanced', () => {
    let real = 1_000_000;
    const clock = new MovableClock(Date.UTC(2026, 10, 1), () => real);
    expect(clock.now()).toBe(Date.UTC(2026, 10, 1));
    real += 5_000;
    expect(clock.now()).toBe(Date.UTC(2026, 10, 1) + 5_000);
    clock.advance(11 * 86_400_000);
    expect(clock.now()).toBe(Date.UTC(2026, 10, 12) + 5_000);
    clock.set(Date.UTC(2027, 0, 1));
    expect(clock.now()).toBe(Date.UTC(2027, 0, 1));
  });

  it('is told apart from a clock that cannot be moved', () => {
    expect(isMovable(new MovableClock())).toBe(true);
    expect(isMovable(new ManualClock(0))).toBe(true);
    expect(isMovable(systemClock)).toBe(false);
  });
});

describe('SEVA_CLOCK', () => {
  it('reads an instant with its offset, an offset from now, or now', () => {
    expect(clockFromSetting('2026-04-01T00:00:00+05:30').now() - Date.UTC(2026, 2, 31, 18, 30)).toBeLessThan(1_000);
    expect(clockFromSetting('2026-04-01T00:00Z').now() - Date.UTC(2026, 3, 1)).toBeLessThan(1_000);
    expect(Math.abs(clockFromSetting('+P30D').now() - (Date.now() + 30 * 86_400_000))).toBeLessThan(1_000);
    expect(Math.abs(clockFromSetting('-PT12H').now() - (Date.now() - 12 * 3_600_000))).toBeLessThan(1_000);
    expect(Math.abs(clockFromSetting(' now ').now() - Date.now())).toBeLessThan(1_000);
  });

  it('refuses anything else, saying what would do', () => {
    for (const bad of ['tomorrow', '2026-04-01', '2026-04-01T00:00:00', 'P30D', '+P1M', '2026-13-40T00:00:00Z']) {
      expect(() => clockFromSetting(bad), bad).toThrow(expect.objectContaining({ code: 'INVALID_CLOCK', message: expect.stringContaining('+P30D') }));
    }
  });

  it('parses the pieces on their own', () => {
    expect(parseInstant('2026-11-12T10:00:00.250+05:30')).toBe(Date.UTC(2026, 10, 12, 4, 30, 0, 250));
    expect(parseInstant('12/11/2026')).toBeUndefined();
    expect(parseSignedDuration('+P1DT2H')).toBe(26 * 3_600_000);
    expect(parseSignedDuration('-P2D')).toBe(-2 * 86_400_000);
    expect(parseSignedDuration('P2D')).toBeUndefined();
  });
});
