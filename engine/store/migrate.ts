import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { SevaError } from '../errors/index.ts';
import type { Db } from './database.ts';
import { postgresTypeOf, type TableSpec } from './table-spec.ts';

export interface MigrationStep {
  kind: 'create-table' | 'add-column' | 'create-index' | 'drop-index' | 'retype-column' | 'drop-column';
  table: string;
  /** What the step does, in words. */
  description: string;
  sql: string;
  /** True when the step can lose data; such steps run only when explicitly allowed. */
  dataLoss: boolean;
}

export interface MigrationPlan {
  steps: MigrationStep[];
  /** Tables in the database that no definition describes; they are left alone. */
  undefinedTables: string[];
}

export interface MigrationResult {
  applied: MigrationStep[];
  /** Steps that were planned but held back because they could lose data. */
  heldBack: MigrationStep[];
}

const MIGRATIONS_TABLE = 'seva_migrations';

export const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Index names are derived so a re-plan recognises them; long ones are shortened with a hash. */
export function indexName(table: string, expressions: string[], unique: boolean): string {
  const base = `${table}_${expressions.map((e) => e.replace(/[^a-z0-9_]/gi, '')).join('_')}_${unique ? 'ukey' : 'idx'}`;
  if (base.length <= 63) return base;
  const hash = createHash('sha1').update(base).digest('hex').slice(0, 8);
  return `${base.slice(0, 54)}_${hash}`;
}

interface ActualSchema {
  columns: Map<string, Map<string, string>>;
  indexes: Map<string, Set<string>>;
}

// Read from pg_catalog: information_schema.columns gives the same rows, several times slower
// (it is a view that checks privileges per column), which every start-up would pay.
async function introspect(db: Db): Promise<ActualSchema> {
  const cols = await sql<{ table_name: string; column_name: string; udt_name: string }>`
    select c.relname as table_name, a.attname as column_name, case when t.typtype = 'd' then bt.typname else t.typname end as udt_name
      from pg_catalog.pg_attribute a
      join pg_catalog.pg_class c on c.oid = a.attrelid
      join pg_catalog.pg_type t on t.oid = a.atttypid
      left join pg_catalog.pg_type bt on bt.oid = t.typbasetype
     where c.relnamespace = current_schema()::regnamespace and c.relkind in ('r', 'v', 'f', 'p') and a.attnum > 0 and not a.attisdropped`.execute(db);
  const columns = new Map<string, Map<string, string>>();
  for (const r of cols.rows) {
    const t = columns.get(r.table_name) ?? new Map<string, string>();
    t.set(r.column_name, r.udt_name);
    columns.set(r.table_name, t);
  }
  const idx = await sql<{ tablename: string; indexname: string }>`
    select t.relname as tablename, i.relname as indexname
      from pg_catalog.pg_index x
      join pg_catalog.pg_class i on i.oid = x.indexrelid
      join pg_catalog.pg_class t on t.oid = x.indrelid
     where t.relnamespace = current_schema()::regnamespace and t.relkind in ('r', 'm', 'p')`.execute(db);
  const indexes = new Map<string, Set<string>>();
  for (const r of idx.rows) {
    const s = indexes.get(r.tablename) ?? new Set<string>();
    s.add(r.indexname);
    indexes.set(r.tablename, s);
  }
  return { columns, indexes };
}

function createIndexSql(table: string, index: { name: string; expressions: string[]; unique?: boolean; where?: string }): string {
  const exprs = index.expressions.map((e) => (/^[a-z_][a-z0-9_]*$/.test(e) ? quoteIdent(e) : e)).join(', ');
  return `create ${index.unique ? 'unique ' : ''}index ${quoteIdent(index.name)} on ${quoteIdent(table)} (${exprs})${index.where ? ` where ${index.where}` : ''}`;
}

/** Compares the tables the definitions want with the database and lists what would change. */
export async function planMigration(db: Db, specs: TableSpec[]): Promise<MigrationPlan> {
  const actual = await introspect(db);
  const steps: MigrationStep[] = [];
  for (const spec of specs) {
    const existing = actual.columns.get(spec.name);
    if (!existing) {
      const cols = spec.columns.map((c) => `${quoteIdent(c.name)} ${postgresTypeOf[c.type].ddl}${c.notNull ? ' not null' : ''}`);
      cols.push(`primary key (${spec.primaryKey.map(quoteIdent).join(', ')})`);
      steps.push({ kind: 'create-table', table: spec.name, description: `create table ${spec.name} (${spec.columns.length} columns)`, sql: `create table ${quoteIdent(spec.name)} (${cols.join(', ')})`, dataLoss: false });
      for (const index of spec.indexes) {
        steps.push({ kind: 'create-index', table: spec.name, description: `create ${index.unique ? 'unique ' : ''}index ${index.name}`, sql: createIndexSql(spec.name, index), dataLoss: false });
      }
      continue;
    }
    for (const col of spec.columns) {
      const udt = existing.get(col.name);
      const want = postgresTypeOf[col.type];
      if (!udt) {
        steps.push({ kind: 'add-column', table: spec.name, description: `add column ${spec.name}.${col.name} ${want.ddl}`, sql: `alter table ${quoteIdent(spec.name)} add column ${quoteIdent(col.name)} ${want.ddl}`, dataLoss: false });
      } else if (udt !== want.udt) {
        steps.push({
          kind: 'retype-column',
          table: spec.name,
          description: `change column ${spec.name}.${col.name} from ${udt} to ${want.ddl} (values that do not convert make it fail; converted values may lose precision)`,
          sql: `alter table ${quoteIdent(spec.name)} alter column ${quoteIdent(col.name)} type ${want.ddl} using ${quoteIdent(col.name)}::${want.ddl}`,
          dataLoss: true,
        });
      }
    }
    for (const name of existing.keys()) {
      if (spec.columns.some((c) => c.name === name)) continue;
      steps.push({ kind: 'drop-column', table: spec.name, description: `drop column ${spec.name}.${name} (no definition maps it; its data would be lost)`, sql: `alter table ${quoteIdent(spec.name)} drop column ${quoteIdent(name)}`, dataLoss: true });
    }
    const have = actual.indexes.get(spec.name) ?? new Set<string>();
    for (const index of spec.indexes) {
      if (!have.has(index.name)) steps.push({ kind: 'create-index', table: spec.name, description: `create ${index.unique ? 'unique ' : ''}index ${index.name}`, sql: createIndexSql(spec.name, index), dataLoss: false });
    }
    for (const name of have) {
      // Only indexes the engine named itself are dropped; primary keys and hand-made ones stay.
      if (!/_(idx|ukey)$/.test(name) || name.endsWith('_pkey') || spec.indexes.some((i) => i.name === name)) continue;
      steps.push({ kind: 'drop-index', table: spec.name, description: `drop index ${name} (no longer defined)`, sql: `drop index ${quoteIdent(name)}`, dataLoss: false });
    }
  }
  const wanted = new Set(specs.map((s) => s.name));
  const undefinedTables = [...actual.columns.keys()].filter((t) => !wanted.has(t) && t !== MIGRATIONS_TABLE).sort();
  return { steps, undefinedTables };
}

/**
 * Applies a plan in one transaction (Postgres DDL is transactional: all or nothing) and records it.
 * Steps that could lose data run only with `allowDataLoss`; otherwise they are returned as held back.
 */
export async function applyMigration(db: Db, plan: MigrationPlan, options: { allowDataLoss?: boolean; now?: number } = {}): Promise<MigrationResult> {
  const runnable = plan.steps.filter((s) => !s.dataLoss || options.allowDataLoss);
  const heldBack = plan.steps.filter((s) => s.dataLoss && !options.allowDataLoss);
  if (runnable.length === 0) return { applied: [], heldBack };
  await db.transaction().execute(async (trx) => {
    // Several processes may start at once on one Postgres: one migrates, the others wait.
    await sql`select pg_advisory_xact_lock(hashtext('seva-migrate'))`.execute(trx);
    // The whole plan as one statement (a new database is ~100 steps: one round trip, not 100).
    // Should it fail, the plan is run again step by step to say which step failed.
    const script = asOneStatement(runnable.map((s) => s.sql));
    let failed = !script;
    if (script) {
      await sql`savepoint seva_plan`.execute(trx);
      try {
        await sql.raw(script).execute(trx);
      } catch {
        failed = true;
        await sql`rollback to savepoint seva_plan`.execute(trx);
      }
    }
    if (failed) {
      for (const step of runnable) {
        try {
          await sql.raw(step.sql).execute(trx);
        } catch (err) {
          throw new SevaError('internal', 'MIGRATION_FAILED', `migration step failed: ${step.description}: ${(err as Error).message}`, { cause: err });
        }
      }
    }
    await sql`insert into seva_migrations (applied_at, steps) values (${options.now ?? Date.now()}, ${JSON.stringify(runnable)})`.execute(trx);
  });
  return { applied: runnable, heldBack };
}

/** Statements as one `do` block (a single statement, which both drivers send as one query). */
function asOneStatement(statements: string[]): string | undefined {
  if (statements.length < 2) return undefined;
  const tag = '$seva_step$';
  if (statements.some((s) => s.includes(tag) || s.includes('$seva_plan$'))) return undefined;
  return `do $seva_plan$ begin\n${statements.map((s) => `execute ${tag}${s}${tag};`).join('\n')}\nend $seva_plan$`;
}

/** The table that records applied migrations; it must exist before anything is planned. */
export async function ensureMigrationsTable(db: Db): Promise<void> {
  await sql`create table if not exists seva_migrations (id bigserial primary key, applied_at bigint not null, steps jsonb not null)`.execute(db);
}

export async function appliedMigrations(db: Db): Promise<{ id: number; appliedAt: number; steps: MigrationStep[] }[]> {
  const r = await sql<{ id: string; applied_at: string; steps: MigrationStep[] }>`select id, applied_at, steps from seva_migrations order by id`.execute(db);
  return r.rows.map((row) => ({ id: Number(row.id), appliedAt: Number(row.applied_at), steps: row.steps }));
}
