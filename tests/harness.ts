import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import pg from 'pg';
import { startSeva, type Seva, type SevaOptions } from '../engine/boot/index.ts';
import type { DatabaseConfig } from '../engine/store/index.ts';

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

/** A fresh place for data: a temporary PGlite directory, or a new database on the Postgres server. */
export async function freshDatabase(backend: Backend): Promise<{ config: DatabaseConfig; drop: () => Promise<void> }> {
  if (backend === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'seva-test-'));
    return { config: { dataDir: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const url = new URL(process.env.DATABASE_URL!);
  const name = `seva_test_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const testUrl = new URL(url.toString());
  testUrl.pathname = `/${name}`;
  return {
    config: { databaseUrl: testUrl.toString() },
    drop: async () => {
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
    const seva = await startSeva({ definitionsDir: 'definitions', adminPassword: 'admin-secret-1', ...options });
    const server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: seva.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
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
