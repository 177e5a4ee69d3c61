import { defineConfig } from 'vitest/config';

/** Cases per fast-check property (same seeds): a quick default; SEVA_PROPERTY_RUNS=5000 for a long run. */
const propertyRuns = Number(process.env.SEVA_PROPERTY_RUNS ?? 200);
if (!Number.isInteger(propertyRuns) || propertyRuns < 1) throw new Error(`SEVA_PROPERTY_RUNS must be a positive whole number, not '${process.env.SEVA_PROPERTY_RUNS}'`);

export default defineConfig({
  test: {
    include: ['engine/**/*.test.ts', 'tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each integration file clones a database; two cores, so keep the pool small.
    maxWorkers: 2,
    // A worker runs its files one after another in one module graph: the engine and PGlite are
    // loaded and warmed up once per worker instead of once per file (about half the suite's CPU).
    // Files share no state but what they make themselves (each its own database, server, clock).
    isolate: false,
    // Migrates a template database per backend once per run; freshDatabase clones it (tests/templates.ts).
    globalSetup: ['tests/global-setup.ts'],
    provide: { propertyRuns },
  },
});
