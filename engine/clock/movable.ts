import { invalid } from '../errors/index.ts';
import type { Clock } from './index.ts';
import { parseDuration } from './duration.ts';

/** A clock that can be set and moved (a test's, or a server started with SEVA_CLOCK). */
export interface MovableTime extends Clock {
  set(epochMs: number): void;
  advance(ms: number): void;
}

export function isMovable(clock: Clock): clock is MovableTime {
  const c = clock as Partial<MovableTime>;
  return typeof c.set === 'function' && typeof c.advance === 'function';
}

/**
 * Real time shifted by an offset that can be changed: it keeps running (records made one after
 * another keep their order), from wherever it was set or moved to.
 */
export class MovableClock implements MovableTime {
  private offset = 0;

  constructor(start?: number, private readonly system: () => number = Date.now) {
    if (start !== undefined) this.set(start);
  }

  now(): number {
    return this.system() + this.offset;
  }

  set(epochMs: number): void {
    this.offset = epochMs - this.system();
  }

  advance(ms: number): void {
    this.offset += ms;
  }
}

// An instant must say its offset (or Z): a bare local time would depend on the machine's zone.
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const SIGNED_DURATION = /^([+-])(P.+)$/;

/** An instant as `2026-04-01T00:00:00+05:30` (or `...Z`), in epoch milliseconds; undefined when it is not one. */
export function parseInstant(text: string): number | undefined {
  if (!INSTANT.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

/** A signed duration such as `+P30D` or `-PT2H`, in milliseconds; undefined when it is not one. */
export function parseSignedDuration(text: string): number | undefined {
  const m = SIGNED_DURATION.exec(text);
  if (!m) return undefined;
  const d = parseDuration(m[2]!);
  return 'ms' in d ? (m[1] === '-' ? -d.ms : d.ms) : undefined;
}

/**
 * The clock a SEVA_CLOCK setting asks for: an instant to start from
 * (`2026-04-01T00:00:00+05:30`), an offset from real time (`+P30D`, `-PT12H`), or `now` (real
 * time, movable later). Anything else is refused, saying what would do.
 */
export function clockFromSetting(setting: string, name = 'SEVA_CLOCK'): MovableClock {
  const text = setting.trim();
  if (text === 'now') return new MovableClock();
  const start = parseInstant(text);
  if (start !== undefined) return new MovableClock(start);
  const offset = parseSignedDuration(text);
  if (offset !== undefined) {
    const clock = new MovableClock();
    clock.advance(offset);
    return clock;
  }
  throw invalid('INVALID_CLOCK', `${name}='${setting}' is not a time Seva can start from: give an instant with its offset (2026-04-01T00:00:00+05:30), an offset from now (+P30D, -PT12H) or now`);
}
