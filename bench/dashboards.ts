/**
 * Dashboards and reports at a GP's scale: 5,000 water consumers with 3 years of monthly demands
 * (and a penalty now and then), a payment for most of them, and a few hundred expenses; a second
 * GP of 2,000 consumers beside it, so tenant scoping has something to leave out. Every aggregate
 * query the definitions ship is asked over HTTP, as the app asks it, and timed; the baseline, in
 * the same run, is one plain SQL sum over all the GP's demand heads.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:dashboards
 *
 * BENCH_CONSUMERS sizes the first GP, BENCH_RUNS the timed runs per query (15), and BENCH_KEEP=1
 * keeps the scratch database for EXPLAIN instead of dropping it.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import pg from 'pg';
import { startSeva } from '../engine/boot/index.ts';
import { ManualClock } from '../engine/clock/index.ts';

const CONSUMERS = Number(process.env.BENCH_CONSUMERS ?? 5_000);
const MONTHS = 36;
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('bench/dashboards measures Postgres: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)');
  process.exit(2);
}
const IST = 5.5 * 3600_000;
const ist = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) - IST;

const scratch = `seva_bench_dash_${process.pid}`;
const admin = new pg.Client({ connectionString: url });
await admin.connect();
await admin.query(`create database ${scratch}`);
const benchUrl = new URL(url);
benchUrl.pathname = `/${scratch}`;
const ms = (started: number) => performance.now() - started;

/** Consumers, 36 monthly demands each (Nov 2023 – Oct 2026), payments and expenses for one GP, in SQL. */
async function seed(db: pg.Client, gp: string, code: string, consumers: number, now: number): Promise<void> {
  await db.query(
    `insert into eg_ws_connection (id, tenantid, connectionno, oldconnectionno, status, connectiontype, propertytype, additionaldetails, locality, ownername, createdby, createdtime, lastmodifiedby, lastmodifiedtime)
     select $1 || '-c-' || i, $1, 'WS/' || $2 || '/2023-24/' || lpad(i::text, 6, '0'), 'OLD-' || i, case when i % 50 = 0 then 'INACTIVE' else 'ACTIVE' end, 'Non_Metered',
            case when i % 10 = 0 then 'COMMERCIAL' else 'RESIDENTIAL' end, json_build_object('ownerName', 'Consumer ' || i), 'WARD1', 'Consumer ' || i, 'bench', $4::bigint, 'bench', $4::bigint - (i % 300)::bigint * 86400000
     from generate_series(1, $3) as i`,
    [gp, code, consumers, now],
  );
  // Month m (0 = Nov 2023) runs from the 1st, IST; its demand is made on the 1st of the next month.
  await db.query(
    `insert into seva_demand (id, tenant_id, consumer_code, consumer_type, business_service, tax_period_from, tax_period_to, minimum_amount_payable, status, is_payment_completed, version, created_by, created_time, last_modified_by, last_modified_time)
     select $1 || '-d-' || i || '-' || m, $1, 'WS/' || $2 || '/2023-24/' || lpad(i::text, 6, '0'), 'waterConnection', 'WS',
            (extract(epoch from (date '2023-11-01' + make_interval(months => m))) * 1000)::bigint - 19800000,
            (extract(epoch from (date '2023-11-01' + make_interval(months => m + 1))) * 1000)::bigint - 19800001,
            0, 'ACTIVE', (i + m) % 5 <> 0, 1, 'bench', (extract(epoch from (date '2023-12-01' + make_interval(months => m))) * 1000)::bigint, 'bench', $4
     from generate_series(1, $3) as i, generate_series(0, ${MONTHS - 1}) as m`,
    [gp, code, consumers, now],
  );
  // The month's charge; paid in full unless (i + m) % 5 = 0. Every 4th unpaid one carries a penalty.
  await db.query(
    `insert into seva_demand_detail (id, demand_id, tenant_id, consumer_code, business_service, tax_period_from, tax_period_to, demand_status, tax_head_code, tax_amount, collection_amount, seq, created_by, created_time, last_modified_by, last_modified_time)
     select d.id || '-x', d.id, d.tenant_id, d.consumer_code, d.business_service, d.tax_period_from, d.tax_period_to, d.status, '10101', c.charge, case when d.is_payment_completed then c.charge else 0 end, 0, 'bench', d.created_time, 'bench', d.created_time
     from seva_demand d, lateral (select case when right(d.consumer_code, 1) = '0' then 300 else 100 end as charge) c
     where d.tenant_id = $1`,
    [gp],
  );
  await db.query(
    `insert into seva_demand_detail (id, demand_id, tenant_id, consumer_code, business_service, tax_period_from, tax_period_to, demand_status, tax_head_code, tax_amount, collection_amount, seq, created_by, created_time, last_modified_by, last_modified_time)
     select d.id || '-p', d.id, d.tenant_id, d.consumer_code, d.business_service, d.tax_period_from, d.tax_period_to, d.status, 'WS_TIME_PENALTY', 10, 0, 1, 'bench', d.created_time, 'bench', d.created_time
     from seva_demand d where d.tenant_id = $1 and not d.is_payment_completed and hashtext(d.id) % 4 = 0`,
    [gp],
  );
  // One payment (one receipt) per paid demand, taken in the month after its period.
  await db.query(
    `insert into seva_payment (id, tenant_id, total_due, total_amount_paid, payment_mode, payment_status, transaction_date, payer, payment_details, created_by, created_time, last_modified_by, last_modified_time)
     select d.id || '-pay', d.tenant_id, x.tax_amount, x.tax_amount, case when hashtext(d.id) % 7 = 0 then 'ONLINE' else 'CASH' end, 'NEW', d.created_time + 432000000::bigint,
            '{"payerName":"self"}', '[]', 'bench', d.created_time + 432000000::bigint, 'bench', d.created_time + 432000000::bigint
     from seva_demand d join seva_demand_detail x on x.demand_id = d.id and x.tax_head_code = '10101'
     where d.tenant_id = $1 and d.is_payment_completed`,
    [gp],
  );
  await db.query(
    `insert into seva_payment_detail (id, payment_id, tenant_id, business_service, bill_id, consumer_code, receipt_number, receipt_date, total_amount_paid, payment_status, transaction_date, payment_mode)
     select p.id || '-r', p.id, p.tenant_id, 'WS', 'bill-' || p.id, d.consumer_code, 'WS/' || $2 || '/' || row_number() over (order by p.id), p.transaction_date, p.total_amount_paid, p.payment_status, p.transaction_date, p.payment_mode
     from seva_payment p join seva_demand d on d.id || '-pay' = p.id where p.tenant_id = $1`,
    [gp, code],
  );
  await db.query(
    `insert into eg_vendor (id, tenantid, name, owner_name, owner_mobilenumber, status, createdby, createdtime, lastmodifiedby, lastmodifiedtime)
     select $1 || '-v-' || i, $1, 'Vendor ' || i, 'Owner ' || i, '98110' || lpad(i::text, 5, '0'), 'ACTIVE', 'bench', $2, 'bench', $2 from generate_series(1, 20) as i`,
    [gp, now],
  );
  await db.query(
    `insert into eg_echallan (id, tenantid, challanno, businessservice, typeofexpense, vendor, vendorname, billdate, billissueddate, paiddate, isbillpaid, taxperiodfrom, taxperiodto, amount, totalamount, applicationstatus, createdby, createdtime, lastmodifiedby, lastmodifiedtime)
     select $1 || '-e-' || i, $1, 'EB-' || $1 || '-' || i, 'EXPENSE.' || t.type, t.type, $1 || '-v-' || (i % 20 + 1), 'Vendor ' || (i % 20 + 1), b.day, b.day, case when i % 3 <> 0 then b.day + 86400000::bigint end, i % 3 <> 0, b.day, b.day,
            json_build_array(json_build_object('taxHeadCode', 'EXPENSE.' || t.type, 'amount', 500 + i)), 500 + i, case when i % 3 <> 0 then 'PAID' when i % 31 = 0 then 'CANCELLED' else 'ACTIVE' end, 'bench', b.day, 'bench', b.day
     from generate_series(1, 360) as i,
          lateral (select (array['ELECTRICITY_BILL','SALARY','MACHINERY_REPAIR','CHLORINATION','OTHERS'])[i % 5 + 1] as type) t,
          lateral (select ${ist(2023, 11, 1)}::bigint + (i::bigint * 259200000) as day) b`,
    [gp],
  );
}

try {
  const clock = new ManualClock(ist(2026, 11, 21) + 10 * 3600_000);
  const seva = await startSeva({ definitionsDir: 'definitions', database: { databaseUrl: benchUrl.toString(), dataDir: 'memory' }, adminPassword: 'bench-admin-1', clock });
  const server = serve({ fetch: seva.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const db = new pg.Client({ connectionString: benchUrl.toString() });
  await db.connect();
  try {
    let started = performance.now();
    await seed(db, 'pb.lodhipur', '1013', CONSUMERS, clock.now());
    await seed(db, 'pb.bhadson', '1014', 2_000, clock.now());
    await db.query('analyze');
    const counts = (await db.query(`select (select count(*) from seva_demand) demands, (select count(*) from seva_demand_detail) details, (select count(*) from seva_payment) payments, (select count(*) from eg_echallan) expenses`)).rows[0];
    console.log(`seeded 2 GPs (${CONSUMERS.toLocaleString('en')} + 2,000 consumers): ${Number(counts.demands).toLocaleString('en')} demands, ${Number(counts.details).toLocaleString('en')} heads, ${Number(counts.payments).toLocaleString('en')} payments, ${counts.expenses} expenses in ${(ms(started) / 1000).toFixed(1)} s`);

    const login = async (username: string, password: string) => {
      const res = await fetch(`${base}/user/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from('egov-user-client:').toString('base64')}` },
        body: new URLSearchParams({ username, password, tenantId: 'pb', userType: 'EMPLOYEE', grant_type: 'password', scope: 'read' }).toString(),
      });
      return ((await res.json()) as { access_token: string }).access_token;
    };
    const call = async (token: string, path: string, body: unknown = {}) => {
      const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ RequestInfo: { authToken: token }, ...(body as object) }) });
      const json = await res.json();
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
      return json;
    };
    const superuser = await login('admin', 'bench-admin-1');
    await call(superuser, '/user/users/_createnovalidate', {
      user: { userName: 'viewer', name: 'viewer', type: 'EMPLOYEE', tenantId: 'pb', password: 'pass-word-1', roles: ['GP_ADMIN', 'DASHBOARD_VIEWER', 'EXPENSE_PROCESSING'].map((code) => ({ code, tenantId: 'pb.lodhipur' })) },
    });
    const token = await login('viewer', 'pass-word-1');

    const fy = `fromDate=${ist(2026, 4, 1)}&toDate=${ist(2027, 4, 1) - 1}`;
    const t = 'tenantId=pb.lodhipur';
    const queries: [string, string][] = [
      ['revenue dashboard (FY)', `/ws-services/wc/_revenueDashboard?${t}&${fy}`],
      ['revenue monthly table (FY)', `/ws-services/wc/_revenueCollectionData?${t}&${fy}`],
      ['expense dashboard (FY)', `/echallan-services/eChallan/v1/_expenseDashboard?${t}&${fy}`],
      ['expense monthly table (FY)', `/echallan-services/eChallan/v1/_chalanCollectionData?${t}&${fy}`],
      ['ledger report (1 consumer, FY)', `/ws-services/wc/ledger-report?${t}&consumercode=${encodeURIComponent('WS/1013/2023-24/000042')}&year=2026-27`],
      ['month report (page of 50)', `/ws-services/wc/month-report?${t}&startDate=01/10/2026&endDate=31/10/2026&offset=100&limit=50`],
      ['bill report (page of 50)', `/ws-services/wc/_billReport?${t}&demandStartDate=01/10/2026&demandEndDate=31/10/2026&offset=100&limit=50`],
      ['collection report (page of 50)', `/ws-services/wc/_collectionReport?${t}&paymentStartDate=01/10/2026&paymentEndDate=31/10/2026&offset=100&limit=50`],
      ['inactive consumer report', `/ws-services/wc/_inactiveConsumerReport?${t}&monthStartDate=01/01/2026&monthEndDate=30/11/2026`],
      ['vendor report (page of 50)', `/vendor/v1/_vendorReport?${t}&monthStartDate=01/04/2026&monthEndDate=30/11/2026&limit=50`],
    ];

    /** Median and worst of RUNS timings, after two warm-up runs. */
    const time = async (work: () => Promise<unknown>) => {
      await work();
      await work();
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const s = performance.now();
        await work();
        times.push(ms(s));
      }
      times.sort((a, b) => a - b);
      return { median: times[Math.floor(times.length / 2)]!, worst: times[times.length - 1]! };
    };
    const baseline = await time(() => db.query(`select sum(tax_amount - collection_amount) from seva_demand_detail where tenant_id = 'pb.lodhipur'`));
    console.log(`baseline: one SQL sum over the GP's ${Number((await db.query(`select count(*) n from seva_demand_detail where tenant_id = 'pb.lodhipur'`)).rows[0].n).toLocaleString('en')} demand heads: median ${baseline.median.toFixed(1)} ms`);
    console.log(`${'query'.padEnd(34)} ${'median'.padStart(9)} ${'worst'.padStart(9)} ${'× baseline'.padStart(11)}  rows`);
    let slowest = 0;
    for (const [label, path] of queries) {
      let rows = 0;
      const timing = await time(async () => {
        const body = await call(token, path);
        const list = Object.values(body).find(Array.isArray) as unknown[] | undefined;
        rows = list ? list.length : 1;
      });
      slowest = Math.max(slowest, timing.median);
      console.log(`${label.padEnd(34)} ${`${timing.median.toFixed(1)} ms`.padStart(9)} ${`${timing.worst.toFixed(1)} ms`.padStart(9)} ${(timing.median / baseline.median).toFixed(2).padStart(11)}  ${rows}`);
    }
    console.log(`slowest median: ${slowest.toFixed(1)} ms (target ≤ 200 ms)`);
  } finally {
    await db.end();
    server.close();
    await seva.close();
  }
} finally {
  if (process.env.BENCH_KEEP) console.log(`kept database ${scratch}`);
  else await admin.query(`drop database if exists ${scratch} with (force)`);
  await admin.end();
}
