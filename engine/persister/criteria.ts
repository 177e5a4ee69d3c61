import { sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool } from 'kysely';
import { escapeLike, withinTenant } from '../store/index.ts';
import type { MappedChild, RecordTables } from './mapped.ts';

/** How a filter compares a stored field with the values asked for. */
export type Match = 'exact' | 'in' | 'prefix' | 'contains' | 'from' | 'to';

export interface Filter {
  /** Record fields (`field`, `<array>.<item field>`, or a key inside a JSON column); any of them may match. */
  fields: string[];
  match: Match;
  caseInsensitive?: boolean;
  /** One value, or the list for `in`. */
  values: unknown[];
}

/** Which records a search reads: a tenant's, narrowed by filters. */
export interface Criteria {
  /**
   * The tenant asking: `within` reads a GP's own rows, or a state's and its GPs'; `exact` only the
   * tenant's own. Without one, the filters alone decide.
   */
  tenant?: { id: string; scope: 'within' | 'exact' };
  filters: Filter[];
  /**
   * Filters on one child table must all hold for one of its rows (a payment's receipt, consumer
   * and service are those of one paid bill). Otherwise each may hold for a different row.
   */
  sameChildRow?: boolean;
}

type Eb = ExpressionBuilder<any, any>;

/** An `in` filter for each field given a list (engine searches take lists of ids, codes, statuses); fields without one are left out. */
export function inFilters(lists: Record<string, readonly unknown[] | undefined>): Filter[] {
  return Object.entries(lists).flatMap(([field, values]) => (values ? [{ fields: [field], match: 'in' as const, values: [...values] }] : []));
}

/** An `exact` filter for each field given a value; fields without one are left out. */
export function exactFilters(values: Record<string, unknown>): Filter[] {
  return Object.entries(values).flatMap(([field, value]) => (value !== undefined ? [{ fields: [field], match: 'exact' as const, values: [value] }] : []));
}

/** The SQL a field is read by: a column of the root or a child table, or a key inside a root JSON column (as text). */
function fieldRef(t: RecordTables<unknown>, field: string): { ref: RawBuilder<unknown>; child?: MappedChild } {
  const hit = t.columnFor(field);
  if (hit) return { ref: sql.ref(`${hit.child?.table ?? t.root.table}.${hit.column.column}`), child: hit.child };
  const json = t.root.columns.find((c) => c.type === 'json' && field.startsWith(`${c.path.join('.')}.`));
  if (!json) throw new Error(`${t.root.table} stores no field ${field}`);
  const inside = field.slice(json.path.join('.').length + 1).split('.');
  return { ref: sql`${sql.ref(`${t.root.table}.${json.column}`)} #>> ${`{${inside.join(',')}}`}` };
}

function comparison(eb: Eb, col: RawBuilder<unknown>, f: Filter): Expression<SqlBool> {
  const lowered = sql`lower(${col})`;
  const text = (v: unknown) => String(v).toLowerCase();
  switch (f.match) {
    case 'exact':
      return f.caseInsensitive ? eb(lowered, '=', text(f.values[0])) : eb(col, '=', f.values[0]);
    case 'in':
      return f.caseInsensitive ? eb(lowered, 'in', f.values.map(text)) : eb(col, 'in', f.values);
    case 'prefix':
      return eb(lowered, 'like', `${escapeLike(text(f.values[0]))}%`);
    case 'contains':
      return eb(lowered, 'like', `%${escapeLike(text(f.values[0]))}%`);
    case 'from':
      return eb(col, '>=', f.values[0]);
    case 'to':
      return eb(col, '<=', f.values[0]);
  }
}

/** Rows of `child` belonging to the root row and meeting `conditions`. */
function existsIn(eb: Eb, t: RecordTables<unknown>, child: MappedChild, conditions: (inner: Eb) => Expression<SqlBool>): Expression<SqlBool> {
  return eb.exists(
    eb
      .selectFrom(child.table)
      .select(sql.lit(1).as('one'))
      .whereRef(`${child.table}.${child.parentColumn}`, '=', `${t.root.table}.${t.root.primaryKey.column}`)
      .where(conditions),
  );
}

/** One filter: any of its fields matching; a field of a child table becomes an EXISTS over it. */
function filterCondition(eb: Eb, t: RecordTables<unknown>, f: Filter): Expression<SqlBool> {
  const any = f.fields.map((field) => {
    const { ref, child } = fieldRef(t, field);
    return child ? existsIn(eb, t, child, (inner) => comparison(inner, ref, f)) : comparison(eb, ref, f);
  });
  return any.length === 1 ? any[0]! : eb.or(any);
}

/** The child table every field of a filter is stored in, when there is one. */
function childOf(t: RecordTables<unknown>, f: Filter): MappedChild | undefined {
  const children = f.fields.map((field) => t.columnFor(field)?.child);
  return children[0] && children.every((c) => c === children[0]) ? children[0] : undefined;
}

/** The criteria as one condition on the root table (`where(whereOf(t, criteria))`). */
export function whereOf(t: RecordTables<unknown>, c: Criteria): (eb: Eb) => Expression<SqlBool> {
  return (eb) => {
    const conditions: Expression<SqlBool>[] = [];
    if (c.tenant) {
      if (!t.tenantColumn) throw new Error(`${t.root.table} has no tenant column to scope by`);
      const col = `${t.root.table}.${t.tenantColumn.column}`;
      conditions.push(c.tenant.scope === 'within' ? withinTenant(col, c.tenant.id) : eb(col, '=', c.tenant.id));
    }
    const together = new Map<MappedChild, Filter[]>();
    for (const f of c.filters) {
      const child = c.sameChildRow ? childOf(t, f) : undefined;
      if (child) together.set(child, [...(together.get(child) ?? []), f]);
      else conditions.push(filterCondition(eb, t, f));
    }
    for (const [child, filters] of together) {
      conditions.push(existsIn(eb, t, child, (inner) => inner.and(filters.map((f) => inner.or(f.fields.map((field) => comparison(inner, fieldRef(t, field).ref, f)))))));
    }
    return eb.and(conditions);
  };
}
