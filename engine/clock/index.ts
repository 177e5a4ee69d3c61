/** Time is read through a clock so tests (and jobs) can move it. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/** A clock a test sets by hand: it stands still between moves. */
export class ManualClock implements Clock {
  constructor(private current: number) {}
  now(): number {
    return this.current;
  }
  set(epochMs: number): void {
    this.current = epochMs;
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

export { parseDuration } from './duration.ts';
export { clockFromSetting, isMovable, MovableClock, parseInstant, parseSignedDuration, type MovableTime } from './movable.ts';
