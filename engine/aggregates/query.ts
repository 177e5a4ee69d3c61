import { sql, type RawBuilder } from 'kysely';
import type { AggregateDefinition, AggregateJoinDefinition, AggregateMeasureDefinition, AggregateSourceRows } from '../definitions/index.ts';
import { SevaError } from '../errors/index.ts';
import { toSql, type ExprScope } from './expr.ts';
import { place, type DataSource } from './source.ts';

type Sql = RawBuilder<unknown>;

export interface QueryContext {
  tenantId: string;
  params: Record<string, unknown>;
  source(name: string): DataSource;
}


/** A source with its optional join, placed under `prefix`: its FROM text and how to read its fields. */
export function placeWithJoin(ctx: QueryContext, from: string, join: AggregateJoinDefinition | undefined, prefix: string, reads?: string[]) {
  const own = reads && join ? reads.filter((f) => !f.startsWith(`${join.as}.`)) : reads;
  const theirs = reads && join ? reads.filter((f) => f.startsWith(`${join.as}.`)).map((f) => f.slice(join.as.length + 1)) : undefined;
  const base = place(ctx.source(from), prefix, own && join ? [...own, join.on[0]] : own);
  const joined = join ? place(ctx.source(join.from), `${prefix}j`, theirs ? [...theirs, join.on[1]] : undefined) : undefined;
  const field = (name: string): Sql => {
    if (join && joined && name.startsWith(`${join.as}.`)) return joined.field(name.slice(join.as.length + 1));
    return base.field(name);
  };
  const type = (name: string) => (join && joined && name.startsWith(`${join.as}.`) ? joined.fieldType(name.slice(join.as.length + 1)) : base.fieldType(name));
  const fromSql = join && joined ? sql`${base.from} ${joined.joinedOn(sql`${base.field(join.on[0])} = ${joined.field(join.on[1])}`, base.tenant)}` : base.from;
  return { base, joined, field, type, from: fromSql };
}

let counter = 0;
const nextPrefix = () => `s${(counter = (counter + 1) % 1_000_000)}`;

/** The measure's aggregate, over the records that pass `filter` (all records of the query when absent). */
function aggregateOf(m: AggregateMeasureDefinition, field: (name: string) => Sql, scope: ExprScope, filter?: Sql): Sql {
  const value = (v: unknown) => (typeof v === 'string' ? field(v) : toSql(v, scope));
  const only = filter ? sql` FILTER (WHERE ${filter})` : sql``;
  if (m.sum !== undefined) return rounded(m, sql`COALESCE(SUM(${value(m.sum)})${only}, 0)`);
  if (m.count) return sql`COUNT(*)${only}`;
  if (m.countDistinct !== undefined) return sql`COUNT(DISTINCT ${field(m.countDistinct)})${only}`;
  if (m.avg !== undefined) return rounded(m, sql`AVG(${value(m.avg)})${only}`);
  if (m.items !== undefined) {
    const pairs = Object.entries(m.items).flatMap(([key, v]) => [sql`${key}::text`, value(v)]);
    const by = m.orderBy ?? m.month;
    return sql`COALESCE(json_agg(json_build_object(${sql.join(pairs)})${by === undefined ? sql`` : sql` ORDER BY ${field(by)}`})${only}, '[]'::json)`;
  }
  return m.max !== undefined ? sql`MAX(${value(m.max)})${only}` : sql`MIN(${value(m.min)})${only}`;
}

/** The measure's figure rounded as it declares (a mean cut to whole stars, say). */
function rounded(m: AggregateMeasureDefinition, figure: Sql): Sql {
  if (!m.round) return figure;
  return sql`${sql.raw(m.round.mode === 'down' ? 'TRUNC' : 'ROUND')}((${figure})::numeric, ${sql.lit(m.round.places)})`;
}

const paramOf = (ctx: QueryContext) => (name: string) => (name === 'tenantId' ? ctx.tenantId : ctx.params[name]);

/** One measure as a scalar subquery; `row` reads the enclosing row's fields (correlated). */
export function measureSql(m: AggregateMeasureDefinition, ctx: QueryContext, row?: ExprScope['row']): Sql {
  const placed = placeWithJoin(ctx, m.from, m.join, nextPrefix(), fieldsRead([m]));
  const scope: ExprScope = { field: placed.field, row, param: paramOf(ctx) };
  const agg = aggregateOf(m, placed.field, scope);
  const where = sql`${placed.base.scope(ctx.tenantId)}${m.where === undefined ? sql`` : sql` AND ${toSql(m.where, scope)}`}`;
  if (m.groupBy === undefined) return sql`(SELECT ${agg} FROM ${placed.from} WHERE ${where})`;
  const key = placed.field(m.groupBy);
  // Grouped by the output column: the key may be a correlated figure (a consumer's latest period).
  const groups = sql`(SELECT ${key} AS k, ${agg} AS v FROM ${placed.from} WHERE ${where} AND ${key} IS NOT NULL GROUP BY 1) g`;
  if (m.list) return sql`(SELECT COALESCE(json_agg(json_build_object(${m.list.key}::text, g.k, ${m.list.value}::text, g.v) ORDER BY g.k), '[]') FROM ${groups})`;
  return sql`(SELECT COALESCE(json_object_agg(g.k, g.v), '{}') FROM ${groups})`;
}

/**
 * The rows a month-by-month query covers: their first instants, in order, and the last instant of
 * the last; without one, the last row runs on without end (rows that begin at a measure's times).
 */
export interface MonthSpan {
  starts: number[];
  last?: number;
}

/**
 * A query answering several measures at once; with `bucketed`, one row per month `k`: 1 for the
 * first month of the span, 2 for the next, ..., 0 for anything before the span.
 */
export interface CombinedQuery {
  query: Sql;
  names: string[];
  bucketed: boolean;
}

/**
 * Measures over the same source (and join, and month field) answered by one scan, each aggregate
 * taking only its own records (FILTER): a dashboard of a dozen figures reads each source once.
 * Taken month by month, the scan groups records by the month of the measures' month field.
 */
export function combinedQueries(measures: [string, AggregateMeasureDefinition][], ctx: QueryContext, months?: MonthSpan): CombinedQuery[] {
  const groups = new Map<string, [string, AggregateMeasureDefinition][]>();
  for (const entry of measures) {
    const key = JSON.stringify([entry[1].from, entry[1].join ?? null, entry[1].month ?? null, entry[1].since ?? null]);
    groups.set(key, [...(groups.get(key) ?? []), entry]);
  }
  return [...groups.values()].map((list) => {
    const first = list[0]![1];
    const placed = placeWithJoin(ctx, first.from, first.join, nextPrefix(), fieldsRead(list.map(([, m]) => m)));
    const scope: ExprScope = { field: placed.field, param: paramOf(ctx) };
    const filters = list.map(([, m]) => (m.where === undefined ? undefined : toSql(m.where, scope)));
    const columns = list.map(([name, m], i) => sql`${aggregateOf(m, placed.field, scope, filters[i])} AS ${quote(`m:${name}`)}`);
    const conditions: Sql[] = [placed.base.scope(ctx.tenantId)];
    // What every measure asks (its consumer, its service) is said once more outside the ORs, so indexes can find it.
    for (const shared of sharedConjuncts(list.map(([, m]) => m.where))) conditions.push(toSql(shared, scope));
    if (filters.every((f) => f !== undefined)) conditions.push(sql`(${sql.join(filters as Sql[], sql` OR `)})`);
    if (!first.month || !months) return { query: sql`SELECT ${sql.join(columns)} FROM ${placed.from} WHERE ${sql.join(conditions, sql` AND `)}`, names: list.map(([n]) => n), bucketed: false };
    const time = placed.field(first.month);
    // Running totals need every earlier month; otherwise only the months asked for are read.
    const before = list.some(([, m]) => m.before);
    if (months.last === undefined) conditions.push(before ? sql`${time} IS NOT NULL` : sql`${time} >= ${months.starts[0]}`);
    else conditions.push(before ? sql`${time} <= ${months.last}` : sql`${time} BETWEEN ${months.starts[0]} AND ${months.last}`);
    // The month a record falls in, by comparing its time with the months' first instants (no date arithmetic per record).
    const key = sql`width_bucket(${time}::bigint, ARRAY[${sql.join(months.starts.map((t) => sql`${t}::bigint`))}])`;
    return { query: sql`SELECT ${key} AS k, ${sql.join(columns)} FROM ${placed.from} WHERE ${sql.join(conditions, sql` AND `)} GROUP BY 1`, names: list.map(([n]) => n), bucketed: true };
  });
}

const quote = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);

/** Every measure (or those given), as correlated subqueries aliased `m:<name>`. */
export function measureColumns(def: AggregateDefinition, ctx: QueryContext, row?: ExprScope['row'], only?: string[]): Sql[] {
  return Object.entries(def.measures)
    .filter(([name]) => !only || only.includes(name))
    .map(([name, m]) => sql`${measureSql(m, ctx, row)} AS ${quote(`m:${name}`)}`);
}

/**
 * The rows of a source with their measures: the page asked for, and how many rows there are in all.
 * Unless the rows are filtered or sorted by a measure, the page is cut first and the measures are
 * worked out for its rows alone.
 */
export function sourceRowsSql(def: AggregateDefinition, rows: AggregateSourceRows, ctx: QueryContext, page: { offset: number; limit: number; order?: 'asc' | 'desc' }) {
  const placed = placeWithJoin(ctx, rows.from, rows.join, 'r');
  const scope: ExprScope = { field: placed.field, param: paramOf(ctx) };
  const fieldNames = rows.groupBy ?? [...placed.base.fieldNames, ...(rows.join && placed.joined ? placed.joined.fieldNames.map((f) => `${rows.join!.as}.${f}`) : [])];
  const fields = fieldNames.map((f) => sql`${placed.field(f)} AS ${quote(`f:${f}`)}`);
  const where = sql`${placed.base.scope(ctx.tenantId)}${rows.where === undefined ? sql`` : sql` AND ${toSql(rows.where, scope)}`}`;
  const measureFirst = rows.having !== undefined || (rows.sort ?? []).some((s) => s.by in def.measures);
  // Grouped rows: one per distinct combination of their fields (measures read only those).
  const distinct = rows.groupBy ? sql`DISTINCT ` : sql``;
  const inner = (withMeasures: boolean) => sql`SELECT ${distinct}${sql.join([...fields, ...(withMeasures ? measureColumns(def, ctx, placed.field) : [])])} FROM ${placed.from} WHERE ${where}`;
  const outerScope: ExprScope = {
    field: (measure) => sql`q.${quote(`m:${measure}`)}`,
    row: (name) => sql`q.${quote(`f:${name}`)}`,
    param: scope.param,
  };
  const having = rows.having === undefined ? sql`TRUE` : toSql(rows.having, outerScope);
  const sorts = (rows.sort ?? []).map((s, i) => {
    const order = i === 0 && page.order && !rows.orderFixed ? page.order : (s.order ?? 'asc');
    const ref = s.by in def.measures ? outerScope.field(s.by) : outerScope.row!(s.by);
    return sql`${ref} ${sql.raw(order === 'desc' ? 'DESC NULLS LAST' : 'ASC NULLS FIRST')}`;
  });
  const orderBy = sql.join([...sorts, sql`q.${quote(`f:${fieldNames[0]}`)}`]);
  const countSql = sql`SELECT count(*) AS n FROM (${inner(measureFirst)}) q WHERE ${having}`;
  if (measureFirst) return { pageSql: sql`SELECT * FROM (${inner(true)}) q WHERE ${having} ORDER BY ${orderBy} OFFSET ${page.offset} LIMIT ${page.limit}`, countSql, fieldNames, fieldType: placed.type };
  const pageRow = (name: string) => sql`q.${quote(`f:${name}`)}`;
  const pageSql = sql`SELECT q.*${Object.keys(def.measures).length > 0 ? sql`, ${sql.join(measureColumns(def, ctx, pageRow))}` : sql``} FROM (SELECT * FROM (${inner(false)}) q ORDER BY ${orderBy} OFFSET ${page.offset} LIMIT ${page.limit}) q ORDER BY ${orderBy}`;
  return { pageSql, countSql, fieldNames, fieldType: placed.type };
}

/** The measures whose figure is text: the max or min of a text field (a name, an old connection number). */
export function textMeasures(def: AggregateDefinition, ctx: QueryContext): Set<string> {
  const text = new Set<string>();
  for (const [name, m] of Object.entries(def.measures)) {
    const v = m.max ?? m.min;
    if (typeof v !== 'string') continue;
    const joined = m.join !== undefined && v.startsWith(`${m.join.as}.`);
    const source = ctx.source(joined ? m.join!.from : m.from);
    if (source.fields[joined ? v.slice(m.join!.as.length + 1) : v]?.type === 'text') text.add(name);
  }
  return text;
}

export function unknownSource(name: string): never {
  throw new SevaError('internal', 'AGGREGATE_UNKNOWN_SOURCE', `no source '${name}'`);
}

/** The conditions every one of `wheres` requires (conjuncts of an `and`, compared as written). */
function sharedConjuncts(wheres: unknown[]): unknown[] {
  if (wheres.some((w) => w === undefined)) return [];
  const conjuncts = (w: unknown): unknown[] => (w && typeof w === 'object' && !Array.isArray(w) && 'and' in w && Array.isArray((w as { and: unknown }).and) ? (w as { and: unknown[] }).and : [w]);
  const [first, ...rest] = wheres.map((w) => conjuncts(w));
  const others = rest.map((list) => new Set(list.map((c) => JSON.stringify(c))));
  return first!.filter((c) => others.every((set) => set.has(JSON.stringify(c))));
}

/** Every field the measures read: in their conditions, their values, their grouping and month. */
export function fieldsRead(measures: AggregateMeasureDefinition[]): string[] {
  const out = new Set<string>();
  const walk = (e: unknown) => {
    if (!e || typeof e !== 'object') return;
    if (Array.isArray(e)) return e.forEach(walk);
    for (const [op, arg] of Object.entries(e)) {
      if (op === 'var' && typeof arg === 'string') out.add(arg);
      else walk(arg);
    }
  };
  for (const m of measures) {
    walk(m.where);
    for (const v of [m.sum, m.max, m.min, m.avg, ...Object.values(m.items ?? {})]) typeof v === 'string' ? out.add(v) : walk(v);
    for (const f of [m.countDistinct, m.groupBy, m.month, m.orderBy]) if (f !== undefined) out.add(f);
  }
  return [...out];
}
