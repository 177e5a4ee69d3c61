/**
 * Vendor create and search over real HTTP, against the cost of a trivial route in the same run.
 * Usage: npm run bench:vendor [-- count]   (Postgres when DATABASE_URL is set, else PGlite in memory)
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { startSeva } from '../engine/boot/index.ts';

const count = Number(process.argv[2] ?? 500);
const concurrency = 8;

async function timed(label: string, n: number, one: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < n) await one(next++);
  }));
  const seconds = (performance.now() - started) / 1000;
  console.log(`${label.padEnd(28)} ${n} requests in ${seconds.toFixed(2)} s = ${(n / seconds).toFixed(0)} req/s`);
  return n / seconds;
}

const seva = await startSeva({ definitionsDir: 'definitions', database: { databaseUrl: process.env.DATABASE_URL || undefined, dataDir: 'memory' }, adminPassword: 'bench-admin-1' });
const server = serve({ fetch: seva.app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const login = await fetch(`${base}/user/oauth/token`, {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from('egov-user-client:').toString('base64')}` },
  body: new URLSearchParams({ username: 'admin', password: 'bench-admin-1', tenantId: 'pb', grant_type: 'password' }).toString(),
}).then((r) => r.json());
const headers = { 'content-type': 'application/json', authorization: `Bearer ${login.access_token}` };
const run = `${Date.now()}`;
const post = async (path: string, body: unknown) => {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  await res.arrayBuffer();
};

console.log(`backend: ${seva.database.dialect}, concurrency ${concurrency}`);
const baseline = await timed('baseline GET /health', count, async () => void (await (await fetch(`${base}/health`)).arrayBuffer()));
const creates = await timed('POST /vendor/v1/_create', count, (i) =>
  post('/vendor/v1/_create', { vendor: { tenantId: 'pb.lodhipur', name: `Vendor ${run}-${i}`, owner: { name: 'Owner', mobileNumber: '9000000000' }, drivers: [{ name: `Driver ${i}` }] } }),
);
const searches = await timed('POST /vendor/v1/_search', count, (i) => post(`/vendor/v1/_search?tenantId=pb.lodhipur&name=Vendor%20${run}-${i}`, {}));
console.log(`ratio to baseline: create ${(baseline / creates).toFixed(1)}x slower, search ${(baseline / searches).toFixed(1)}x slower`);
server.close();
await seva.close();
