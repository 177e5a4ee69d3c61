/**
 * Workflow actions over real HTTP, next to a plain create without a workflow and GET /health in
 * the same run. Usage: npm run bench:workflow [-- count]   (Postgres when DATABASE_URL is set:
 * point it at a scratch database, it migrates and fills it; else PGlite in memory)
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { startSeva } from '../engine/boot/index.ts';
import { definitionsWith } from '../tests/harness.ts';

const count = Number(process.argv[2] ?? 300);
const concurrency = 8;
const GP = 'pb.lodhipur';

async function timed(label: string, n: number, one: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < n) await one(next++);
  }));
  const seconds = (performance.now() - started) / 1000;
  console.log(`${label.padEnd(44)} ${n} requests in ${seconds.toFixed(2)} s = ${(n / seconds).toFixed(0)} req/s`);
  return n / seconds;
}

const seva = await startSeva({
  definitionsDir: definitionsWith('tests/fixtures/workflow-service'),
  database: { databaseUrl: process.env.DATABASE_URL || undefined, dataDir: 'memory' },
  adminPassword: 'bench-admin-1',
});
const server = serve({ fetch: seva.app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const tokenOf = async (username: string, password: string) => {
  const res = await fetch(`${base}/user/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from('egov-user-client:').toString('base64')}` },
    body: new URLSearchParams({ username, password, tenantId: 'pb', grant_type: 'password' }).toString(),
  });
  return ((await res.json()) as { access_token: string }).access_token;
};
const call = async (token: string, path: string, body: unknown) => {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${text}`);
  return JSON.parse(text);
};

const admin = await tokenOf('admin', 'bench-admin-1');
const run = `${Date.now()}`;
await call(admin, '/user/users/_createnovalidate', {
  user: { userName: `bench-${run}`, name: 'Bench', type: 'EMPLOYEE', tenantId: 'pb', password: 'bench-pass-1', roles: ['WS_CEMP', 'WS_DOC_VERIFIER', 'EXPENSE_PROCESSING'].map((code) => ({ code, tenantId: GP })) },
});
const staff = await tokenOf(`bench-${run}`, 'bench-pass-1');

console.log(`backend: ${seva.database.dialect}, concurrency ${concurrency}`);
const health = await timed('baseline GET /health', count, async () => void (await (await fetch(`${base}/health`)).arrayBuffer()));
const plain = await timed('baseline create, no workflow (vendor)', count, async (i) => {
  await call(staff, '/vendor/v1/_create', { vendor: { tenantId: GP, name: `Vendor ${run}-${i}`, owner: { name: 'Owner', mobileNumber: '9000000000' } } });
});
const apps: any[] = [];
const created = await timed('create + INITIATE (one transaction)', count, async (i) => {
  apps[i] = (await call(staff, '/ws-test/application/_create', { Application: { tenantId: GP, applicantName: `Applicant ${i}`, processInstance: { action: 'INITIATE' } } })).Applications[0];
});
const updated = await timed('_update + SUBMIT_APPLICATION', count, async (i) => {
  const { processInstance: _pi, ...app } = apps[i];
  await call(staff, '/ws-test/application/_update', { Application: { ...app, processInstance: { action: 'SUBMIT_APPLICATION' } } });
});
const moved = await timed('_transition VERIFY_AND_FORWARD (entity too)', count, async (i) => {
  await call(staff, '/egov-workflow-v2/egov-wf/process/_transition', { ProcessInstances: [{ tenantId: GP, businessService: 'NewWS1', businessId: apps[i].applicationNo, action: 'VERIFY_AND_FORWARD' }] });
});
const history = await timed('process/_search history=true', count, async (i) => {
  await call(staff, `/egov-workflow-v2/egov-wf/process/_search?tenantId=${GP}&businessIds=${apps[i].applicationNo}&history=true`, {});
});
console.log(
  `ratio to the plain create: create+INITIATE ${(plain / created).toFixed(2)}x, update+action ${(plain / updated).toFixed(2)}x, _transition ${(plain / moved).toFixed(2)}x; ` +
    `history search ${(health / history).toFixed(1)}x slower than /health`,
);
server.close();
await seva.close();
