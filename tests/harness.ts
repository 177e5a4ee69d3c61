import { constants, cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import pg from 'pg';
import { startSeva, type Seva, type SevaOptions } from '../engine/boot/index.ts';
import type { DatabaseConfig } from '../engine/store/index.ts';
import { retry, type Templates } from './templates.ts';

export type Backend = 'pglite' | 'postgres';

/**
 * The backends the integration suite runs on. Postgres runs when DATABASE_URL is set; in CI it must
 * be set (a missing database fails the run instead of skipping half of it).
 */
export function backends(): Backend[] {
  if (process.env.DATABASE_URL) return ['pglite', 'postgres'];
  if (process.env.CI) throw new Error('CI must run the Postgres suite: set DATABASE_URL (see .ci/run)');
  return ['pglite'];
}

/** What `inject('sevaTemplates')` gave: this run's templates (none outside vitest or without its globalSetup). */
async function templates(): Promise<Templates> {
  try {
    const { inject } = await import('vitest');
    return inject('sevaTemplates') ?? {};
  } catch {
    return {};
  }
}

/** Where databases cloned from the migrated template live (a PGlite directory or a Postgres URL). */
const migratedClones = new Set<string>();

/** Whether `database` is a clone of the migrated template (so a start on it migrates only a fixture's delta). */
const isMigratedClone = (database: DatabaseConfig): boolean => migratedClones.has(database.databaseUrl ?? database.dataDir ?? '');

function copyPglite(template: string, dir: string): void {
  // A copy-on-write clone where the file system has them, a plain copy elsewhere.
  cpSync(join(template, 'pgdata'), join(dir, 'pgdata'), { recursive: true, mode: constants.COPYFILE_FICLONE });
  // Marks the template as in use, so another checkout's run does not take it for stale.
  const now = new Date();
  utimesSync(template, now, now);
}

/**
 * A fresh place for data: a temporary PGlite directory, or a new database on the Postgres server
 * (DATABASE_URL). By default a clone of this run's migrated template: the shipped definitions'
 * schema and nothing else (no users), so `startSeva` has only a fixture's extra definitions to
 * migrate and creates `admin` and `system` as on any first start. `empty: true` gives a database
 * Seva has never touched (as before templates), for a test of a first start's migration.
 */
export async function freshDatabase(backend: Backend, options: { empty?: boolean } = {}): Promise<{ config: DatabaseConfig; drop: () => Promise<void> }> {
  const available = await templates();
  if (backend === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'seva-test-'));
    const template = options.empty ? undefined : available.pglite;
    if (template) {
      copyPglite(template, dir);
      migratedClones.add(dir);
    }
    return {
      config: { dataDir: dir },
      drop: async () => {
        migratedClones.delete(dir);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!process.env.DATABASE_URL) throw new Error('a Postgres database needs DATABASE_URL');
  const url = new URL(process.env.DATABASE_URL);
  const name = `seva_test_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const template = options.empty ? undefined : available.postgres;
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    // A database cloned from a template must have nobody connected to the template: none do.
    await retry(() => admin.query(template ? `create database ${name} template ${template}` : `create database ${name}`));
  } finally {
    await admin.end();
  }
  const testUrl = new URL(url.toString());
  testUrl.pathname = `/${name}`;
  const databaseUrl = testUrl.toString();
  if (template) migratedClones.add(databaseUrl);
  return {
    config: { databaseUrl },
    drop: async () => {
      migratedClones.delete(databaseUrl);
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect();
      // The server has closed its pool by now; give the backends a moment to go away before dropping.
      for (let attempt = 0; ; attempt++) {
        try {
          await c.query(`drop database if exists ${name}`);
          break;
        } catch (err) {
          if (attempt >= 20) throw err;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      await c.end();
    },
  };
}

/**
 * `startSeva` for tests. On a clone of the shipped definitions' template, definitions that would
 * need a step held back (a dropped or retyped column: data loss) would run on a schema a first start
 * would not have made: that fails here, naming the steps; such a test wants `freshDatabase(backend, { empty: true })`.
 */
export async function startTestSeva(options: SevaOptions): Promise<Seva> {
  const seva = await startSeva(options);
  if (isMigratedClone(options.database) && seva.migration.heldBack.length > 0) {
    await seva.close();
    throw new Error(
      `these definitions would hold migration steps back on the template clone (${seva.migration.heldBack.map((s) => s.description).join('; ')}): use freshDatabase(backend, { empty: true })`,
    );
  }
  return seva;
}

export interface Response {
  status: number;
  body: any;
}

/** A Seva server listening on a free loopback port, spoken to over real HTTP. */
export class TestServer {
  private constructor(
    readonly seva: Seva,
    private readonly server: ServerType,
    readonly baseUrl: string,
  ) {}

  static async start(options: Partial<SevaOptions> & { database: DatabaseConfig }): Promise<TestServer> {
    const seva = await startTestSeva({ definitionsDir: 'definitions', adminPassword: 'admin-secret-1', ...options });
    const server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: seva.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    // The test and the server share one event loop: a test that computes for seconds (compiling
    // schemas, say) lets the server's keep-alive timer and fetch's reuse of that idle connection
    // fire in the same turn, and the request meets a closed socket (ECONNRESET). Idle connections
    // are kept longer than any such pause; stop() closes them.
    (server as Server).keepAliveTimeout = 120_000;
    const { port } = server.address() as AddressInfo;
    return new TestServer(seva, server, `http://127.0.0.1:${port}`);
  }

  async post(path: string, body: unknown, options: { token?: string; headers?: Record<string, string>; raw?: string } = {}): Promise<Response> {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const res = await fetch(`${this.baseUrl}${path}`, { method: 'POST', headers, body: options.raw ?? JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  /** DIGIT's password login; returns the whole token response. */
  async login(username: string, password: string, tenantId: string): Promise<Response> {
    const res = await fetch(`${this.baseUrl}/user/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from('egov-user-client:').toString('base64')}` },
      body: new URLSearchParams({ username, password, tenantId, userType: 'EMPLOYEE', grant_type: 'password', scope: 'read' }).toString(),
    });
    return { status: res.status, body: await res.json() };
  }

  async token(username: string, password: string, tenantId: string): Promise<string> {
    const res = await this.login(username, password, tenantId);
    if (res.status !== 200) throw new Error(`login of ${username} failed: ${JSON.stringify(res.body)}`);
    return res.body.access_token as string;
  }

  /** Creates an employee (as the admin) holding `roles`, and returns a token for them. */
  async staffToken(userName: string, roles: { code: string; tenantId: string }[], adminPassword = 'admin-secret-1'): Promise<string> {
    const admin = await this.token('admin', adminPassword, 'pb');
    const res = await this.post('/user/users/_createnovalidate', {
      RequestInfo: requestInfo(admin),
      user: { userName, name: userName, type: 'EMPLOYEE', tenantId: 'pb', password: 'pass-word-1', roles },
    });
    if (res.status !== 200) throw new Error(`creating ${userName} failed: ${JSON.stringify(res.body)}`);
    return this.token(userName, 'pass-word-1', 'pb');
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await this.seva.close();
  }
}

export const requestInfo = (token?: string) => ({ apiId: 'mgramseva', ver: '1.0', msgId: 'test|en_IN', ...(token ? { authToken: token } : {}) });

/**
 * A copy of the shipped definitions with a fixture folder laid over it (files at the same path
 * replace the shipped ones) and text edits applied; returns its root.
 */
export function definitionsWith(fixture: string, edits: { file: string; replace: string; with: string }[] = []): string {
  const root = join(mkdtempSync(join(tmpdir(), 'seva-defs-')), 'definitions');
  cpSync('definitions', root, { recursive: true });
  cpSync(fixture, root, { recursive: true });
  for (const edit of edits) {
    const path = join(root, edit.file);
    const text = readFileSync(path, 'utf8');
    if (!text.includes(edit.replace)) throw new Error(`'${edit.replace}' is not in ${edit.file}`);
    writeFileSync(path, text.replace(edit.replace, edit.with));
  }
  return root;
}

/** Month `m` (1-12) of 2026 in IST, as a DIGIT demand period: its first and last millisecond. */
export const month2026 = (m: number) => ({ taxPeriodFrom: Date.UTC(2026, m - 1, 1) - 5.5 * 3600_000, taxPeriodTo: Date.UTC(2026, m, 1) - 5.5 * 3600_000 - 1 });
