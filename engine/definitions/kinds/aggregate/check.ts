import { templateProblems } from '../../../rules/index.ts';
import type { DefinitionProblem } from '../../problem.ts';
import { problemAt, type PathSegment, type Sourced } from '../../source.ts';
import type { AggregateDefinition, AggregateJoinDefinition } from './types.generated.ts';

/** The operations an aggregate's conditions and expressions may use (each becomes SQL). */
export const AGGREGATE_OPERATIONS = ['and', 'or', '!', '==', '!=', '<', '<=', '>', '>=', 'in', '+', '-', '*', 'if', 'var', 'row', 'param'] as const;
const OPERATIONS = new Set<string>(AGGREGATE_OPERATIONS);

export interface AggregateCheckContext {
  roles: Set<string>;
  /** Fields of each source an aggregate may read: the engine's own and every service's. */
  sources: Map<string, Set<string>>;
  /** Routes already taken (the engine's, services', summaries'). */
  takenRoutes: Set<string>;
}

/** An aggregate's sources, fields, parameters and measures all exist; its routes are free. */
export function checkAggregates(aggregates: Sourced<AggregateDefinition>[], ctx: AggregateCheckContext): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const names = new Map<string, string>();
  const routes = new Set(ctx.takenRoutes);
  for (const { value: a, source } of aggregates) {
    const at = (path: PathSegment[], message: string) => problems.push(problemAt(source, path, message));
    if (names.has(a.aggregate)) at(['aggregate'], `aggregate '${a.aggregate}' is already defined in ${names.get(a.aggregate)}`);
    names.set(a.aggregate, source.file);
    if (routes.has(a.path)) at(['path'], `route POST ${a.path} is already taken`);
    routes.add(a.path);
    a.roles.forEach((role, i) => {
      if (!ctx.roles.has(role)) at(['roles', i], `unknown role '${role}': it is not in the ACCESSCONTROL-ROLES.roles master`);
    });
    const params = new Set(['tenantId', ...Object.keys(a.params ?? {}), ...Object.keys(a.let ?? {})]);
    for (const [name, rule] of Object.entries(a.let ?? {})) for (const p of templateProblems(rule, ['let', name])) at(p.path, p.message);
    const known = (set: Set<string>) => [...set].join(', ') || 'none';

    /** The fields readable as {"var"} over a source and its join; undefined (reported) when a source is unknown. */
    const fieldsOf = (from: string, join: AggregateJoinDefinition | undefined, path: PathSegment[]): Set<string> | undefined => {
      const base = ctx.sources.get(from);
      if (!base) {
        at([...path, 'from'], `unknown source '${from}' (known: ${[...ctx.sources.keys()].join(', ')})`);
        return undefined;
      }
      if (!join) return base;
      const joined = ctx.sources.get(join.from);
      if (!joined) {
        at([...path, 'join', 'from'], `unknown source '${join.from}' (known: ${[...ctx.sources.keys()].join(', ')})`);
        return undefined;
      }
      if ([...base].some((f) => f === join.as || f.startsWith(`${join.as}.`))) at([...path, 'join', 'as'], `'${join.as}' is a field of source '${from}': name the join otherwise`);
      if (!base.has(join.on[0])) at([...path, 'join', 'on', 0], `'${join.on[0]}' is not a field of source '${from}' (known: ${known(base)})`);
      if (!joined.has(join.on[1])) at([...path, 'join', 'on', 1], `'${join.on[1]}' is not a field of source '${join.from}' (known: ${known(joined)})`);
      return new Set([...base, ...[...joined].map((f) => `${join.as}.${f}`)]);
    };

    const rows = a.rows;
    let rowFields: Set<string> | undefined = new Set();
    /** The fields a row source's condition reads (a grouped row has fewer of its own). */
    let rowSourceFields: Set<string> | undefined;
    if (rows && 'months' in rows) {
      rowFields = new Set(['monthStart', 'monthEnd']);
      for (const key of ['from', 'to'] as const) {
        if (!params.has(rows.months[key])) at(['rows', 'months', key], `'${rows.months[key]}' is not a parameter (known: ${known(params)})`);
      }
    } else if (rows) {
      const fields = fieldsOf(rows.from, rows.join, ['rows']);
      rowFields = fields;
      rowSourceFields = fields;
      if (rows.groupBy) {
        rows.groupBy.forEach((f, i) => {
          if (fields && !fields.has(f)) at(['rows', 'groupBy', i], `'${f}' is not a field of source '${rows.from}'${rows.join ? ` or ${rows.join.as}.<field of ${rows.join.from}>` : ''} (known: ${known(fields)})`);
        });
        rowFields = new Set(rows.groupBy);
      }
    }

    /** Walks a condition or expression: operations known, fields, row fields and parameters exist. */
    const walk = (expr: unknown, path: PathSegment[], vars: Set<string> | undefined, what: string) => {
      if (expr === null || typeof expr !== 'object') return;
      if (Array.isArray(expr)) {
        expr.forEach((e, i) => walk(e, [...path, i], vars, what));
        return;
      }
      const keys = Object.keys(expr);
      if (keys.length !== 1) {
        at(path, `an operation is an object with one key, found ${keys.length} (${keys.join(', ')})`);
        return;
      }
      const op = keys[0]!;
      const arg = (expr as Record<string, unknown>)[op];
      if (!OPERATIONS.has(op)) {
        at([...path, op], `unknown operation '${op}' (known: ${AGGREGATE_OPERATIONS.join(', ')})`);
        return;
      }
      const ref = (set: Set<string> | undefined, kind: string) => {
        if (typeof arg !== 'string') at([...path, op], `${op} takes a name`);
        else if (set && !set.has(arg)) at([...path, op], `'${arg}' is not ${kind} (known: ${known(set)})`);
      };
      if (op === 'var') return ref(vars, what);
      if (op === 'param') return ref(params, 'a parameter');
      if (op === 'row') {
        if (!rows) return at([...path, op], 'this aggregate has no rows to read a field of');
        return ref(rowFields, 'a field of the row');
      }
      walk(arg, [...path, op], vars, what);
    };

    const measureNames = new Set(Object.keys(a.measures));
    if (measureNames.size === 0 && !(rows && !('months' in rows))) at(['measures'], 'an aggregate without rows of a source answers its measures: give at least one');
    for (const [name, m] of Object.entries(a.measures)) {
      const path = ['measures', name];
      const fields = fieldsOf(m.from, m.join, path);
      const kind = `a field of source '${m.from}'${m.join ? ` or ${m.join.as}.<field of ${m.join.from}>` : ''}`;
      walk(m.where, [...path, 'where'], fields, kind);
      for (const key of ['sum', 'max', 'min', 'avg'] as const) {
        const v = m[key];
        if (v === undefined) continue;
        if (typeof v === 'string') {
          if (fields && !fields.has(v)) at([...path, key], `'${v}' is not ${kind} (known: ${known(fields)})`);
        } else walk(v, [...path, key], fields, kind);
      }
      for (const [key, v] of Object.entries(m.items ?? {})) {
        if (typeof v === 'string') {
          if (fields && !fields.has(v)) at([...path, 'items', key], `'${v}' is not ${kind} (known: ${known(fields)})`);
        } else walk(v, [...path, 'items', key], fields, kind);
      }
      if (m.orderBy !== undefined) {
        if (m.items === undefined) at([...path, 'orderBy'], 'orderBy orders the records of items, but this measure has no items');
        else if (fields && !fields.has(m.orderBy)) at([...path, 'orderBy'], `'${m.orderBy}' is not ${kind} (known: ${known(fields)})`);
      }
      if (m.since !== undefined) {
        const times = a.measures[m.since];
        if (m.month === undefined) at([...path, 'since'], 'since needs month: the time field that puts a record in a row');
        if (!times) at([...path, 'since'], `'${m.since}' is not a measure of this aggregate (known: ${known(measureNames)})`);
        else if (times.since !== undefined) at([...path, 'since'], `'${m.since}' is itself taken since another measure: name a measure giving each row its time`);
        else if (times.max === undefined && times.min === undefined) at([...path, 'since'], `'${m.since}' must give each row a time (a max or min)`);
      }
      if (m.month !== undefined) {
        if (!rows || !('months' in rows)) at([...path, 'month'], 'month puts records in the month of a row, but this aggregate has no month rows');
        if (fields && !fields.has(m.month)) at([...path, 'month'], `'${m.month}' is not ${kind} (known: ${known(fields)})`);
        if (m.groupBy !== undefined) at([...path, 'groupBy'], 'a measure taken month by month cannot also be grouped by a field');
        if (m.before && m.countDistinct !== undefined) at([...path, 'before'], 'distinct counts of separate months cannot be added up: count them month by month');
        if (JSON.stringify(m.where ?? null).includes('"row"')) at([...path, 'where'], 'a measure taken month by month reads its month from month, not from the row');
      } else if (m.before) at([...path, 'before'], 'before needs month');
      if (m.list && m.groupBy === undefined) at([...path, 'list'], 'list answers the groups of groupBy as a list: give groupBy too');
      if (m.round && m.sum === undefined && m.avg === undefined) at([...path, 'round'], 'round applies to a sum or an average');
      for (const key of ['countDistinct', 'groupBy'] as const) {
        const v = m[key];
        if (v !== undefined && fields && !fields.has(v)) at([...path, key], `'${v}' is not ${kind} (known: ${known(fields)})`);
      }
    }
    if (rows && !('months' in rows)) {
      walk(rows.where, ['rows', 'where'], rowSourceFields, `a field of source '${rows.from}'`);
      walk(rows.having, ['rows', 'having'], measureNames, 'a measure');
      (rows.sort ?? []).forEach((s, i) => {
        if (!measureNames.has(s.by) && rowFields && !rowFields.has(s.by)) at(['rows', 'sort', i, 'by'], `'${s.by}' is neither a field of the row nor a measure`);
      });
    }
    if (a.row !== undefined && !rows) at(['row'], 'row shapes each row, but this aggregate has no rows');
    if (a.rowLet !== undefined && a.row === undefined) at(['rowLet'], 'rowLet gives row more values, but this aggregate has no row template');
    for (const [name, rule] of Object.entries(a.rowLet ?? {})) {
      if (measureNames.has(name)) at(['rowLet', name], `'${name}' is already a measure: name the value otherwise`);
      for (const p of templateProblems(rule, ['rowLet', name])) at(p.path, p.message);
    }
    for (const p of templateProblems(a.row, ['row'])) at(p.path, p.message);
    for (const p of templateProblems(a.result, ['result'])) at(p.path, p.message);
  }
  return problems;
}
