// `seva db …`: the database and the definitions' tables, without the HTTP server.
import { definitionsError, validateDefinitions } from '../../engine/boot/validate.ts';
import { tableSpecsOf } from '../../engine/boot/tables.ts';
import { applyMigration, appliedMigrations, ensureMigrationsTable, openDatabase, planMigration } from '../../engine/store/index.ts';
import { optionsFromEnv } from '../config.ts';

export async function migrate(opts: { dryRun?: boolean; allowDataLoss?: boolean }): Promise<void> {
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
}

export async function status(): Promise<void> {
  const database = await openDatabase(optionsFromEnv().database);
  try {
    await ensureMigrationsTable(database.db);
    for (const m of await appliedMigrations(database.db)) console.log(`#${m.id} ${new Date(m.appliedAt).toISOString()} ${m.steps.length} step(s)`);
  } finally {
    await database.close();
  }
}
