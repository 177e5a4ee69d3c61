import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, requestInfo, TestServer } from './harness.ts';

/**
 * SEVA_CLOCK: the compiled server (what `npm start` runs) started at a chosen instant, its clock
 * moved over HTTP, so rules that depend on time are seen end to end: a penalty more than 10 days
 * after the demand, a bill that lasts 30 days, sessions that last 7. Refused in production.
 */
const root = join(import.meta.dirname, '..');
const seva = join(root, 'dist', 'seva.js');
const IST = 5.5 * 3600_000;
const ist = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d, h) - IST;
const DAY = 86_400_000;

beforeAll(() => {
  const built = spawnSync(process.execPath, [join(root, 'cli', 'build.mjs'), '--if-stale'], { cwd: root, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`the build failed:\n${built.stderr}`);
}, 180_000);

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

describe('a server started with SEVA_CLOCK', () => {
  let dataDir: string;
  let server: ChildProcess | undefined;
  let output = '';
  let base = '';
  let token = '';
  const start = ist(2026, 11, 1, 10);

  const post = async (path: string, body: Record<string, unknown> = {}) => {
    const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ RequestInfo: requestInfo(token), ...body }) });
    return { status: res.status, body: (await res.json()) as any };
  };
  const ok = async (path: string, body: Record<string, unknown> = {}) => {
    const res = await post(path, body);
    expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200);
    return res.body;
  };
  const login = async () => {
    const res = await fetch(`${base}/user/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from('egov-user-client:').toString('base64')}` },
      body: new URLSearchParams({ username: 'admin', password: 'admin-secret-1', tenantId: 'pb', userType: 'EMPLOYEE', grant_type: 'password', scope: 'read' }).toString(),
    });
    token = ((await res.json()) as { access_token: string }).access_token;
  };
  const move = async (advance: string) => (await ok('/seva/clock/v1/_move', { advance })).clock.now as number;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'seva-clock-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [seva, 'serve'], {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'test', PORT: String(port), SEVA_DATA_DIR: dataDir, DATABASE_URL: '', SEVA_ADMIN_PASSWORD: 'admin-secret-1', SEVA_CLOCK: '2026-11-01T10:00:00+05:30' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout!.on('data', (d) => (output += d));
    server.stderr!.on('data', (d) => (output += d));
    // Generous: on a loaded machine a first start (a new data directory) can take a minute or more.
    const deadline = Date.now() + 150_000;
    for (;;) {
      if (server.exitCode !== null) throw new Error(`the server exited ${server.exitCode}:\n${output}`);
      if (Date.now() > deadline) throw new Error(`no /health after 150 s:\n${output}`);
      if (await fetch(`${base}/health`).then((r) => r.ok, () => false)) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await login();
  }, 180_000);
  afterAll(async () => {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => server!.once('exit', r));
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('says so when it starts, and reads the instant it was given, running on from it', async () => {
    expect(output).toMatch(/The clock is movable \(SEVA_CLOCK=2026-11-01T10:00:00\+05:30\): it reads 2026-11-01T04:30:\d\d\.\d{3}Z/);
    const { clock } = await ok('/seva/clock/v1/_move');
    expect(clock.now - start).toBeGreaterThanOrEqual(0);
    expect(clock.now - start).toBeLessThan(120_000);
    expect(clock.time).toBe(new Date(clock.now).toISOString());
    const bad = await post('/seva/clock/v1/_move', { advance: 'a fortnight' });
    expect(bad.status).toBe(400);
    expect(bad.body.Errors[0]).toMatchObject({ code: 'INVALID_CLOCK', params: ['$.advance'] });
  });

  it('adds the penalty once the days have passed, seen over HTTP: the bill outlives them, the next one carries it', async () => {
    // Bhadson uses the state's rates and penalty: 100 a month, FIXED 10% more than 10 days after the demand.
    const connection = (
      await ok('/ws-services/wc/_create', {
        WaterConnection: {
          tenantId: 'pb.bhadson',
          connectionType: 'Non_Metered',
          propertyType: 'RESIDENTIAL',
          connectionHolders: [{ name: 'Amarjit Kaur', mobileNumber: '9800000011' }],
          previousReadingDate: ist(2026, 10, 1),
          processInstance: { action: 'SUBMIT' },
        },
      })
    ).WaterConnection[0];
    const run = await ok('/ws-calculator/waterCalculator/_bulkDemand', { tenantId: 'pb.bhadson', billingPeriod: '01/10/2026 - 31/10/2026' });
    expect(run.run).toMatchObject({ status: 'SUCCEEDED', created: 1 });
    const consumer = `tenantId=pb.bhadson&consumerCode=${encodeURIComponent(connection.connectionNo)}&businessService=WS`;
    const dues = () => ok(`/billing-service/demand/_getAggregateDemandDetails?${consumer}`);
    const bill = async () => (await ok(`/billing-service/bill/v2/_fetchbill?${consumer}`)).Bill[0];
    expect(await dues()).toMatchObject({ currentmonthBill: 100, currentMonthPenalty: 0, totalApplicablePenalty: 10, netDueWithPenalty: 100 });

    // 9 days 23 hours on: the morning's session has lapsed (7 days), and no penalty is due yet.
    const old = token;
    await move('P9DT23H');
    expect((await post(`/billing-service/demand/_getAggregateDemandDetails?${consumer}`)).status).toBe(401);
    await login();
    expect(token).not.toBe(old);
    const first = await bill();
    expect(first.totalAmount).toBe(100);

    // Past the 10 days, the bill made an hour ago still stands (it lasts 30 days, and its demands
    // have not changed), as DIGIT's does.
    await move('PT2H');
    expect((await bill()).id).toBe(first.id);

    // Past its expiry: a new bill is made, and the penalty is added first.
    const now = await move('P30D');
    expect(now - start).toBeGreaterThan(40 * DAY);
    await login();
    const second = await bill();
    expect(second.id).not.toBe(first.id);
    expect(second.totalAmount).toBe(110);
    const after = await dues();
    expect(after).toMatchObject({ currentmonthBill: 100, currentMonthPenalty: 10, currentmonthTotalDue: 110, totalApplicablePenalty: 0, netDueWithPenalty: 110 });
    expect(after.latestDemandPenaltyCreatedtime - now).toBeGreaterThanOrEqual(0);
    expect(after.latestDemandPenaltyCreatedtime - now).toBeLessThan(60_000);
  });
});

describe('SEVA_CLOCK outside tests', () => {
  const serve = (env: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'seva-clock-refused-'));
    try {
      const dataDir = join(dir, 'data');
      const r = spawnSync(process.execPath, [seva, 'serve'], { cwd: root, encoding: 'utf8', timeout: 60_000, env: { ...process.env, PORT: '1', SEVA_DATA_DIR: dataDir, DATABASE_URL: '', ...env } });
      return { status: r.status, stderr: r.stderr, opened: existsSync(dataDir) };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('is refused with NODE_ENV=production: the server does not start, and says why', () => {
    const r = serve({ NODE_ENV: 'production', SEVA_CLOCK: '2026-11-01T10:00:00+05:30' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('SEVA_CLOCK is set (2026-11-01T10:00:00+05:30) and NODE_ENV is production');
    expect(r.stderr).not.toMatch(/\n\s+at /); // a sentence, not a stack trace
    expect(r.opened).toBe(false);
  });

  it('is refused when it names no time, saying what would do', () => {
    const r = serve({ NODE_ENV: 'development', SEVA_CLOCK: 'next tuesday' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("SEVA_CLOCK='next tuesday' is not a time Seva can start from");
    expect(r.opened).toBe(false);
  });

  it('without it, there is no clock to move', async () => {
    const db = await freshDatabase('pglite');
    const server = await TestServer.start({ database: db.config });
    try {
      const token = await server.token('admin', 'admin-secret-1', 'pb');
      const res = await server.post('/seva/clock/v1/_move', { RequestInfo: requestInfo(token), advance: 'P1D' });
      expect(res.status).toBe(404);
    } finally {
      await server.stop();
      await db.drop();
    }
  });
});
