/**
 * Vendor create and search over real HTTP, against the cost of a trivial route in the same run.
 * Usage: npm run bench:vendor [-- count]   (Postgres when DATABASE_URL is set, else PGlite in memory)
 */
import { benchServer, concurrency, healthBaseline, timed } from './common.ts';

const count = Number(process.argv[2] ?? 500);

const bench = await benchServer('definitions');
const { seva, base } = bench;
const token = await bench.token('admin', 'bench-admin-1');
const run = `${Date.now()}`;
const post = (path: string, body: unknown) => bench.call(token, path, body);

console.log(`backend: ${seva.database.dialect}, concurrency ${concurrency}`);
const baseline = await healthBaseline(base, count);
const creates = await timed('POST /vendor/v1/_create', count, (i) =>
  post('/vendor/v1/_create', { vendor: { tenantId: 'pb.lodhipur', name: `Vendor ${run}-${i}`, owner: { name: 'Owner', mobileNumber: '9000000000' }, drivers: [{ name: `Driver ${i}` }] } }),
);
const searches = await timed('POST /vendor/v1/_search', count, (i) => post(`/vendor/v1/_search?tenantId=pb.lodhipur&name=Vendor%20${run}-${i}`, {}));
console.log(`ratio to baseline: create ${(baseline / creates).toFixed(1)}x slower, search ${(baseline / searches).toFixed(1)}x slower`);
await bench.stop();
