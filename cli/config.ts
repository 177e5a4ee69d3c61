import { fileURLToPath } from 'node:url';
import type { SevaOptions } from '../engine/boot/index.ts';
import { clockFromSetting, type Clock } from '../engine/clock/index.ts';
import { SevaError } from '../engine/errors/index.ts';

/**
 * The compiled engine's build id, set by cli/build.mjs; absent when the CLI runs from TypeScript.
 * Definitions a build has checked are remembered in dist/cache/ so a restart does not check an
 * unchanged set again.
 */
function definitionsCache(): SevaOptions['definitionsCache'] {
  const version = process.env.SEVA_BUILD_ID;
  return version ? { dir: fileURLToPath(new URL('../cache/definitions', import.meta.url)), version } : undefined;
}

/**
 * SEVA_CLOCK: a clock that starts where the setting says and can be moved over HTTP, so rules that
 * depend on time (a penalty after N days, a bill's expiry, an SLA) can be tried end to end. For
 * tests and demonstrations only: with NODE_ENV=production it is refused, and Seva does not start.
 */
export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): Clock | undefined {
  const setting = env.SEVA_CLOCK;
  if (setting === undefined || setting.trim() === '') return undefined;
  if (env.NODE_ENV === 'production') {
    throw new SevaError(
      'invalid',
      'CLOCK_IN_PRODUCTION',
      `SEVA_CLOCK is set (${setting}) and NODE_ENV is production: a clock that can be moved is for tests and demonstrations only, and Seva will not start with one in production. Unset SEVA_CLOCK, or run outside production.`,
    );
  }
  return clockFromSetting(setting);
}

/** Settings from the environment, as the README lists them. */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): SevaOptions & { port: number } {
  return {
    definitionsDir: env.SEVA_DEFINITIONS ?? 'definitions',
    definitionsCache: definitionsCache(),
    database: { databaseUrl: env.DATABASE_URL || undefined, dataDir: env.SEVA_DATA_DIR ?? '.data' },
    adminPassword: env.SEVA_ADMIN_PASSWORD || undefined,
    timeZone: env.SEVA_TIME_ZONE ?? 'Asia/Kolkata',
    accessTokenTtlSeconds: env.SEVA_TOKEN_TTL ? Number(env.SEVA_TOKEN_TTL) : undefined,
    maxBodyBytes: env.SEVA_MAX_BODY_BYTES ? Number(env.SEVA_MAX_BODY_BYTES) : undefined,
    oauthClients: env.SEVA_OAUTH_CLIENTS ? env.SEVA_OAUTH_CLIENTS.split(',') : undefined,
    clock: clockFromEnv(env),
    port: Number(env.PORT ?? 8080),
  };
}
