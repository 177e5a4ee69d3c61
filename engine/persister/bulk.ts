import type { RawBuilder } from 'kysely';
import { insertUnnested, type Db } from '../store/index.ts';
import type { RecordTables } from './mapped.ts';
import { childRowsOf, rowOf, type Row } from './rows.ts';

/** A record's rows, made ahead of writing (a bulk write makes them before its transaction). */
export interface RecordRows {
  root: Row;
  /** The rows of each child table, in the order of `children`. */
  children: Row[][];
}

export function rowsOf<T>(t: RecordTables<T>, record: T): RecordRows {
  return { root: rowOf(t.root, record), children: t.children.map((child) => childRowsOf(t, child, record)) };
}

/**
 * Inserts many records in one statement per table, each carrying one array per column (store
 * `insertUnnested`). `onConflict` applies to the root rows; the child rows of a record whose root
 * row it skipped are not written. Returns the primary keys of the records written.
 */
export async function insertRowsUnnested(db: Db, t: RecordTables<unknown>, rows: RecordRows[], options: { onConflict?: RawBuilder<unknown> } = {}): Promise<Set<unknown>> {
  const [rootSpec, ...childSpecs] = t.tables;
  const key = t.root.primaryKey.column;
  const roots = rows.map((r) => r.root);
  // Without a conflict clause every row is written: no need to send the keys back.
  const written = new Set(options.onConflict ? await insertUnnested(db, rootSpec!, roots, { onConflict: options.onConflict, returning: key }) : (await insertUnnested(db, rootSpec!, roots), roots.map((r) => r[key])));
  const kept = rows.filter((r) => written.has(r.root[key]));
  for (const [i, spec] of childSpecs.entries()) await insertUnnested(db, spec, kept.flatMap((r) => r.children[i]!));
  return written;
}
