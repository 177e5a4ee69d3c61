import pino from 'pino';

export type Logger = pino.Logger;

/** Structured logs; `LOG_LEVEL` sets the level (tests default to `warn`). To stdout unless given another stream (a command whose stdout is its answer). */
export function createLogger(level = process.env.LOG_LEVEL ?? (process.env.VITEST ? 'warn' : 'info'), destination?: NodeJS.WritableStream): Logger {
  return destination ? pino({ level, base: undefined }, destination) : pino({ level, base: undefined });
}
