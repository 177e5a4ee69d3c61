import { RuleSets } from '../rules/index.ts';
import { BatchRunner } from '../batches/index.ts';
import { AdjustmentRunner } from '../adjustments/index.ts';
import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import type { EndpointAccess } from '../access/index.ts';
import { isMovable, systemClock, type Clock } from '../clock/index.ts';
import { formatProblem, type DefinitionsCache, type Registry } from '../definitions/index.ts';
import { BILLING_SOURCES, BillingEngine } from '../billing/index.ts';
import { aggregateRoutes, billingRoutes, boundaryRoutes, CallLimits, clockRoutes, createHttpApp, estimateRoutes, hrmsRoutes, idgenRoutes, localizationRoutes, mdmsRoutes, pdfRoutes, routeCaller, serviceRoutes, batchRoutes, summaryRoutes, userRoutes, workflowRoutes } from '../http/index.ts';
import { fileRoutes, shortenerRoutes, smsRoutes, userFlowRoutes } from '../http/index.ts';
import { DEFAULT_SHORTENER_POLICY } from '../shortener/index.ts';
import { checkContentStoreSettings, chooseContentStore, Files, s3SettingsFromEnv, type S3Settings } from '../files/index.ts';
import { Pdfs } from '../pdf/index.ts';
import { smsSender } from '../sms/index.ts';
import type { Route } from '../http/index.ts';
import { Employees } from '../hrms/index.ts';
import { IdGenerator } from '../idgen/index.ts';
import { JobRunner } from '../jobs/index.ts';
import { Localization } from '../localization/index.ts';
import { createLogger, type Logger } from '../log/index.ts';
import { Mdms } from '../mdms/index.ts';
import { appendEvents } from '../events/index.ts';
import { WriteLifecycle } from '../lifecycle/index.ts';
import { entityParticipants, serviceStepTaker, ServiceRuntime } from '../runtime/index.ts';
import { applyMigration, ensureMigrationsTable, openDatabase, planMigration, warmUpDatabase, type Database, type DatabaseConfig, type MigrationResult } from '../store/index.ts';
import { citizenOtpLogin, createUser, DEFAULT_LOCKOUT, DEFAULT_ROLE_GRANTS, findUserByUuid, otpSettings, searchUsers, sessionUser, USER_SOURCES, type User, type UserChecks } from '../users/index.ts';
import { RateLimiter } from '../limits/index.ts';
import { WorkflowEngine } from '../workflow/index.ts';
import { tableSpecsOf } from './tables.ts';
import { checkDefinitionsForStart, definitionsError, SYSTEM_ROLE } from './validate.ts';
import { AggregateRunner, childSources, serviceSource } from '../aggregates/index.ts';

export interface SevaOptions {
  definitionsDir: string;
  /** Where definitions that passed their check are remembered across restarts of this engine build. */
  definitionsCache?: DefinitionsCache;
  database: DatabaseConfig;
  /** The engine's time; one that can be moved (`set`, `advance`) is also served at /seva/clock/v1/_move. */
  clock?: Clock;
  /** Time zone of dates in IDs, financial years and job schedules. */
  timeZone?: string;
  /** Password of the `admin` superuser created on first start; random (and returned) when absent. */
  adminPassword?: string;
  logger?: Logger;
  accessTokenTtlSeconds?: number;
  refreshTokenTtlSeconds?: number;
  maxBodyBytes?: number;
  /** Deepest nesting of objects and lists a request body may have (32 by default). */
  maxBodyDepth?: number;
  /** OAuth clients allowed at the token endpoint, as `client:secret`. */
  oauthClients?: string[];
  /** Put the jobs on their cron schedules (the server does; tests and one-off commands run them by hand). */
  scheduleJobs?: boolean;
  /**
   * Key of the OTP hashes (SEVA_OTP_PEPPER), the same for every process of one deployment; without
   * one a random key is made, and OTPs sent before a restart no longer verify.
   */
  otpPepper?: string;
  /** Where short links point (SEVA_PUBLIC_URL, e.g. https://seva.example.in); default: the host a request came to. */
  publicUrl?: string;
  /** Keep uploaded files' bytes in this directory (SEVA_FILES_DIR) instead of the database. */
  filesDir?: string;
  /** Keep uploaded files' bytes in this S3 bucket (SEVA_FILES_S3_BUCKET and the other SEVA_FILES_S3_*) instead of the database. */
  filesS3?: S3Settings;
  /**
   * Key of file link signatures (SEVA_FILES_SECRET), the same for every process of one deployment;
   * without one a random key is made, and links handed out before a restart no longer open.
   */
  filesSecret?: string;
  /** How long a file link holds, in seconds (SEVA_FILES_LINK_TTL; default 15 minutes). */
  fileLinkTtlSeconds?: number;
  /** Where an SMS provider's secrets are read from (the process environment by default). */
  env?: Record<string, string | undefined>;
}

export interface Seva {
  app: Hono;
  /** Every POST route the app mounts, with its contract (`routeRequestSchemas` reads them). */
  routes: Route[];
  registry: Registry;
  database: Database;
  migration: MigrationResult;
  workflow: WorkflowEngine;
  billing: BillingEngine;
  /** The write lifecycle every write runs in, with the participants boot registered. */
  lifecycle: WriteLifecycle;
  jobs: JobRunner;
  batches: BatchRunner;
  /** Set when this start created the admin user. */
  admin?: { userName: string; tenantId: string; password: string; generated: boolean };
  close(): Promise<void>;
}

/** Loads and checks the definitions, opens the database, migrates, and builds the HTTP app and the jobs. */
export async function startSeva(options: SevaOptions): Promise<Seva> {
  const env = options.env ?? process.env;
  // A mistaken setting stops the start before anything is opened.
  const fileStoreSettings = checkContentStoreSettings({ dir: options.filesDir ?? env.SEVA_FILES_DIR, s3: options.filesS3 ?? s3SettingsFromEnv(env) });
  // PGlite's WebAssembly compiles in the background while the definitions are checked.
  warmUpDatabase(options.database);
  const loaded = checkDefinitionsForStart(options.definitionsDir, options.definitionsCache);
  if (!loaded.registry) throw definitionsError(loaded);
  const registry = loaded.registry;
  const logger = options.logger ?? createLogger();
  for (const warning of loaded.warnings) logger.warn(formatProblem(warning));
  const clock = options.clock ?? systemClock;
  const timeZone = options.timeZone ?? 'Asia/Kolkata';
  const database = await openDatabase(options.database);
  try {
    const db = database.db;
    await ensureMigrationsTable(db);
    const migration = await applyMigration(db, await planMigration(db, tableSpecsOf(registry)), { now: clock.now() });
    for (const step of migration.heldBack) logger.warn({ step: step.description }, 'migration step held back: it could lose data; run `seva db migrate --allow-data-loss`');

    const mdms = new Mdms(registry.masters);
    const mdmsOf = () => mdms;
    const checks: UserChecks = { tenantExists: (t) => mdms.tenantCodes().has(t), roleExists: (r) => mdms.roleCodes().has(r) };
    const admin = await ensureAdmin(database, mdms, clock, checks, options.adminPassword);
    const systemUser = await ensureSystemUser(database, mdms, clock, checks);

    const idgen = new IdGenerator(mdmsOf, clock, timeZone);
    // The outbox takes every write's events, in the write's transaction.
    const lifecycle = new WriteLifecycle(db, clock).useForEvents({ name: 'outbox', run: appendEvents });
    const billing = new BillingEngine({ db, clock, mdms: mdmsOf, idgen, gateways: registry.gateways, lifecycle });
    const filled = await billing.fillRepeatedColumns();
    if (filled.heads + filled.receipts > 0) logger.info(filled, 'filled the demand and payment fields repeated on older heads and receipts');
    const workflow = new WorkflowEngine(registry.workflows, { db, lifecycle, clock, mdms: mdmsOf, timeZone, logger });
    const rules = new RuleSets(registry.ruleSets);
    const byName = new Map<string, ServiceRuntime>();
    const service = (name: string) => {
      const runtime = byName.get(name);
      if (!runtime) throw new Error(`no service named '${name}'`);
      return runtime;
    };
    const deps = { db, lifecycle, clock, mdms: mdmsOf, idgen, workflow, billing, rules, timeZone, service };
    const runtimes = registry.services.map((svc) => new ServiceRuntime(svc, registry.persisters.find((p) => p.persister === svc.persister)!, deps));
    for (const runtime of runtimes) byName.set(runtime.name, runtime);
    const adjustments = new AdjustmentRunner(registry.adjustments, { db, lifecycle, mdms: mdmsOf, now: () => clock.now(), timeZone, rules, systemUuid: () => systemUser?.uuid ?? 'system' });
    for (const participant of entityParticipants(runtimes, idgen)) lifecycle.use(participant);
    lifecycle.use(adjustments.billParticipant);
    const takeStep = serviceStepTaker(runtimes, workflow);
    const batches = new BatchRunner(registry.batches, { database, lifecycle, clock, mdms: mdmsOf, timeZone, rules, billing, service, logger });
    const sources = new Map([
      ...Object.entries(BILLING_SOURCES),
      ...Object.entries(USER_SOURCES),
      ...runtimes.map((r) => [r.name, serviceSource(r.persister, r.figureFields())] as const),
      ...runtimes.flatMap((r) => childSources(r.name, r.persister)),
    ]);
    const aggregates = new AggregateRunner(registry.aggregates, { db, sources, mdms: mdmsOf, now: () => clock.now(), timeZone });
    const grant = (id: string): EndpointAccess => {
      const g = registry.access.get(id);
      if (!g) return { mode: 'roles', roles: [] };
      if (g.public) return { mode: 'public' };
      if (g.authenticated) return { mode: 'authenticated', ...(g.anonymousWhereAllowed ? { anonymousWhereAllowed: true } : {}) };
      return { mode: 'roles', roles: g.roles, ...(g.self ? { self: true } : {}), ...(g.anonymous ? { anonymous: g.anonymous } : {}) };
    };
    const security = registry.security;
    const limiter = new RateLimiter(db);
    const limits = new CallLimits(limiter, security.rateLimits ?? {}, () => clock.now());
    const sessions = { accessTtlSeconds: options.accessTokenTtlSeconds ?? 7 * 24 * 3600, refreshTtlSeconds: options.refreshTokenTtlSeconds ?? 14 * 24 * 3600 };
    const otp = otpSettings(registry.otp, options.otpPepper ?? env.SEVA_OTP_PEPPER ?? randomOtpPepper(logger));
    const sms = smsSender(registry.smsProviders, { db, now: () => clock.now(), env });
    const otpLogin = (userName: string, tenantId: string, code: string) => citizenOtpLogin(db, otp, userName, tenantId, code, clock.now());
    const fileBytes = chooseContentStore(db, fileStoreSettings);
    const files = new Files({
      db,
      clock,
      store: fileBytes,
      modules: registry.filestore.modules,
      limiter,
      tenantExists: checks.tenantExists,
      secret: options.filesSecret ?? env.SEVA_FILES_SECRET ?? randomSecret(logger, 'SEVA_FILES_SECRET is not set: file links are signed for this process only'),
      linkTtlSeconds: options.fileLinkTtlSeconds ?? (Number(env.SEVA_FILES_LINK_TTL) || 15 * 60),
    });
    const roleGrants = security.roleGrants ?? DEFAULT_ROLE_GRANTS;
    const localization = new Localization(registry.messages, { db, clock });
    // Documents read other routes in the process (DIGIT's pdf-service called other services).
    let callRoute: ReturnType<typeof routeCaller> = () => Promise.reject(new Error('routes are not mounted yet'));
    const pdfs = new Pdfs({
      db,
      clock,
      timeZone,
      keys: registry.pdfs,
      files,
      fileModule: 'pdfgen',
      messages: (tenantId, locale, modules) => messagesByModule(localization, tenantId, locale, modules),
      call: (path, body, caller, query) => callRoute(path, body, caller, query),
      systemUser: () => systemUser,
    });
    const employees = new Employees({ db, clock, mdms: mdmsOf, idgen, checks, roleGrants, timeZone });
    const routes = [
      ...userRoutes({
        timeZone,
        db,
        clock,
        checks,
        grant,
        sessions,
        clients: new Set(options.oauthClients ?? ['egov-user-client:']),
        lockout: security.lockout ?? DEFAULT_LOCKOUT,
        roleGrants,
        limits,
        otpLogin,
      }),
      ...userFlowRoutes({ db, clock, checks, sessions, otp, sms, grant, timeZone, limits }),
      ...smsRoutes(db, grant('sms.outbox.search'), () => stateTenant(mdms) ?? ''),
      ...shortenerRoutes({ db, clock, policy: registry.shortener ?? DEFAULT_SHORTENER_POLICY, grant, tenantExists: checks.tenantExists, stateTenant: () => stateTenant(mdms) ?? '', publicUrl: options.publicUrl ?? env.SEVA_PUBLIC_URL }),
      ...hrmsRoutes(employees, grant),
      ...mdmsRoutes(mdmsOf, grant('mdms.search')),
      ...localizationRoutes(localization, { grant, tenantExists: checks.tenantExists }),
      ...boundaryRoutes(mdmsOf, grant),
      ...fileRoutes(files, grant, options.publicUrl ?? env.SEVA_PUBLIC_URL),
      ...pdfRoutes(pdfs, grant, options.publicUrl ?? env.SEVA_PUBLIC_URL),
      ...idgenRoutes(db, idgen, grant('idgen.generate')),
      ...workflowRoutes({ db, clock, workflow, transition: (actor, steps) => workflow.transition(actor, steps, takeStep), grant }),
      ...billingRoutes(billing, grant),
      ...runtimes.flatMap(serviceRoutes),
      ...batchRoutes(batches, grant),
      ...summaryRoutes(registry.summaries, { db, rules, mdms: mdmsOf, now: () => clock.now(), timeZone }),
      ...estimateRoutes(registry.adjustments, adjustments),
      ...aggregateRoutes(aggregates),
      // Only a clock that can be moved (SEVA_CLOCK, refused in production; a test's) is served.
      ...(isMovable(clock) ? clockRoutes(clock, grant('clock.move'), () => [stateTenant(mdms) ?? '']) : []),
    ];
    callRoute = routeCaller(routes);
    const app = createHttpApp({
      routes,
      logger,
      maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
      maxBodyDepth: options.maxBodyDepth ?? 32,
      trustForwardedFor: security.trustForwardedFor === true,
      auth: {
        userForToken: async (token) => {
          const uuid = await sessionUser(db, token, clock.now());
          return uuid ? findUserByUuid(db, uuid) : undefined;
        },
      },
    });
    const jobs = new JobRunner(registry.jobs, {
      database,
      clock,
      timeZone,
      logger,
      mdms: mdmsOf,
      escalate: (names) => workflow.escalate(systemUser?.uuid ?? 'system', takeStep, names),
      adjustments,
      systemUuid: () => systemUser?.uuid ?? 'system',
      call: systemCall(callRoute, systemUser),
    });
    if (options.scheduleJobs) jobs.start();
    return {
      app,
      routes,
      registry,
      database,
      migration,
      workflow,
      billing,
      lifecycle,
      jobs,
      batches,
      admin,
      close: async () => {
        jobs.stop();
        fileBytes.close?.();
        await database.close();
      },
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}

/** Jobs call routes as the system user, through the same access checks as any caller. */
function systemCall(call: ReturnType<typeof routeCaller>, systemUser: User | undefined) {
  return (path: string, body: Record<string, unknown>) => {
    if (!systemUser) throw new Error('there is no system user (the tenant or SYSTEM role master is missing)');
    return call(path, { RequestInfo: { apiId: 'seva-jobs', ver: '1.0', msgId: 'job|en_IN' }, ...body }, systemUser);
  };
}

/** A tenant's messages in a locale, by module and code, for a document's labels. */
async function messagesByModule(localization: Localization, tenantId: string, locale: string, modules: string[]): Promise<Map<string, Map<string, string>>> {
  const byModule = new Map<string, Map<string, string>>();
  for (const m of await localization.search({ tenantId, locale, modules })) {
    const codes = byModule.get(m.module) ?? new Map<string, string>();
    codes.set(m.code, m.message);
    byModule.set(m.module, codes);
  }
  return byModule;
}

function randomOtpPepper(logger: Logger): string {
  return randomSecret(logger, 'SEVA_OTP_PEPPER is not set: OTPs are keyed for this process only (a restart or a second process will not verify them)');
}

function randomSecret(logger: Logger, warning: string): string {
  logger.warn(warning);
  return randomBytes(32).toString('base64url');
}

function stateTenant(mdms: Mdms): string | undefined {
  return process.env.SEVA_STATE_TENANT ?? [...mdms.tenantCodes()].find((t) => !t.includes('.'));
}

/** On first start there is nobody to log in as: create `admin`, a SUPERUSER at the state tenant. */
async function ensureAdmin(database: Database, mdms: Mdms, clock: Clock, checks: UserChecks, password?: string): Promise<Seva['admin']> {
  const tenantId = stateTenant(mdms);
  if (!tenantId || !mdms.roleCodes().has('SUPERUSER')) return undefined;
  const existing = await searchUsers(database.db, { tenantId, userName: 'admin', limit: 1 });
  if (existing.some((u) => u.tenantId === tenantId)) return undefined;
  const generated = !password;
  const secret = password ?? randomBytes(12).toString('base64url');
  await createUser(database.db, { userName: 'admin', name: 'Administrator', type: 'EMPLOYEE', tenantId, roles: [{ code: 'SUPERUSER', tenantId }], password: secret, active: true }, undefined, clock.now(), checks);
  return { userName: 'admin', tenantId, password: secret, generated };
}

/**
 * The user jobs and escalations act as: `system`, with the SYSTEM role at the state tenant and no
 * password, so nobody can sign in as it.
 */
async function ensureSystemUser(database: Database, mdms: Mdms, clock: Clock, checks: UserChecks): Promise<User | undefined> {
  const tenantId = stateTenant(mdms);
  if (!tenantId || !mdms.roleCodes().has(SYSTEM_ROLE)) return undefined;
  const existing = (await searchUsers(database.db, { tenantId, userName: 'system', limit: 1 })).find((u) => u.tenantId === tenantId);
  if (existing) return existing;
  return createUser(database.db, { userName: 'system', name: 'Seva system', type: 'SYSTEM', tenantId, roles: [{ code: SYSTEM_ROLE, tenantId }], active: true }, undefined, clock.now(), checks);
}
