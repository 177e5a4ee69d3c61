import { sql, type RawBuilder } from 'kysely';
import type { Db } from './database.ts';
import { postgresTypeOf, type ColumnKind, type TableSpec } from './table-spec.ts';

const arrayType: Record<ColumnKind, string> = { text: 'text[]', integer: 'int4[]', bigint: 'int8[]', numeric: 'numeric[]', boolean: 'bool[]', json: 'text[]', bytes: 'bytea[]' };

/**
 * Inserts many rows in one statement that carries one array per column (`unnest`), not one
 * parameter per value: thousands of rows cost a handful of parameters to send and to plan.
 * `onConflict` is SQL appended as written (e.g. `on conflict (...) do nothing`). Returns the
 * `returning` column of the rows written.
 */
export async function insertUnnested(db: Db, spec: TableSpec, rows: Record<string, unknown>[], options: { onConflict?: RawBuilder<unknown>; returning?: string } = {}): Promise<unknown[]> {
  if (rows.length === 0) return [];
  const columns = spec.columns;
  const arrays = columns.map((c) => sql`${rows.map((r) => r[c.name] ?? null)}::${sql.raw(arrayType[c.type])}`);
  const selected = columns.map((c) => (c.type === 'json' ? sql`${sql.ref(c.name)}::${sql.raw(postgresTypeOf[c.type].ddl)}` : sql.ref(c.name)));
  const query = sql<Record<string, unknown>>`insert into ${sql.table(spec.name)} (${sql.join(columns.map((c) => sql.ref(c.name)))})
    select ${sql.join(selected)} from unnest(${sql.join(arrays)}) as t(${sql.join(columns.map((c) => sql.ref(c.name)))})
    ${options.onConflict ?? sql``} ${options.returning ? sql`returning ${sql.ref(options.returning)}` : sql``}`;
  const result = await query.execute(db);
  return options.returning ? result.rows.map((r) => r[options.returning!]) : [];
}
