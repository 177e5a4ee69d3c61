/** What every benchmark does the same way: serve Seva over real HTTP, log in, time a batch. */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { startSeva, type Seva } from '../engine/boot/index.ts';

export const concurrency = 8;

/** Runs `one` n times, `concurrency` at a time, and prints (and returns) requests per second. */
export async function timed(label: string, n: number, one: (i: number) => Promise<void>, width = 44): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < n) await one(next++);
  }));
  const seconds = (performance.now() - started) / 1000;
  console.log(`${label.padEnd(width)} ${n} requests in ${seconds.toFixed(2)} s = ${(n / seconds).toFixed(0)} req/s`);
  return n / seconds;
}

export interface BenchServer {
  seva: Seva;
  base: string;
  /** A password login; returns the access token. */
  token(username: string, password: string): Promise<string>;
  /** POSTs JSON with a token; throws unless 200; returns the parsed body. */
  call(token: string, path: string, body: unknown): Promise<any>;
  stop(): Promise<void>;
}

/** Seva on PGlite in memory, or on the Postgres at DATABASE_URL (which it migrates and fills). */
export async function benchServer(definitionsDir: string): Promise<BenchServer> {
  const seva = await startSeva({ definitionsDir, database: { databaseUrl: process.env.DATABASE_URL || undefined, dataDir: 'memory' }, adminPassword: 'bench-admin-1' });
  const server = serve({ fetch: seva.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    seva,
    base,
    async token(username, password) {
      const res = await fetch(`${base}/user/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from('egov-user-client:').toString('base64')}` },
        body: new URLSearchParams({ username, password, tenantId: 'pb', grant_type: 'password' }).toString(),
      });
      return ((await res.json()) as { access_token: string }).access_token;
    },
    async call(token, path, body) {
      const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${text}`);
      return JSON.parse(text);
    },
    async stop() {
      server.close();
      await seva.close();
    },
  };
}

export async function healthBaseline(base: string, n: number, width?: number): Promise<number> {
  return timed('baseline GET /health', n, async () => void (await (await fetch(`${base}/health`)).arrayBuffer()), width);
}
