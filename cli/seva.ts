#!/usr/bin/env node
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { Command } from 'commander';
import { definitionsError, startSeva, tableSpecsOf, testRuleExamples, validateDefinitions } from '../engine/boot/index.ts';
import { formatProblem, kinds, registryCounts, schemaFileName } from '../engine/definitions/index.ts';
import { SevaError } from '../engine/errors/index.ts';
import { applyMigration, appliedMigrations, ensureMigrationsTable, openDatabase, planMigration } from '../engine/store/index.ts';
import { optionsFromEnv } from './config.ts';

const program = new Command();
program.name('seva').description('Seva: YAML definitions become DIGIT-compatible public-service APIs');

program
  .command('serve')
  .description('check the definitions, migrate the database and serve every service over HTTP')
  .action(async () => {
    const options = optionsFromEnv();
    const seva = await startSeva({ ...options, scheduleJobs: true });
    const server = serve({ fetch: seva.app.fetch, port: options.port });
    const where = seva.database.dialect === 'pglite' ? `embedded PGlite in ${seva.database.location}` : `Postgres at ${seva.database.location}`;
    console.log(`Seva is serving ${seva.registry.services.length} service(s) and ${seva.registry.workflows.length} workflow(s) on ${where}`);
    if (seva.registry.jobs.length > 0) console.log(`Scheduled ${seva.registry.jobs.filter((j) => j.enabled !== false).length} job(s): ${seva.registry.jobs.map((j) => j.job).join(', ')}`);
    if (seva.migration.applied.length > 0) console.log(`Applied ${seva.migration.applied.length} migration step(s).`);
    if (seva.admin) {
      console.log(`Created user '${seva.admin.userName}' (SUPERUSER at ${seva.admin.tenantId}).`);
      if (seva.admin.generated) console.log(`Its password, shown this once: ${seva.admin.password}`);
    }
    console.log(`Listening on http://localhost:${options.port}`);
    const stop = async () => {
      server.close();
      await seva.close();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });

program
  .command('validate')
  .description('check every definition; print each problem as file:line:col: message')
  .option('-d, --definitions <dir>', 'definitions directory', process.env.SEVA_DEFINITIONS ?? 'definitions')
  .action((opts: { definitions: string }) => {
    const result = validateDefinitions(opts.definitions);
    for (const w of result.warnings) console.error(formatProblem(w));
    if (!result.registry) {
      for (const p of result.problems) console.error(formatProblem(p));
      console.error(`${result.problems.length} problem(s) found.`);
      process.exit(1);
    }
    console.log(`definitions OK: ${registryCounts(result.registry)}`);
  });

program
  .command('test')
  .description("run the examples of every rule set (definitions/rules/) and report each that fails")
  .option('-d, --definitions <dir>', 'definitions directory', process.env.SEVA_DEFINITIONS ?? 'definitions')
  .action((opts: { definitions: string }) => {
    const { loaded, outcomes } = testRuleExamples(opts.definitions, optionsFromEnv().timeZone ?? 'Asia/Kolkata');
    if (!loaded.registry) throw definitionsError(loaded);
    for (const o of outcomes) console.log(`${o.passed ? 'ok  ' : 'FAIL'} ${o.ruleSet}: ${o.example}${o.failure ? `\n       ${o.failure}` : ''}`);
    const failed = outcomes.filter((o) => !o.passed).length;
    console.log(`${outcomes.length - failed} of ${outcomes.length} rule example(s) passed${failed ? `, ${failed} failed` : ''}.`);
    if (failed > 0) process.exitCode = 1;
  });

const db = program.command('db').description('the database');
db.command('migrate')
  .description('plan the changes the definitions need and apply them; steps that could lose data need --allow-data-loss')
  .option('--dry-run', 'print the plan only')
  .option('--allow-data-loss', 'also run steps that drop or retype columns')
  .action(async (opts: { dryRun?: boolean; allowDataLoss?: boolean }) => {
    const options = optionsFromEnv();
    const loaded = validateDefinitions(options.definitionsDir);
    if (!loaded.registry) throw definitionsError(loaded);
    const database = await openDatabase(options.database);
    try {
      await ensureMigrationsTable(database.db);
      const plan = await planMigration(database.db, tableSpecsOf(loaded.registry));
      if (plan.steps.length === 0) console.log('The database matches the definitions: nothing to do.');
      for (const step of plan.steps) console.log(`${step.dataLoss ? '! DATA LOSS ' : '+ '}${step.description}`);
      for (const table of plan.undefinedTables) console.log(`  (table ${table} is not defined any more; it is left in place)`);
      if (opts.dryRun || plan.steps.length === 0) return;
      const result = await applyMigration(database.db, plan, { allowDataLoss: opts.allowDataLoss });
      console.log(`Applied ${result.applied.length} step(s).`);
      if (result.heldBack.length > 0) {
        console.log(`Held back ${result.heldBack.length} step(s) marked DATA LOSS: rerun with --allow-data-loss to apply them.`);
        process.exitCode = 2;
      }
    } finally {
      await database.close();
    }
  });
db.command('status')
  .description('list the migrations applied so far')
  .action(async () => {
    const database = await openDatabase(optionsFromEnv().database);
    try {
      await ensureMigrationsTable(database.db);
      for (const m of await appliedMigrations(database.db)) console.log(`#${m.id} ${new Date(m.appliedAt).toISOString()} ${m.steps.length} step(s)`);
    } finally {
      await database.close();
    }
  });

const jobs = program.command('jobs').description('the scheduled jobs the definitions declare');
jobs
  .command('list')
  .description('list the jobs with their schedule, next run and last run')
  .action(async () => {
    const seva = await startSeva(optionsFromEnv());
    try {
      const statuses = await seva.jobs.status();
      if (statuses.length === 0) console.log('No jobs are defined (definitions/jobs/).');
      for (const j of statuses) {
        const last = j.lastRun ? `last run ${new Date(j.lastRun.startedAt).toISOString()} ${j.lastRun.status} ${JSON.stringify(j.lastRun.counts)}` : 'never run';
        console.log(`${j.job}  "${j.schedule}" ${j.timeZone}${j.enabled ? '' : ' (disabled)'}  next ${j.nextRun?.toISOString() ?? '-'}  ${last}`);
        if (j.description) console.log(`    ${j.description}`);
      }
    } finally {
      await seva.close();
    }
  });
jobs
  .command('run <name>')
  .description('run a job now (on the embedded database, stop the server first: one process owns the data directory)')
  .action(async (name: string) => {
    const seva = await startSeva(optionsFromEnv());
    try {
      const run = await seva.jobs.run(name);
      console.log(`${run.job}: ${run.status} in ${(run.finishedAt ?? run.startedAt) - run.startedAt} ms ${JSON.stringify(run.counts)}`);
      if (run.error) console.log(run.error);
      if (run.status !== 'succeeded') process.exitCode = 1;
    } finally {
      await seva.close();
    }
  });

program
  .command('schemas')
  .description('write the JSON Schema of every definition kind, for editor autocompletion')
  .option('-o, --out <dir>', 'output directory', 'schemas')
  .action((opts: { out: string }) => {
    mkdirSync(opts.out, { recursive: true });
    for (const kind of kinds) writeFileSync(join(opts.out, schemaFileName(kind)), `${JSON.stringify(kind.schema, null, 2)}\n`);
    console.log(`wrote ${kinds.length} schemas to ${opts.out}/`);
  });

program.parseAsync().catch((err: unknown) => {
  if (err instanceof SevaError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
