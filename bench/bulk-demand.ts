/**
 * Bulk demand at scale: N non-metered connections in one GP (default 100,000), then one
 * ws-bulk-demand run for a month, timed, against a raw COPY of the same number of demand rows in
 * the same run. Needs Postgres (DATABASE_URL): it makes a scratch database there and drops it.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:bulk-demand
 */
import pg from 'pg';
import { startSeva } from '../engine/boot/index.ts';
import { ManualClock } from '../engine/clock/index.ts';

const N = Number(process.env.BENCH_N ?? 100_000);
const GP = 'pb.lodhipur';
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('bench/bulk-demand measures Postgres: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)');
  process.exit(2);
}

const scratch = `seva_bench_bulk_${process.pid}`;
const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query(`create database ${scratch}`);
const benchUrl = new URL(url);
benchUrl.pathname = `/${scratch}`;
const seconds = (started: number) => (performance.now() - started) / 1000;

try {
  // 21 Nov 2026, 10:00 IST: October is last month.
  const clock = new ManualClock(Date.UTC(2026, 10, 21, 4, 30));
  const seva = await startSeva({ definitionsDir: 'definitions', database: { databaseUrl: benchUrl.toString(), dataDir: 'memory' }, adminPassword: 'bench-admin-1', clock });
  const db = new pg.Client({ connectionString: benchUrl.toString() });
  await db.connect();
  try {
    let started = performance.now();
    await db.query(
      `insert into eg_ws_connection (id, tenantid, connectionno, status, connectiontype, propertytype, additionaldetails, locality, ownername, createdby, createdtime, lastmodifiedby, lastmodifiedtime)
       select 'c-' || lpad(i::text, 7, '0'), $1, 'WS/1013/2026-27/' || lpad(i::text, 7, '0'), 'ACTIVE', 'Non_Metered', case when i % 10 = 0 then 'COMMERCIAL' else 'RESIDENTIAL' end,
              '{"locality":"WARD1"}', 'WARD1', 'Consumer ' || i, 'bench', $2, 'bench', $2
       from generate_series(1, $3) as i`,
      [GP, clock.now(), N],
    );
    await db.query(
      `insert into eg_ws_connectionholder (id, connection_id, seva_order, name, mobilenumber, status)
       select 'h-' || i, 'c-' || lpad(i::text, 7, '0'), 0, 'Consumer ' || i, '98' || lpad(i::text, 8, '0'), 'ACTIVE' from generate_series(1, $1) as i`,
      [N],
    );
    await db.query('analyze');
    console.log(`seeded ${N.toLocaleString('en')} non-metered connections in ${seconds(started).toFixed(1)} s`);

    started = performance.now();
    const run = await seva.batches.run('ws-bulk-demand', { tenantId: GP, billingPeriod: '01/10/2026 - 31/10/2026' }, 'bench');
    const bulk = seconds(started);
    console.log(`ws-bulk-demand: ${run.status}, ${run.created.toLocaleString('en')} created, ${run.skipped} skipped, ${run.failed} failed in ${bulk.toFixed(2)} s (${(run.created / bulk).toFixed(0)} demands/s)`);
    if (run.created !== N) throw new Error(`expected ${N} demands, the run made ${run.created}`);

    started = performance.now();
    const rerun = await seva.batches.run('ws-bulk-demand', { tenantId: GP, billingPeriod: '01/10/2026 - 31/10/2026' }, 'bench');
    console.log(`rerun: ${rerun.created} created, ${rerun.skipped.toLocaleString('en')} skipped in ${seconds(started).toFixed(2)} s`);

    // The baseline: the same number of demand rows (and their detail rows) written by a raw COPY.
    const demandsCsv = `/tmp/${scratch}-demands.csv`;
    const detailsCsv = `/tmp/${scratch}-details.csv`;
    await db.query(`copy (select * from seva_demand where tenant_id = '${GP}' and consumer_type = 'waterConnection') to '${demandsCsv}' csv`);
    await db.query(`copy (select x.* from seva_demand_detail x join seva_demand d on d.id = x.demand_id where d.consumer_type = 'waterConnection') to '${detailsCsv}' csv`);
    await db.query('create table copy_demand (like seva_demand including all)');
    await db.query('create table copy_detail (like seva_demand_detail including all)');
    started = performance.now();
    const copied = await db.query(`copy copy_demand from '${demandsCsv}' csv`);
    const copyDemands = seconds(started);
    started = performance.now();
    await db.query(`copy copy_detail from '${detailsCsv}' csv`);
    const copyBoth = copyDemands + seconds(started);
    console.log(`baseline COPY of ${copied.rowCount?.toLocaleString('en')} demand rows: ${copyDemands.toFixed(2)} s; with their detail rows: ${copyBoth.toFixed(2)} s`);
    console.log(`ratio: bulk demand takes ${(bulk / copyDemands).toFixed(1)}× the COPY of its demand rows, ${(bulk / copyBoth).toFixed(1)}× the COPY of demand and detail rows`);
  } finally {
    await db.end();
    await seva.close();
  }
} finally {
  await admin.query(`drop database if exists ${scratch} with (force)`);
  await admin.end();
}
