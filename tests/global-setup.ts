/**
 * Once per `vitest run`: a migrated template per backend (see tests/templates.ts), handed to the
 * test files through `inject('sevaTemplates')`. Should building one fail, the tests still run, each
 * on an empty database as before (slower), after a warning here. Also installs the headless
 * browser the docs page test drives, when it is missing (tests/chromium.ts).
 */
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ensureChromium } from './chromium.ts';
import { pgliteTemplate, postgresTemplate, templateHash, type Templates } from './templates.ts';

const warn = (what: string, err: unknown) =>
  console.warn(`no ${what} test template: test files start on empty databases instead (slower): ${(err as Error)?.stack ?? err}`);

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = project.config.root;
  const chromium = ensureChromium();
  if (chromium) console.warn(`the docs page test will fail: ${chromium}`);
  const started = performance.now();
  const templates: Templates = {};
  let release = async (): Promise<void> => undefined;
  try {
    const { hash, specs } = templateHash(root, resolve(root, 'definitions'));
    const url = process.env.DATABASE_URL;
    const [pglite, postgres] = await Promise.allSettled([pgliteTemplate(hash, specs), url ? postgresTemplate(url, hash, specs) : Promise.resolve(undefined)]);
    if (pglite.status === 'fulfilled') templates.pglite = pglite.value;
    else warn('PGlite', pglite.reason);
    if (postgres.status === 'fulfilled' && postgres.value) {
      templates.postgres = postgres.value.name;
      release = postgres.value.release;
    } else if (postgres.status === 'rejected') warn('Postgres', postgres.reason);
    if (process.env.SEVA_TEST_DEBUG) console.log(`test templates ${hash} ready in ${Math.round(performance.now() - started)} ms: ${JSON.stringify(templates)}`);
  } catch (err) {
    warn('migrated', err);
  }
  project.provide('sevaTemplates', templates);
  return release;
}
