import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM } from './chromium.ts';
import { freshDatabase, TestServer } from './harness.ts';

// /docs as a person sees it: headless Chromium (Debian's, installed by tests/global-setup.ts and
// .ci/run) opens the page, which renders /openapi.json with Swagger UI served by Seva itself. The
// page is the same on every database, so this file runs on PGlite only.

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe('the docs page in a browser', () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let server: TestServer;
  let profile: string;
  let browser: BrowserContext | undefined;
  const shots = mkdtempSync(join(tmpdir(), 'seva-docs-page-'));

  beforeAll(async () => {
    // Not a skip: without the browser this check has not been made.
    if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium), as tests/global-setup.ts and .ci/run do`);
    db = await freshDatabase('pglite');
    server = await TestServer.start({ database: db.config });
    profile = mkdtempSync(join(tmpdir(), 'seva-chromium-profile-'));
    browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1280, height: 900 } });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await db?.drop();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it('renders every route of the contract from assets the server serves itself', async () => {
    const contract = await (await fetch(`${server.baseUrl}/openapi.json`)).json();
    const operations = Object.entries(contract.paths as Record<string, object>).flatMap(([path, ops]) => Object.keys(ops).map((method) => ({ method: method.toUpperCase(), path })));

    const page = await browser!.newPage();
    const outside: string[] = [];
    const failures: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(server.baseUrl) && !r.url().startsWith('data:')) outside.push(r.url());
    });
    page.on('requestfailed', (r) => failures.push(`${r.url()}: ${r.failure()?.errorText}`));
    page.on('console', (m) => {
      if (m.type() === 'error') failures.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (err) => failures.push(`page: ${err.message}`));

    const res = await page.goto(`${server.baseUrl}/docs`, { waitUntil: 'networkidle' });
    expect(res?.status()).toBe(200);
    await page.waitForSelector('.opblock-summary-path', { timeout: 30_000 });
    await expect.poll(() => page.locator('.opblock').count(), { timeout: 30_000 }).toBe(operations.length);

    // Each operation shows its method and path as text in the page.
    const shown = await page.locator('.opblock-summary').evaluateAll((blocks) =>
      blocks.map((b) => `${b.querySelector('.opblock-summary-method')?.textContent?.trim()} ${b.querySelector('.opblock-summary-path')?.getAttribute('data-path')}`),
    );
    expect(shown.sort()).toEqual(operations.map((o) => `${o.method} ${o.path}`).sort());
    const text = await page.locator('#swagger-ui').innerText();
    for (const path of ['/user/oauth/token', '/ws-services/wc/_create', '/billing-service/bill/v2/_fetchbill', '/collection-services/payments/_create', '/echallan-services/eChallan/v1/_expenseDashboard']) expect(text).toContain(path);
    expect(text).toContain('Seva');

    const top = join(shots, 'docs.png');
    const whole = join(shots, 'docs-full.png');
    await page.screenshot({ path: top });
    await page.screenshot({ path: whole, fullPage: true });
    expect(statSync(top).size).toBeGreaterThan(10_000);
    console.log(`docs page screenshots: ${top}, ${whole}`);

    expect(outside, 'the page fetched from elsewhere than Seva').toEqual([]);
    expect(failures).toEqual([]);
  });
});
