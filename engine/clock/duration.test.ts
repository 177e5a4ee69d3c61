import { describe, expect, it } from 'vitest';
import { parseDuration } from './index.ts';

describe('parseDuration', () => {
  it('reads milliseconds and ISO day/time durations', () => {
    expect(parseDuration(86_400_000)).toEqual({ ms: 86_400_000 });
    expect(parseDuration('P2D')).toEqual({ ms: 2 * 86_400_000 });
    expect(parseDuration('PT12H')).toEqual({ ms: 12 * 3_600_000 });
    expect(parseDuration('P1DT6H30M15S')).toEqual({ ms: ((30 * 60 + 30) * 60 + 15) * 1000 });
  });
  it('refuses what is not a fixed length', () => {
    for (const bad of ['P1M2D', 'P', 'PT', '2 days', 'P1Y']) expect(parseDuration(bad)).toHaveProperty('error');
    expect(parseDuration(-5)).toHaveProperty('error');
  });
});
