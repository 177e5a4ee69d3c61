import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import type { EndpointAccess } from '../access/index.ts';
import { systemClock, type Clock } from '../clock/index.ts';
import type { Registry } from '../definitions/index.ts';
import { createHttpApp, idgenRoutes, mdmsRoutes, serviceRoutes, userRoutes } from '../http/index.ts';
import { IdGenerator } from '../idgen/index.ts';
import { createLogger, type Logger } from '../log/index.ts';
import { Mdms } from '../mdms/index.ts';
import { ServiceRuntime } from '../runtime/index.ts';
import { applyMigration, ensureMigrationsTable, openDatabase, planMigration, type Database, type DatabaseConfig, type MigrationResult } from '../store/index.ts';
import { createUser, findUserByUuid, searchUsers, sessionUser, type UserChecks } from '../users/index.ts';
import { tableSpecsOf } from './tables.ts';
import { definitionsError, validateDefinitions } from './validate.ts';

export interface SevaOptions {
  definitionsDir: string;
  database: DatabaseConfig;
  clock?: Clock;
  /** Time zone of dates in IDs and financial years. */
  timeZone?: string;
  /** Password of the `admin` superuser created on first start; random (and returned) when absent. */
  adminPassword?: string;
  logger?: Logger;
  accessTokenTtlSeconds?: number;
  refreshTokenTtlSeconds?: number;
  maxBodyBytes?: number;
  /** OAuth clients allowed at the token endpoint, as `client:secret`. */
  oauthClients?: string[];
}

export interface Seva {
  app: Hono;
  registry: Registry;
  database: Database;
  migration: MigrationResult;
  /** Set when this start created the admin user. */
  admin?: { userName: string; tenantId: string; password: string; generated: boolean };
  close(): Promise<void>;
}

/** Loads and checks the definitions, opens the database, migrates, and builds the HTTP app. */
export async function startSeva(options: SevaOptions): Promise<Seva> {
  const loaded = validateDefinitions(options.definitionsDir);
  if (!loaded.registry) throw definitionsError(loaded);
  const registry = loaded.registry;
  const logger = options.logger ?? createLogger();
  const clock = options.clock ?? systemClock;
  const database = await openDatabase(options.database);
  try {
    const db = database.db;
    await ensureMigrationsTable(db);
    const migration = await applyMigration(db, await planMigration(db, tableSpecsOf(registry)), { now: clock.now() });
    for (const step of migration.heldBack) logger.warn({ step: step.description }, 'migration step held back: it could lose data; run `seva db migrate --allow-data-loss`');

    const mdms = new Mdms(registry.masters);
    const mdmsOf = () => mdms;
    const idgen = new IdGenerator(mdmsOf, clock, options.timeZone ?? 'Asia/Kolkata');
    const runtimes = registry.services.map((svc) => new ServiceRuntime(svc, registry.persisters.find((p) => p.persister === svc.persister)!, { db, clock, mdms: mdmsOf, idgen }));
    const checks: UserChecks = { tenantExists: (t) => mdms.tenantCodes().has(t), roleExists: (r) => mdms.roleCodes().has(r) };
    const grant = (id: string): EndpointAccess => {
      const g = registry.access.get(id);
      if (!g) return { mode: 'roles', roles: [] };
      return g.public ? { mode: 'public' } : { mode: 'roles', roles: g.roles };
    };
    const routes = [
      ...userRoutes({
        db,
        clock,
        checks,
        grant,
        sessions: { accessTtlSeconds: options.accessTokenTtlSeconds ?? 7 * 24 * 3600, refreshTtlSeconds: options.refreshTokenTtlSeconds ?? 14 * 24 * 3600 },
        clients: new Set(options.oauthClients ?? ['egov-user-client:']),
      }),
      ...mdmsRoutes(mdmsOf, grant('mdms.search')),
      ...idgenRoutes(db, idgen, grant('idgen.generate')),
      ...runtimes.flatMap(serviceRoutes),
    ];
    const app = createHttpApp({
      routes,
      logger,
      maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
      auth: {
        userForToken: async (token) => {
          const uuid = await sessionUser(db, token, clock.now());
          return uuid ? findUserByUuid(db, uuid) : undefined;
        },
      },
    });
    const admin = await ensureAdmin(database, mdms, clock, checks, options.adminPassword);
    return { app, registry, database, migration, admin, close: () => database.close() };
  } catch (err) {
    await database.close();
    throw err;
  }
}

/** On first start there is nobody to log in as: create `admin`, a SUPERUSER at the state tenant. */
async function ensureAdmin(database: Database, mdms: Mdms, clock: Clock, checks: UserChecks, password?: string): Promise<Seva['admin']> {
  const tenantId = process.env.SEVA_STATE_TENANT ?? [...mdms.tenantCodes()].find((t) => !t.includes('.'));
  if (!tenantId || !mdms.roleCodes().has('SUPERUSER')) return undefined;
  const existing = await searchUsers(database.db, { tenantId, userName: 'admin', limit: 1 });
  if (existing.some((u) => u.tenantId === tenantId)) return undefined;
  const generated = !password;
  const secret = password ?? randomBytes(12).toString('base64url');
  await createUser(database.db, { userName: 'admin', name: 'Administrator', type: 'EMPLOYEE', tenantId, roles: [{ code: 'SUPERUSER', tenantId }], password: secret, active: true }, undefined, clock.now(), checks);
  return { userName: 'admin', tenantId, password: secret, generated };
}
