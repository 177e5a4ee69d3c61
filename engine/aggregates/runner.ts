import { sql } from 'kysely';
import type { AggregateDefinition, AggregateMeasureDefinition, AggregateMonthRows, AggregateSourceRows } from '../definitions/index.ts';
import { invalidFields, notFound, type ErrorDetail } from '../errors/index.ts';
import type { Mdms } from '../mdms/index.ts';
import { evaluateTemplate, type RuleContext } from '../rules/index.ts';
import type { Db } from '../store/index.ts';
import { pageCriteria } from '../validation/index.ts';
import { monthlyValues, monthsBetween } from './months.ts';
import { readParams } from './params.ts';
import { combinedQueries, measureColumns, sourceRowsSql, textMeasures, unknownSource, type QueryContext } from './query.ts';
import type { DataSource } from './source.ts';

export interface AggregateDeps {
  db: Db;
  /** The sources aggregates read: the engine's own and each service's, by name. */
  sources: Map<string, DataSource>;
  mdms: () => Mdms;
  now: () => number;
  timeZone: string;
}

type Row = Record<string, unknown>;
type Shape = (row: Row, measures: Row) => unknown;
/** A query's `m:<name>` columns as measures. */
type Measures = (row: Row) => Row;

/** Configured aggregate queries (aggregates/): each compiled to SQL per request and answered in the shape it defines. */
export class AggregateRunner {
  private readonly byName: Map<string, AggregateDefinition>;

  constructor(
    readonly definitions: AggregateDefinition[],
    private readonly deps: AggregateDeps,
  ) {
    this.byName = new Map(definitions.map((d) => [d.aggregate, d]));
  }

  /** Answers the aggregate for `tenantId` with the request's parameters (query string and body). */
  async run(name: string, tenantId: string, raw: Record<string, unknown>): Promise<unknown> {
    const def = this.byName.get(name);
    if (!def) throw notFound('AGGREGATE_NOT_FOUND', `no aggregate '${name}'`);
    const now = this.deps.now();
    const context: RuleContext = { mdms: this.deps.mdms(), timeZone: this.deps.timeZone };
    const params = readParams(def.params ?? {}, raw, now, context);
    for (const [key, rule] of Object.entries(def.let ?? {})) params[key] = evaluateTemplate(rule, { params, now, tenantId }, context);
    const ctx: QueryContext = { tenantId, params, source: (s) => this.deps.sources.get(s) ?? unknownSource(s) };
    const base = { params, tenantId, now };
    const shape = (row: Row, measures: Row) => {
      if (def.row === undefined) return { ...row, ...measures };
      const data: Row = { ...base, row, ...measures };
      for (const [key, rule] of Object.entries(def.rowLet ?? {})) data[key] = evaluateTemplate(rule, data, context);
      return evaluateTemplate(def.row, data, context);
    };
    const text = textMeasures(def, ctx);
    const measures: Measures = (row) => measuresOf(row, text);
    const rows = def.rows;
    const answer = !rows
      ? await this.figures(def, ctx, measures)
      : 'months' in rows
        ? await this.months(def, rows, ctx, raw, shape, measures)
        : await this.records(def, rows, ctx, raw, shape, measures);
    const result = evaluateTemplate(def.result, { ...base, ...answer }, context);
    // A paged answer states the page it gives (a limit=-1 shows its cap), unless the result names it.
    const { page, totalCount } = answer as { page?: { offset: number; limit: number }; totalCount?: number };
    if (page && result && typeof result === 'object' && !Array.isArray(result) && !('Pagination' in result)) {
      return { ...result, Pagination: { offSet: page.offset, limit: page.limit, totalCount } };
    }
    return result;
  }

  /** One set of figures: a scan per source, and each grouped measure on its own (side by side on Postgres). */
  private async figures(def: AggregateDefinition, ctx: QueryContext, readMeasures: Measures): Promise<Row> {
    const entries = Object.entries(def.measures);
    const grouped = entries.filter(([, m]) => m.groupBy !== undefined).map(([name]) => name);
    const answers = await Promise.all([
      ...combinedQueries(entries.filter(([, m]) => m.groupBy === undefined), ctx).map((q) => this.select(q.query)),
      ...grouped.map((name) => this.select(sql`SELECT ${sql.join(measureColumns(def, ctx, undefined, [name]))}`)),
    ]);
    return Object.assign({}, ...answers.map(([row]) => readMeasures(row ?? {})));
  }

  /**
   * A row per month: month-by-month measures from one scan per source, the others asked per month;
   * then the measures whose rows begin at another measure's times (`since`), one scan each.
   */
  private async months(def: AggregateDefinition, rows: AggregateMonthRows, ctx: QueryContext, raw: Row, shape: Shape, readMeasures: Measures): Promise<Row> {
    const all = monthsBetween(Number(ctx.params[rows.months.from]), Number(ctx.params[rows.months.to]), this.deps.timeZone);
    const page = rows.page ? readPage(rows, raw) : { offset: 0, limit: all.length };
    const entries = Object.entries(def.measures);
    const since = entries.filter(([, m]) => m.since !== undefined);
    // A row that begins at a measure's time runs to the next row's, which may lie past the page: every month is worked out.
    const months = since.length > 0 ? all : all.slice(page.offset, page.offset + page.limit);
    const cut = <T>(list: T[]) => (since.length > 0 ? list.slice(page.offset, page.offset + page.limit) : list);
    const paged = rows.page ? { page } : {};
    if (cut(months).length === 0) return { rows: [], totalCount: all.length, ...paged };
    const byMonth = entries.filter(([, m]) => m.month !== undefined && m.since === undefined);
    const correlated = entries.filter(([, m]) => m.month === undefined).map(([name]) => name);
    const span = { starts: months.map((m) => m.monthStart), last: months[months.length - 1]!.monthEnd };
    const values = sql.join(months.map((m) => sql`(${m.monthStart}::bigint, ${m.monthEnd}::bigint)`));
    const row = (field: string) => (field === 'monthStart' ? sql`r.month_start` : sql`r.month_end`);
    const perMonth = correlated.length > 0 ? sql`, ${sql.join(measureColumns(def, ctx, row, correlated))}` : sql``;
    const [found, ...buckets] = await Promise.all([
      this.select(sql`SELECT r.month_start AS "f:monthStart", r.month_end AS "f:monthEnd"${perMonth} FROM (VALUES ${values}) AS r(month_start, month_end) ORDER BY r.month_start`),
      ...combinedQueries(byMonth, ctx, span).map((q) => this.select(q.query)),
    ]);
    const monthly = monthlyValues(byMonth, buckets.flat());
    const figures = found.map((r, i) => ({ ...readMeasures(r), ...monthly(i + 1) }));
    for (const [name, measures] of groupsBySince(since)) await this.addSince(figures, name, measures, ctx);
    const shaped = cut(found.map((r, i) => [r, figures[i]!] as const)).map(([r, v]) => shape({ monthStart: Number(r['f:monthStart']), monthEnd: Number(r['f:monthEnd']) }, v));
    return { rows: shaped, totalCount: all.length, ...paged };
  }

  /**
   * Measures whose rows begin at the times measure `name` gives them (when each month's bill was
   * made): a record goes to the row with the latest time at or before its own; ties go to the
   * later row; rows without a time take none.
   */
  private async addSince(values: Row[], name: string, measures: [string, AggregateMeasureDefinition][], ctx: QueryContext): Promise<void> {
    const times = values
      .map((v, i) => ({ i, t: v[name] }))
      .filter((x): x is { i: number; t: number | string } => (typeof x.t === 'number' || typeof x.t === 'string') && x.t !== '')
      .map(({ i, t }) => ({ i, t: Number(t) }))
      .sort((a, b) => a.t - b.t || a.i - b.i);
    const buckets = times.length === 0 ? [] : await Promise.all(combinedQueries(measures, ctx, { starts: times.map((x) => x.t) }).map((q) => this.select(q.query)));
    const valueOf = monthlyValues(measures, buckets.flat());
    const none = monthlyValues(measures, [])(1);
    const position = new Map(times.map((x, k) => [x.i, k + 1]));
    values.forEach((v, i) => Object.assign(v, position.has(i) ? valueOf(position.get(i)!) : none));
  }

  /** A page of a source's records, each with its measures, and how many records there are in all. */
  private async records(def: AggregateDefinition, rows: AggregateSourceRows, ctx: QueryContext, raw: Row, shape: Shape, readMeasures: Measures): Promise<Row> {
    const page = readPage(rows, raw);
    const q = sourceRowsSql(def, rows, ctx, page);
    const [found, [count]] = await Promise.all([this.select(q.pageSql), this.select(q.countSql)]);
    return { rows: found.map((r) => shape(fieldsOf(r, q.fieldNames, q.fieldType), readMeasures(r))), totalCount: Number(count!.n), page: { offset: page.offset, limit: page.limit } };
  }

  private async select(query: ReturnType<typeof sql>): Promise<Row[]> {
    const result = await query.execute(this.deps.db);
    return result.rows as Row[];
  }
}

/**
 * `m:<name>` columns as measures; numbers (text from Postgres for numeric and count) as numbers,
 * except the measures in `text` (the max of a text field: an old connection number of digits stays text).
 */
function measuresOf(row: Row, text: Set<string>): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    if (!key.startsWith('m:')) continue;
    const name = key.slice(2);
    const numeric = typeof value === 'bigint' || (typeof value === 'string' && !text.has(name) && value.trim() !== '' && Number.isFinite(Number(value)));
    out[name] = numeric ? Number(value) : value;
  }
  return out;
}

/** Measures taken `since` another measure's times, grouped by that measure. */
function groupsBySince(measures: [string, AggregateMeasureDefinition][]): Map<string, [string, AggregateMeasureDefinition][]> {
  const groups = new Map<string, [string, AggregateMeasureDefinition][]>();
  for (const entry of measures) groups.set(entry[1].since!, [...(groups.get(entry[1].since!) ?? []), entry]);
  return groups;
}

/** `f:<path>` columns as a nested record. */
function fieldsOf(row: Row, names: string[], type: (name: string) => 'text' | 'number' | 'boolean'): Row {
  const out: Row = {};
  for (const name of names) {
    let value = row[`f:${name}`];
    if (value !== null && value !== undefined && type(name) === 'number') value = Number(value);
    const parts = name.split('.');
    let at = out;
    for (const p of parts.slice(0, -1)) at = (at[p] ??= {}) as Row;
    at[parts[parts.length - 1]!] = value ?? null;
  }
  return out;
}

function readPage(rows: { page?: AggregateSourceRows['page'] }, raw: Record<string, unknown>): { offset: number; limit: number; order?: 'asc' | 'desc' } {
  const details: ErrorDetail[] = [];
  const max = rows.page?.maxLimit ?? 1000;
  const { offset, limit } = pageCriteria(raw, { defaultLimit: rows.page?.defaultLimit ?? Math.min(100, max), maxLimit: max, allLimit: rows.page?.allLimit }, details);
  const sortOrder = raw.sortOrder === undefined || raw.sortOrder === '' ? undefined : String(raw.sortOrder).toLowerCase();
  if (sortOrder !== undefined && sortOrder !== 'asc' && sortOrder !== 'desc') details.push({ code: 'INVALID_SORT_ORDER', message: 'sortOrder must be ASC or DESC', path: '$.sortOrder' });
  if (details.length > 0) throw invalidFields(details);
  return { offset, limit, order: sortOrder as 'asc' | 'desc' | undefined };
}
