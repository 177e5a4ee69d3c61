import { writeFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession } from '../engine/users/index.ts';
import { backends, freshDatabase, TestServer } from './harness.ts';
import { applyMutations, mutations } from './fuzz/mutations.ts';
import { describeRequest, type FuzzRequest, type TokenChoice } from './fuzz/request.ts';
import { definitionSeeds, engineSeeds, rememberMade, requestOf, type Seed } from './fuzz/seeds.ts';
import { send, type Outcome, type Tokens } from './fuzz/send.ts';
import { makeWorld, type World } from './fuzz/world.ts';

/**
 * No input makes Seva fail: every route the booted app serves gets mutated requests (keys deleted
 * or nulled, wrong types, lists and objects swapped, null list elements, prototype keys, deep
 * nesting, huge numbers and strings, non-JSON bodies, odd content types and query parameters,
 * another GP's tenant, no token) over a real socket. Any 5xx, dropped connection, or refusal
 * without DIGIT's Errors[].code fails it. SEVA_FUZZ_RUNS requests (1,500 by default; `npm run
 * fuzz` sends 10,000 from a random seed), from SEVA_FUZZ_SEED (fixed by default, so the suite's
 * run is the same each time). SEVA_FUZZ_REPORT=/tmp/fuzz.txt writes every failure to
 * /tmp/fuzz-<backend>.txt.
 */
const RUNS = Number(process.env.SEVA_FUZZ_RUNS ?? 1_500);
/** `random` picks one (printed with the figures, so a failing run can be repeated). */
const SEED = process.env.SEVA_FUZZ_SEED === 'random' ? Date.now() % 1_000_000 : Number(process.env.SEVA_FUZZ_SEED ?? 13);
const CONCURRENCY = 4;
/** Requests generated at a time (a few carry strings of hundreds of kilobytes). */
const CHUNK = 250;
const ADMIN_PASSWORD = 'admin-secret-1';

if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`SEVA_FUZZ_RUNS must be a positive whole number, not '${process.env.SEVA_FUZZ_RUNS}'`);
if (!Number.isInteger(SEED)) throw new Error(`SEVA_FUZZ_SEED must be a whole number, not '${process.env.SEVA_FUZZ_SEED}'`);

/** The server's log of unexpected failures, by the correlation id each request carries. */
function failureLog() {
  const byId = new Map<string, string>();
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) {
        const entry = JSON.parse(line) as { correlationId?: string; err?: { stack?: string; message?: string }; msg?: string };
        if (entry.correlationId) byId.set(entry.correlationId, entry.err?.stack ?? entry.err?.message ?? entry.msg ?? line);
      }
      done();
    },
  });
  return { logger: pino({ level: 'error', base: undefined }, stream), byId };
}

describe.each(backends())('fuzz: no input gets a 5xx or a dropped connection (%s)', (backend) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let server: TestServer;
  let world: World;
  const log = failureLog();
  /** Records the create seeds made, by service: the update seeds start from them. */
  const made = new Map<string, Record<string, unknown>>();

  beforeAll(async () => {
    db = await freshDatabase(backend);
    server = await TestServer.start({ database: db.config, adminPassword: ADMIN_PASSWORD, logger: log.logger });
    world = await makeWorld(server, ADMIN_PASSWORD);
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  let currentBill: Promise<string> | undefined;
  let resetOtp: Promise<string> | undefined;
  let registerOtp: Promise<string> | undefined;
  const tokens = (): Tokens => ({
    async get(choice: TokenChoice, fresh: boolean) {
      if (choice === 'none') return undefined;
      if (choice === 'garbage') return 'not-a-token-0000';
      if (!fresh) return world.tokens[choice];
      // A session of its own, opened the way login opens one, without login's deliberately slow password check.
      const session = await openSession(server.seva.database.db, world.uuids[choice], Date.now(), { accessTtlSeconds: 3600, refreshTtlSeconds: 3600 });
      return session.accessToken;
    },
    late: async (name) => {
      // One OTP each, sent when first asked for: after its first use it is refused as used.
      if (name === 'resetOtp') return (resetOtp ??= world.otpFor('passwordreset'));
      if (name === 'registerOtp') return (registerOtp ??= world.otpFor('register'));
      if (name !== 'currentBillId') throw new Error(`no late value ${name}`);
      // Fetched again only once a payment found it stale: fetching is a write, and the fuzz pays often.
      currentBill ??= world.currentBillId();
      return currentBill;
    },
  });

  it('serves every route a seed can start from, and refuses none of the unmutated seeds', async () => {
    const { routes, seedOf } = routeSeeds();
    expect(routes.filter((r) => !seedOf.has(r)), 'routes with no seed: add one to engineSeeds in tests/fuzz/seeds.ts').toEqual([]);
    // One unmutated request per route must be accepted: the fuzz starts from requests that reach the handler.
    const refused: string[] = [];
    for (const route of routes) {
      let last: Outcome | undefined;
      for (const [n, seed] of fc.sample(seedOf.get(route)!, { numRuns: 10, seed: SEED }).entries()) {
        last = await send(server.baseUrl, { ...requestOf(route, seed), headers: { ...requestOf(route, seed).headers, 'x-correlation-id': `seed-${route}-${n}` } }, tokens());
        if (last.status === 409 && last.body?.includes('STALE_BILL')) currentBill = undefined;
        // Accepted: an answer, or a redirect (a short link opened).
        if (last.status !== undefined && last.status < 400 && last.status !== 304) {
          rememberMade(server.seva.registry, made, route, last.body ?? '{}');
          break;
        }
      }
      if (last?.status === undefined || last.status >= 400) refused.push(`${route}: ${last?.status ?? last?.problem} ${last?.body?.slice(0, 400)}`);
    }
    expect(refused).toEqual([]);
  });

  it(`answers ${RUNS} mutated requests across every route without a 5xx or a dropped connection`, { timeout: Math.max(120_000, RUNS * 100) }, async () => {
    const { routes, seedOf } = routeSeeds();
    const request = fc
      .constantFrom(...routes)
      .chain((route) => fc.tuple(fc.constant(route), seedOf.get(route)!, mutations, fc.constantFrom<TokenChoice>('admin', 'admin', 'staff')))
      .map(([route, seed, changes, token]) => applyMutations({ ...requestOf(route, seed), token: seed.token ?? token }, changes));

    const statuses = new Map<string, number>();
    const failures: { request: FuzzRequest; outcome: Outcome; id: string }[] = [];
    const slowest: { ms: number; request: FuzzRequest; status?: number }[] = [];
    const timeByRoute = new Map<string, number>();
    let sent = 0;
    for (let chunk = 0; sent < RUNS; chunk++) {
      const batch = fc.sample(request, { numRuns: Math.min(CHUNK, RUNS - sent), seed: SEED + chunk });
      let next = 0;
      const worker = async () => {
        while (next < batch.length) {
          const i = next++;
          const id = `fuzz-${chunk}-${i}`;
          const r = batch[i]!;
          const started = performance.now();
          const outcome = await send(server.baseUrl, { ...r, headers: { ...r.headers, 'x-correlation-id': id } }, tokens());
          slowest.push({ ms: performance.now() - started, request: r, status: outcome.status });
          timeByRoute.set(r.route, (timeByRoute.get(r.route) ?? 0) + performance.now() - started);
          slowest.sort((a, b) => b.ms - a.ms).splice(5);
          const key = `${outcome.status ?? 'none'}`;
          statuses.set(key, (statuses.get(key) ?? 0) + 1);
          if (outcome.problem) failures.push({ request: r, outcome, id });
          if (outcome.status === 409 && outcome.body?.includes('STALE_BILL')) currentBill = undefined;
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, worker));
      sent += batch.length;
    }
    const summary = `${sent} requests over ${routes.length} routes (seed ${SEED}): ${[...statuses].sort().map(([s, n]) => `${n} × ${s}`).join(', ')}`;
    console.log(`fuzz (${backend}): ${summary}\nslowest:\n${slowest.map((s) => `  ${Math.round(s.ms)} ms ${s.status}: ${describeRequest(s.request, 200)}`).join('\n')}\nbusiest routes: ${[...timeByRoute].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([route, ms]) => `${route} ${Math.round(ms)} ms`).join(', ')}`);
    if (process.env.SEVA_FUZZ_REPORT) writeFileSync(process.env.SEVA_FUZZ_REPORT.replace(/(\.\w+)?$/, `-${backend}$1`), failures.map((f) => report(f.request, f.outcome, log.byId.get(f.id))).join('\n\n'));
    expect(failures.map((f) => report(f.request, f.outcome, log.byId.get(f.id))).slice(0, 15), summary).toEqual([]);
  });

  /**
   * Every route the booted app serves (but its catch-alls), each with its seed: a definition's, the
   * engine table's, or for a route read with GET (it takes no body) a bare GET.
   */
  function routeSeeds() {
    const served = server.seva.app.routes.filter((r) => r.method !== 'ALL' && !r.path.includes('*'));
    const routes = [...new Set(served.map((r) => r.path))].sort();
    const seedOf = new Map<string, fc.Arbitrary<Seed>>(definitionSeeds(server.seva.registry, world, made));
    for (const route of routes) {
      if (seedOf.has(route)) continue;
      const own = engineSeeds[route];
      const methods = served.filter((r) => r.path === route).map((r) => r.method);
      const seed = own ? own(world) : methods.every((m) => m === 'GET') ? { method: 'GET', body: {} } : undefined;
      if (seed) seedOf.set(route, seed instanceof fc.Arbitrary ? seed : fc.constant(seed));
    }
    return { routes, seedOf };
  }
});

function report(r: FuzzRequest, o: Outcome, serverLog: string | undefined): string {
  return `${o.problem}: ${describeRequest(r)}\n  → ${o.body?.slice(0, 300) ?? ''}${serverLog ? `\n  server: ${serverLog.split('\n').slice(0, 6).join('\n    ')}` : ''}`;
}
