import pino from 'pino';

export type Logger = pino.Logger;

/** Structured logs; `LOG_LEVEL` sets the level (tests default to `warn`). */
export function createLogger(level = process.env.LOG_LEVEL ?? (process.env.VITEST ? 'warn' : 'info')): Logger {
  return pino({ level, base: undefined });
}
