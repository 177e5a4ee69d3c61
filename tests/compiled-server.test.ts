import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../engine/store/index.ts';

// `npm start` and `npm run seva` run the JavaScript `npm install` compiled into dist/, on plain node.
// `npm start` rebuilds a stale dist/ itself (prestart); building here first keeps that out of the
// timings below (CI's `npm ci` has built it already).
const root = join(import.meta.dirname, '..');
const seva = join(root, 'dist', 'seva.js');

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

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));

describe('npm start', () => {
  let dataDir: string;
  let npm: ChildProcess | undefined;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'seva-npm-start-'));
  });
  afterAll(() => {
    if (npm && npm.exitCode === null) npm.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves; SIGTERM to npm stops the server: port closed, database closed and the directory unlocked within 3 s', async () => {
    const port = await freePort();
    npm = spawn('npm', ['start'], {
      cwd: root,
      env: { ...process.env, PORT: String(port), SEVA_DATA_DIR: dataDir, DATABASE_URL: '', SEVA_ADMIN_PASSWORD: 'admin-secret-1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    npm.stdout!.on('data', (d) => (output += d));
    npm.stderr!.on('data', (d) => (output += d));

    const deadline = Date.now() + 50_000;
    for (;;) {
      if (npm.exitCode !== null) throw new Error(`npm start exited ${npm.exitCode}:\n${output}`);
      if (Date.now() > deadline) throw new Error(`no /health after 50 s:\n${output}`);
      const ok = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(existsSync(join(dataDir, 'seva.lock'))).toBe(true);
    expect(output).toContain(`Listening on http://localhost:${port}`);

    // The compiled server publishes its contract, and serves the docs page's assets itself (from
    // swagger-ui-dist, found at run time); `seva openapi` prints that same document.
    const served = await (await fetch(`http://127.0.0.1:${port}/openapi.json`)).json();
    expect(served.openapi).toBe('3.1.0');
    const bundle = await fetch(`http://127.0.0.1:${port}/docs/swagger-ui-bundle.js`);
    expect(bundle.status).toBe(200);
    expect((await bundle.text()).length).toBeGreaterThan(100_000);
    const printedTo = join(dataDir, 'openapi.json');
    const printed = spawn(process.execPath, [seva, 'openapi', '-o', printedTo], { cwd: root, env: { ...process.env, SEVA_DATA_DIR: join(dataDir, 'unused'), DATABASE_URL: '' }, stdio: 'ignore' });
    expect(await exited(printed)).toBe(0);
    expect(JSON.parse(readFileSync(printedTo, 'utf8'))).toEqual(served);
    expect(existsSync(join(dataDir, 'unused')), 'seva openapi opened a data directory').toBe(false);

    const signalled = Date.now();
    npm.kill('SIGTERM');
    let closed = false;
    while (Date.now() - signalled < 3000) {
      if (!(await portOpen(port)) && !existsSync(join(dataDir, 'seva.lock'))) {
        closed = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(closed, `port ${port} still open or ${dataDir}/seva.lock still there 3 s after SIGTERM:\n${output}`).toBe(true);
    expect(await exited(npm)).toBe(0);
    expect(output).toMatch(/Seva stopped on SIGTERM in \d+ ms: requests drained, jobs stopped, database closed/);
    // Not only the lock file: the directory opens again, with the data of the first start.
    const again = await openDatabase({ dataDir });
    try {
      const users = await again.db.selectFrom('seva_user').select('user_name').where('user_name', '=', 'admin').execute();
      expect(users).toHaveLength(1);
    } finally {
      await again.close();
    }
  }, 180_000);
});

describe('the seva command line', () => {
  const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => spawnSync(process.execPath, [seva, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });

  it('--help lists every command, those of db and jobs too', () => {
    const r = cli(['--help']);
    expect(r.status).toBe(0);
    for (const command of ['serve', 'validate', 'test', 'db migrate', 'db status', 'jobs list', 'jobs run <name>', 'openapi', 'schemas']) expect(r.stdout).toContain(`  ${command}`);
  });

  it('validate, test and schemas never open a database', () => {
    const dir = mkdtempSync(join(tmpdir(), 'seva-no-db-'));
    try {
      // A data directory that must not appear, and a Postgres that is not there.
      const env = { SEVA_DATA_DIR: join(dir, 'data'), DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' };
      for (const args of [['validate'], ['test'], ['schemas', '-o', join(dir, 'schemas')]]) {
        const r = cli(args, env);
        expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      }
      expect(existsSync(join(dir, 'data'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('loads per command: the command line and the definitions commands load no database driver nor HTTP server', () => {
    const staticImports = (file: string) => [...readFileSync(join(root, 'dist', file), 'utf8').matchAll(/^import .* from ["']([^"']+)["'];?$/gm)].map((m) => m[1]);
    expect(staticImports('seva.js').every((m) => m!.startsWith('node:'))).toBe(true);
    const definitions = readFileSync(join(root, 'dist', 'commands', 'definitions.js'), 'utf8');
    expect(staticImports('commands/definitions.js').every((m) => m!.startsWith('node:'))).toBe(true);
    // Messages of kysely-pglite-dialect, pg-pool and hono, all three in the server's bundle.
    const serve = readFileSync(join(root, 'dist', 'commands', 'serve.js'), 'utf8');
    for (const heavy of ['PGLite not initialized', 'Cannot use a pool after calling end on the pool', 'class Hono']) {
      expect(serve).toContain(heavy);
      expect(definitions).not.toContain(heavy);
    }
  });
});
