/**
 * Billing over real HTTP: demand create, fetch-bill and cash payment, next to GET /health in the
 * same run. Usage: npm run bench:billing [-- count]   (Postgres when DATABASE_URL is set: point it
 * at a scratch database, it migrates and fills it; else PGlite in memory)
 */
import { definitionsWith } from '../tests/harness.ts';
import { benchServer, concurrency, healthBaseline, timed } from './common.ts';

const count = Number(process.argv[2] ?? 300);
const GP = 'pb.lodhipur';

const bench = await benchServer(definitionsWith('tests/fixtures/billing'));
const { seva, base } = bench;
const token = await bench.token('admin', 'bench-admin-1');
const call = (path: string, body: unknown) => bench.call(token, path, body);
const run = Date.now();
const period = { taxPeriodFrom: Date.UTC(2026, 3, 1) - 5.5 * 3600_000, taxPeriodTo: Date.UTC(2026, 4, 1) - 5.5 * 3600_000 - 1 };
const bills: any[] = [];

console.log(`backend: ${seva.database.dialect}, concurrency ${concurrency}`);
const health = await healthBaseline(base, count);
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
await bench.stop();
