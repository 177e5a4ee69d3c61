/**
 * Start-up of the compiled CLI and server, each figure beside a floor measured in the same run,
 * alternated (figure, floor, figure, floor, ...) so both see the same machine load; medians.
 *
 *   npm run bench:startup [-- runs [parts]]   runs: default 5; parts: cli,pglite,postgres (all)
 *
 * Postgres figures need DATABASE_URL (a server where it may create and drop a scratch database).
 *
 * It builds dist/ first if a source changed. Not a test: it prints, it does not judge.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const runs = Number(process.argv[2] ?? 5);
/** Which parts to run (all by default): cli, pglite, postgres. */
const parts = new Set((process.argv[3] ?? 'cli,pglite,postgres').split(','));
/** Runs of the slow pairs (a new directory, RSS after 2 s idle). */
const fewer = Math.min(runs, 3);
const root = join(import.meta.dirname, '..');
const seva = join(root, 'dist', 'seva.js');
const built = spawnSync(process.execPath, [join(root, 'cli', 'build.mjs'), '--if-stale'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(1);

const scratch = mkdtempSync(join(tmpdir(), 'seva-bench-startup-'));
const baseEnv = { ...process.env, DATABASE_URL: '', SEVA_ADMIN_PASSWORD: 'bench-admin-1', LOG_LEVEL: 'warn' };
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mib = (kb: number) => `${(kb / 1024).toFixed(0)} MiB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
let dirs = 0;
const newDir = () => join(scratch, `d${dirs++}`);

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Runs a command to its end; returns the wall time in ms. */
function wall(args: string[], env: NodeJS.ProcessEnv = baseEnv): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return performance.now() - started;
}

function rssKb(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}

/** Starts the server; resolves when /health first answers 200, with the time from spawn. */
async function serve(env: NodeJS.ProcessEnv, idleMs = 0): Promise<{ ms: number; rss: number; output: string }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [seva, 'serve'], { cwd: root, env: { ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  let ms = 0;
  while (!ms) {
    if (child.exitCode !== null) throw new Error(`the server exited ${child.exitCode}:\n${output}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      if (res.status === 200) ms = performance.now() - started;
      await res.arrayBuffer();
    } catch {
      await new Promise((r) => setTimeout(r, 10));
    }
  }
  let rss = 0;
  if (idleMs) {
    await new Promise((r) => setTimeout(r, idleMs));
    rss = rssKb(child.pid!);
  }
  child.kill('SIGTERM');
  await exited(child);
  return { ms, rss, output };
}

/** A node process that only does `code` (an ES module): the time until it is done, and its RSS after `idleMs` more. */
async function floor(code: string, env: NodeJS.ProcessEnv = baseEnv, idleMs = 0): Promise<{ ms: number; rss: number }> {
  const started = performance.now();
  const script = `${code}\nprocess.stdout.write('ready\\n'); setTimeout(() => process.exit(0), 600000);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = await new Promise<boolean>((resolve) => {
    child.stdout!.once('data', () => resolve(true));
    child.once('exit', () => resolve(false));
  });
  if (!ready) throw new Error(`floor script failed: ${code}`);
  const ms = performance.now() - started;
  if (idleMs) await new Promise((r) => setTimeout(r, idleMs));
  const rss = idleMs ? rssKb(child.pid!) : 0;
  child.kill('SIGKILL');
  await exited(child);
  return { ms, rss };
}

const pgliteAlone = (dir: string) => `import { PGlite } from '@electric-sql/pglite'; const db = new PGlite(${JSON.stringify(dir)}); await db.query('select 1');`;
const pgAlone = (url: string) => `import pg from 'pg'; const c = new pg.Client(${JSON.stringify(url)}); await c.connect(); await c.query('select 1');`;

interface Row {
  figure: string;
  value: string;
  floor: string;
  floorValue: string;
  goal?: { limit: number; value: number; text: string };
}
const rows: Row[] = [];

async function pair(
  figure: string,
  a: () => Promise<number> | number,
  floorName: string,
  b: () => Promise<number> | number,
  show: (n: number) => string,
  goal?: { limit: number; text: string },
  n = runs,
) {
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < n; i++) {
    as.push(await a());
    bs.push(await b());
  }
  const value = median(as);
  rows.push({ figure, value: show(value), floor: floorName, floorValue: show(median(bs)), goal: goal && { ...goal, value } });
  console.error(`  ${figure}: ${as.map(show).join(', ')} | ${floorName}: ${bs.map(show).join(', ')}`);
}

const nodeNothing = () => wall(['-e', '0']);
const loadBefore = loadavg()[0]!;

if (parts.has('cli')) {
  await pair('seva --help', () => wall([seva, '--help']), 'node -e 0', nodeNothing, seconds, { limit: 500, text: '≤ 0.5 s' });
  await pair('seva validate', () => wall([seva, 'validate']), 'node -e 0', nodeNothing, seconds, { limit: 1500, text: '≤ 1.5 s' });
}

if (parts.has('pglite')) {
  // An existing PGlite directory: made by one start, then restarted.
  const existing = newDir();
  const first = await serve({ ...baseEnv, SEVA_DATA_DIR: existing });
  if (!first.output.includes("Created user 'admin'")) throw new Error(`the first start did not create the admin user:\n${first.output}`);
  const restart = async () => (await serve({ ...baseEnv, SEVA_DATA_DIR: existing })).ms;
  const pgliteOpens = async () => (await floor(pgliteAlone(join(existing, 'pgdata')))).ms;
  await pair('restart to /health, existing PGlite dir', restart, 'PGlite alone opens it + select 1', pgliteOpens, seconds, { limit: 1500, text: '≤ 1.5 s' });
  const firstStart = async () => (await serve({ ...baseEnv, SEVA_DATA_DIR: newDir() })).ms;
  const pgliteInits = async () => (await floor(pgliteAlone(newDir()))).ms;
  await pair('first start, new PGlite dir', firstStart, 'PGlite alone on a new dir (initdb)', pgliteInits, seconds, { limit: 5000, text: '≤ 5 s' }, fewer);
  const idle = async () => (await serve({ ...baseEnv, SEVA_DATA_DIR: existing }, 2000)).rss;
  const pgliteIdle = async () => (await floor(pgliteAlone(join(existing, 'pgdata')), baseEnv, 2000)).rss;
  await pair('RSS idle, PGlite', idle, 'PGlite alone, idle', pgliteIdle, mib, undefined, fewer);
}

if (parts.has('postgres') && process.env.DATABASE_URL) {
  const server = new URL(process.env.DATABASE_URL);
  const name = `seva_bench_startup_${Date.now()}`;
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(server.toString());
  url.pathname = `/${name}`;
  const pgEnv = { ...baseEnv, DATABASE_URL: url.toString() };
  try {
    await serve(pgEnv); // migrates it
    const restart = async () => (await serve(pgEnv)).ms;
    const pgConnects = async () => (await floor(pgAlone(url.toString()))).ms;
    await pair('restart to /health, migrated Postgres', restart, 'node + pg connects + select 1', pgConnects, seconds, { limit: 1000, text: '≤ 1.0 s' });
    const idle = async () => (await serve(pgEnv, 2000)).rss;
    const pgIdle = async () => (await floor(pgAlone(url.toString()), baseEnv, 2000)).rss;
    await pair('RSS idle, Postgres', idle, 'node + pg connected, idle', pgIdle, mib, { limit: 150 * 1024, text: '≤ 150 MiB' }, fewer);
  } finally {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`drop database if exists ${name}`);
        break;
      } catch (err) {
        if (attempt >= 20) throw err;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    await admin.end();
  }
} else if (parts.has('postgres')) {
  console.error('  (DATABASE_URL is not set: no Postgres figures)');
}
rmSync(scratch, { recursive: true, force: true });

console.log(`\nstart-up on ${cpus().length} cores (load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after); median of ${runs} (new directory and RSS: of ${fewer}), each beside its floor from the same run:\n`);
const w = Math.max(...rows.map((r) => r.figure.length));
const fw = Math.max(...rows.map((r) => r.floor.length));
for (const r of rows) {
  const verdict = r.goal ? `goal ${r.goal.text}: ${r.goal.value <= r.goal.limit ? 'met' : 'MISSED'}` : '';
  console.log(`${r.figure.padEnd(w)}  ${r.value.padStart(8)}   floor: ${r.floor.padEnd(fw)}  ${r.floorValue.padStart(8)}   ${verdict}`);
}
