import { spawn } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Seva } from '../engine/boot/index.ts';
import { definitionsWith, freshDatabase, startTestSeva } from './harness.ts';

const GP = 'pb.lodhipur';
const OCTOBER = '01/10/2026 - 31/10/2026';
const N = 4000;

// A real crash needs a second process on the same database: Postgres only.
describe.runIf(process.env.DATABASE_URL)('bulk demand killed mid-run (postgres)', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let seva: Seva;
  let client: pg.Client;
  let definitionsDir: string;

  beforeAll(async () => {
    db = await freshDatabase('postgres');
    // Small pages, so the run spans many transactions and can be caught in the middle.
    definitionsDir = definitionsWith('definitions', [{ file: 'batches/ws-bulk-demand.yaml', replace: 'batchSize: 1000', with: 'batchSize: 10' }]);
    seva = await startTestSeva({ definitionsDir, database: db.config, adminPassword: 'admin-secret-1' });
    client = new pg.Client({ connectionString: db.config.databaseUrl });
    await client.connect();
    await client.query(
      `insert into eg_ws_connection (id, tenantid, connectionno, status, connectiontype, propertytype, createdby, createdtime, lastmodifiedby, lastmodifiedtime)
       select 'c-' || lpad(i::text, 6, '0'), $1, 'WS/1013/2026-27/' || lpad(i::text, 6, '0'), 'Active', 'Non_Metered', 'RESIDENTIAL', 't', 1, 't', 1 from generate_series(1, $2) as i`,
      [GP, N],
    );
  });
  afterAll(async () => {
    await client?.end();
    await seva?.close();
    await db?.drop();
  });

  it('a run whose process is killed is resumed by the next: every connection gets exactly one demand', async () => {
    // node itself (not npx), so the kill reaches the process that holds the run.
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/helpers/bulk-run.ts', definitionsDir, db.config.databaseUrl!, GP, OCTOBER], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ? null : code)));
    // Wait until the child's run has committed some pages but not all, then kill it outright.
    let progress = { processed: 0, total: 0 };
    for (let i = 0; i < 3000 && !(progress.processed > 0); i++) {
      await new Promise((r) => setTimeout(r, 10));
      const { rows } = await client.query(`select processed, total from seva_batch_run where status = 'RUNNING'`);
      if (rows[0]) progress = { processed: Number(rows[0].processed), total: Number(rows[0].total) };
    }
    child.kill('SIGKILL');
    expect(await exited).toBeNull();
    expect(progress.processed).toBeGreaterThan(0);
    const { rows: left } = await client.query(`select status, processed, total from seva_batch_run`);
    expect(left).toHaveLength(1);
    expect(left[0].status).toBe('RUNNING');
    const committed = Number((await client.query(`select count(*) as n from seva_demand where consumer_type = 'waterConnection'`)).rows[0].n);
    expect(committed).toBeGreaterThan(0);
    expect(committed).toBeLessThan(N);

    // Its lock died with its connection: the next run takes over, marks it INTERRUPTED and finishes.
    // Postgres frees the dead session's lock once it sees the connection gone: until then the run is refused.
    let run;
    for (let attempt = 0; !run; attempt++) {
      try {
        run = await seva.batches.run('ws-bulk-demand', { tenantId: GP, billingPeriod: OCTOBER }, 'test');
      } catch (err) {
        if ((err as { code?: string }).code !== 'BATCH_RUN_IN_PROGRESS' || attempt > 50) throw err;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    expect(run).toMatchObject({ status: 'SUCCEEDED', total: N, created: N - committed, skipped: committed, failed: 0 });
    const { rows } = await client.query(`select count(*) as n, count(distinct consumer_code) as consumers from seva_demand where consumer_type = 'waterConnection' and status = 'ACTIVE'`);
    expect([Number(rows[0].n), Number(rows[0].consumers)]).toEqual([N, N]);
    const statuses = (await client.query(`select status from seva_batch_run order by started_at, status`)).rows.map((r) => r.status).sort();
    expect(statuses).toEqual(['INTERRUPTED', 'SUCCEEDED']);
  }, 60_000);
});
