import { fileURLToPath } from 'node:url';
import type { SevaOptions } from '../engine/boot/index.ts';

/**
 * The compiled engine's build id, set by cli/build.mjs; absent when the CLI runs from TypeScript.
 * Definitions a build has checked are remembered in dist/cache/ so a restart does not check an
 * unchanged set again.
 */
function definitionsCache(): SevaOptions['definitionsCache'] {
  const version = process.env.SEVA_BUILD_ID;
  return version ? { dir: fileURLToPath(new URL('../cache/definitions', import.meta.url)), version } : undefined;
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
    port: Number(env.PORT ?? 8080),
  };
}
