/**
 * Billing over real HTTP: demand create, fetch-bill and cash payment, next to GET /health in the
 * same run. Usage: npm run bench:billing [-- count]   (Postgres when DATABASE_URL is set: point it
 * at a scratch database, it migrates and fills it; else PGlite in memory)
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
  console.log(`${label.padEnd(36)} ${n} requests in ${seconds.toFixed(2)} s = ${(n / seconds).toFixed(0)} req/s`);
  return n / seconds;
}

const seva = await startSeva({ definitionsDir: definitionsWith('tests/fixtures/billing'), database: { databaseUrl: process.env.DATABASE_URL || undefined, dataDir: 'memory' }, adminPassword: 'bench-admin-1' });
const server = serve({ fetch: seva.app.fetch, port: 0, hostname: '127.0.0.1' });
await new Promise((r) => server.once('listening', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const login = await fetch(`${base}/user/oauth/token`, {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from('egov-user-client:').toString('base64')}` },
  body: new URLSearchParams({ username: 'admin', password: 'bench-admin-1', tenantId: 'pb', grant_type: 'password' }).toString(),
}).then((r) => r.json() as Promise<{ access_token: string }>);
const headers = { 'content-type': 'application/json', authorization: `Bearer ${login.access_token}` };
const call = async (path: string, body: unknown) => {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${text}`);
  return JSON.parse(text);
};
const run = Date.now();
const period = { taxPeriodFrom: Date.UTC(2026, 3, 1) - 5.5 * 3600_000, taxPeriodTo: Date.UTC(2026, 4, 1) - 5.5 * 3600_000 - 1 };
const bills: any[] = [];

console.log(`backend: ${seva.database.dialect}, concurrency ${concurrency}`);
const health = await timed('baseline GET /health', count, async () => void (await (await fetch(`${base}/health`)).arrayBuffer()));
const demands = await timed('demand _create (2 heads)', count, async (i) => {
  await call('/billing-service/demand/_create', { Demands: [{ tenantId: GP, consumerCode: `B-${run}-${i}`, businessService: 'TESTSVC', ...period, demandDetails: [{ taxHeadMasterCode: 'TESTSVC_CHARGE', taxAmount: '120.50' }, { taxHeadMasterCode: 'TESTSVC_PENALTY', taxAmount: 12 }] }] });
});
const fetched = await timed('bill _fetchbill (new bill)', count, async (i) => {
  bills[i] = (await call(`/billing-service/bill/v2/_fetchbill?tenantId=${GP}&consumerCode=B-${run}-${i}&businessService=TESTSVC`, {})).Bill[0];
});
const again = await timed('bill _fetchbill (existing bill)', count, async (i) => {
  await call(`/billing-service/bill/v2/_fetchbill?tenantId=${GP}&consumerCode=B-${run}-${i}&businessService=TESTSVC`, {});
});
const paid = await timed('payments _create (part payment)', count, async (i) => {
  await call('/collection-services/payments/_create', { Payment: { tenantId: GP, paymentMode: 'CASH', totalAmountPaid: 100, paymentDetails: [{ businessService: 'TESTSVC', billId: bills[i].id, totalAmountPaid: 100 }] } });
});
console.log(`ratio to /health: demand ${(health / demands).toFixed(1)}x, new bill ${(health / fetched).toFixed(1)}x, existing bill ${(health / again).toFixed(1)}x, payment ${(health / paid).toFixed(1)}x slower`);
server.close();
await seva.close();
