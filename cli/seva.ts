#!/usr/bin/env node
// The command line. Each command loads what it needs only when it runs (`await import`), so
// `--help`, `validate`, `test` and `schemas` never open a database nor load the HTTP server.
import { Command, Help } from 'commander';
import { SevaError } from '../engine/errors/index.ts';

const program = new Command();
program.name('seva').description('Seva: YAML definitions become DIGIT-compatible public-service APIs');
const definitionsDefault = process.env.SEVA_DEFINITIONS ?? 'definitions';

program
  .command('serve')
  .description('check the definitions, migrate the database and serve every service over HTTP')
  .action(async () => (await import('./commands/serve.ts')).serve());

program
  .command('validate')
  .description('check every definition; print each problem as file:line:col: message')
  .option('-d, --definitions <dir>', 'definitions directory', definitionsDefault)
  .option('--strict', 'fail on warnings too (e.g. a localization code missing in a locale)')
  .action(async (opts: { definitions: string; strict?: boolean }) => (await import('./commands/definitions.ts')).validate(opts.definitions, opts.strict));

program
  .command('test')
  .description('run the examples of every rule set (definitions/rules/) and report each that fails')
  .option('-d, --definitions <dir>', 'definitions directory', definitionsDefault)
  .action(async (opts: { definitions: string }) => (await import('./commands/definitions.ts')).testRules(opts.definitions));

const db = program.command('db').description('the database');
db.command('migrate')
  .description('plan the changes the definitions need and apply them; steps that could lose data need --allow-data-loss')
  .option('--dry-run', 'print the plan only')
  .option('--allow-data-loss', 'also run steps that drop or retype columns')
  .action(async (opts: { dryRun?: boolean; allowDataLoss?: boolean }) => (await import('./commands/db.ts')).migrate(opts));
db.command('status')
  .description('list the migrations applied so far')
  .action(async () => (await import('./commands/db.ts')).status());

const jobs = program.command('jobs').description('the scheduled jobs the definitions declare');
jobs
  .command('list')
  .description('list the jobs with their schedule, next run and last run')
  .action(async () => (await import('./commands/jobs.ts')).list());
jobs
  .command('run <name>')
  .description('run a job now (on the embedded database, stop the server first: one process owns the data directory)')
  .action(async (name: string) => (await import('./commands/jobs.ts')).run(name));

program
  .command('openapi')
  .description('print the OpenAPI 3.1 contract of every route the server serves (as GET /openapi.json answers it)')
  .option('-d, --definitions <dir>', 'definitions directory', definitionsDefault)
  .option('-o, --out <file>', 'write it to a file instead of stdout')
  .action(async (opts: { definitions: string; out?: string }) => (await import('./commands/openapi.ts')).openapi(opts));

program
  .command('schemas')
  .description('write the JSON Schema of every definition kind, for editor autocompletion')
  .option('-o, --out <dir>', 'output directory', 'schemas')
  .action(async (opts: { out: string }) => (await import('./commands/definitions.ts')).writeSchemas(opts.out));

// `seva --help` lists every command, those of `db` and `jobs` too.
program.configureHelp({
  visibleCommands: (cmd) => new Help().visibleCommands(cmd).flatMap((c) => (c.commands.length > 0 ? new Help().visibleCommands(c).filter((s) => s.name() !== 'help') : [c])),
  subcommandTerm: (cmd) => `${cmd.parent && cmd.parent !== program ? `${cmd.parent.name()} ` : ''}${new Help().subcommandTerm(cmd)}`,
});

// Each command is bundled on its own (dist/commands/*.js) with its own copy of the engine, so an
// error it throws is a SevaError by name, not by this bundle's class.
const isSevaError = (err: unknown): err is SevaError => err instanceof SevaError || (err instanceof Error && err.name === 'SevaError');

program.parseAsync().catch((err: unknown) => {
  if (isSevaError(err)) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
