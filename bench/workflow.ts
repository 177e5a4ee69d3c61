/**
 * Workflow actions over real HTTP, next to a plain create without a workflow and GET /health in
 * the same run. Usage: npm run bench:workflow [-- count]   (Postgres when DATABASE_URL is set:
 * point it at a scratch database, it migrates and fills it; else PGlite in memory)
 */
import { definitionsWith } from '../tests/harness.ts';
import { benchServer, concurrency, healthBaseline, timed } from './common.ts';

const count = Number(process.argv[2] ?? 300);
const GP = 'pb.lodhipur';

const bench = await benchServer(definitionsWith('tests/fixtures/workflow-service'));
const { seva, base } = bench;
const call = bench.call;
const tokenOf = bench.token;
const admin = await tokenOf('admin', 'bench-admin-1');
const run = `${Date.now()}`;
await call(admin, '/user/users/_createnovalidate', {
  user: { userName: `bench-${run}`, name: 'Bench', type: 'EMPLOYEE', tenantId: 'pb', password: 'bench-pass-1', roles: ['WS_CEMP', 'WS_DOC_VERIFIER', 'EXPENSE_PROCESSING'].map((code) => ({ code, tenantId: GP })) },
});
const staff = await tokenOf(`bench-${run}`, 'bench-pass-1');

console.log(`backend: ${seva.database.dialect}, concurrency ${concurrency}`);
const health = await healthBaseline(base, count);
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
await bench.stop();
