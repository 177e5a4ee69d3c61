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

/** A GP sees its own records; a state sees its own and its GPs'. */
export function tenantScope(column: Sql, tenantId: string): Sql {
  return tenantId.includes('.') ? sql`${column} = ${tenantId}` : sql`(${column} = ${tenantId} OR ${column} LIKE ${`${tenantId.replace(/[\\%_]/g, (c) => `\\${c}`)}.%`})`;
}

/** A source with its optional join, placed under `prefix`: its FROM text and how to read its fields. */
export function placeWithJoin(ctx: QueryContext, from: string, join: AggregateJoinDefinition | undefined, prefix: string) {
  const base = place(ctx.source(from), prefix);
  const joined = join ? place(ctx.source(join.from), `${prefix}j`) : undefined;
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

/** One measure as a scalar subquery; `row` reads the enclosing row's fields (correlated). */
export function measureSql(m: AggregateMeasureDefinition, ctx: QueryContext, row?: ExprScope['row']): Sql {
  const placed = placeWithJoin(ctx, m.from, m.join, nextPrefix());
  const scope: ExprScope = { field: placed.field, row, param: (name) => (name === 'tenantId' ? ctx.tenantId : ctx.params[name]) };
  const value = (v: unknown) => (typeof v === 'string' ? placed.field(v) : toSql(v, scope));
  const agg: Sql =
    m.sum !== undefined
      ? sql`COALESCE(SUM(${value(m.sum)}), 0)`
      : m.count
        ? sql`COUNT(*)`
        : m.countDistinct !== undefined
          ? sql`COUNT(DISTINCT ${placed.field(m.countDistinct)})`
          : m.max !== undefined
            ? sql`MAX(${value(m.max)})`
            : sql`MIN(${value(m.min)})`;
  const where = sql`${tenantScope(placed.base.tenant, ctx.tenantId)}${m.where === undefined ? sql`` : sql` AND ${toSql(m.where, scope)}`}`;
  if (m.groupBy === undefined) return sql`(SELECT ${agg} FROM ${placed.from} WHERE ${where})`;
  const key = placed.field(m.groupBy);
  return sql`(SELECT COALESCE(json_object_agg(g.k, g.v), '{}') FROM (SELECT ${key} AS k, ${agg} AS v FROM ${placed.from} WHERE ${where} AND ${key} IS NOT NULL GROUP BY ${key}) g)`;
}

const quote = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);

/** Every measure, aliased `m:<name>`. */
export function measureColumns(def: AggregateDefinition, ctx: QueryContext, row?: ExprScope['row']): Sql[] {
  return Object.entries(def.measures).map(([name, m]) => sql`${measureSql(m, ctx, row)} AS ${quote(`m:${name}`)}`);
}

/** The rows of a source with their measures: the page asked for, and how many rows there are in all. */
export function sourceRowsSql(def: AggregateDefinition, rows: AggregateSourceRows, ctx: QueryContext, page: { offset: number; limit: number; order?: 'asc' | 'desc' }) {
  const placed = placeWithJoin(ctx, rows.from, rows.join, 'r');
  const scope: ExprScope = { field: placed.field, param: (name) => (name === 'tenantId' ? ctx.tenantId : ctx.params[name]) };
  const fieldNames = [...placed.base.fieldNames, ...(rows.join && placed.joined ? placed.joined.fieldNames.map((f) => `${rows.join!.as}.${f}`) : [])];
  const fields = fieldNames.map((f) => sql`${placed.field(f)} AS ${quote(`f:${f}`)}`);
  const where = sql`${tenantScope(placed.base.tenant, ctx.tenantId)}${rows.where === undefined ? sql`` : sql` AND ${toSql(rows.where, scope)}`}`;
  const row = (name: string) => placed.field(name);
  const inner = (withMeasures: boolean) => sql`SELECT ${sql.join([...fields, ...(withMeasures ? measureColumns(def, ctx, row) : [])])} FROM ${placed.from} WHERE ${where}`;
  const outerScope: ExprScope = {
    field: (measure) => sql`q.${quote(`m:${measure}`)}`,
    row: (name) => sql`q.${quote(`f:${name}`)}`,
    param: scope.param,
  };
  const having = rows.having === undefined ? sql`TRUE` : toSql(rows.having, outerScope);
  const sorts = (rows.sort ?? []).map((s, i) => {
    const order = i === 0 && page.order ? page.order : (s.order ?? 'asc');
    const ref = s.by in def.measures ? outerScope.field(s.by) : outerScope.row!(s.by);
    return sql`${ref} ${sql.raw(order === 'desc' ? 'DESC NULLS LAST' : 'ASC NULLS FIRST')}`;
  });
  const tieBreak = sql`q.${quote(`f:${fieldNames[0]}`)}`;
  const pageSql = sql`SELECT * FROM (${inner(true)}) q WHERE ${having} ORDER BY ${sql.join([...sorts, tieBreak])} OFFSET ${page.offset} LIMIT ${page.limit}`;
  const countSql = sql`SELECT count(*) AS n FROM (${inner(rows.having !== undefined)}) q WHERE ${having}`;
  return { pageSql, countSql, fieldNames, fieldType: placed.type };
}

export function unknownSource(name: string): never {
  throw new SevaError('internal', 'AGGREGATE_UNKNOWN_SOURCE', `no source '${name}'`);
}
