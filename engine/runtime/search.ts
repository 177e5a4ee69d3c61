import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { ServiceDefinition, SearchCriterion } from '../definitions/index.ts';
import { invalid, invalidFields, type ErrorDetail } from '../errors/index.ts';
import type { CompiledPersister, MappedColumn } from '../persister/index.ts';
import { escapeLike, withinTenant } from '../store/index.ts';
import { wholeNumberCriterion } from '../validation/index.ts';

export interface SearchRequest {
  tenantId: string;
  filters: { param: string; criterion: SearchCriterion; values: unknown[] }[];
  offset: number;
  limit: number;
  /** A root-table column, or (figure) an entity field filled from billing. */
  sort: { column: string } | { figure: string };
  sortOrder: 'asc' | 'desc';
}

const BUILT_IN = new Set(['tenantId', 'offset', 'limit', 'sortBy', 'sortOrder']);

/** Criteria as DIGIT clients send them: query parameters (text) and/or body fields, query first. */
export function readSearchRequest(svc: ServiceDefinition, persister: CompiledPersister, raw: Record<string, unknown>): SearchRequest {
  const details: ErrorDetail[] = [];
  const tenantId = raw.tenantId;
  if (typeof tenantId !== 'string' || tenantId === '') throw invalid('INVALID_TENANT_ID', 'tenantId is required to search', '$.tenantId');
  const filters: SearchRequest['filters'] = [];
  for (const [param, value] of Object.entries(raw)) {
    if (BUILT_IN.has(param) || value === undefined || value === null || value === '') continue;
    const criterion = svc.search.criteria[param];
    if (!criterion) continue; // DIGIT clients send extra keys (RequestInfo, view flags); unknown criteria are ignored.
    const list = criterion.match === 'in' ? toList(value) : Array.isArray(value) ? value : [value];
    if (criterion.match !== 'in' && list.length !== 1) {
      details.push({ code: 'INVALID_SEARCH_CRITERIA', message: `${param} takes one value`, path: `$.${param}` });
      continue;
    }
    const column = persister.columnFor(criterion.field)!.column;
    const values = list.map((v) => coerce(column, v));
    if (values.some((v) => v === undefined)) {
      details.push({ code: 'INVALID_SEARCH_CRITERIA', message: `${param} must be ${column.type === 'boolean' ? 'true or false' : 'a number'}`, path: `$.${param}` });
      continue;
    }
    if (values.length > 0) filters.push({ param, criterion, values });
  }
  const maxLimit = svc.search.maxLimit ?? 100;
  const offset = wholeNumberCriterion(raw.offset, 0, 'offset', details);
  // Like DIGIT, a limit above the maximum is lowered to it rather than refused.
  const limit = Math.min(wholeNumberCriterion(raw.limit, svc.search.defaultLimit ?? Math.min(10, maxLimit), 'limit', details, 1), maxLimit);
  const sort = svc.search.sort;
  const sortBy = raw.sortBy === undefined || raw.sortBy === '' ? sort?.default : String(raw.sortBy);
  let sortOn: SearchRequest['sort'] = { column: persister.lastModifiedColumn?.column ?? persister.root.primaryKey.column };
  if (sort && sortBy !== undefined) {
    const field = sort.fields[sortBy];
    if (!field) details.push({ code: 'INVALID_SORT_BY', message: `sortBy must be one of ${Object.keys(sort.fields).join(', ')}`, path: '$.sortBy' });
    else sortOn = svc.search.billing && field in svc.search.billing.fields ? { figure: field } : { column: persister.columnFor(field)!.column.column };
  } else if (sortBy !== undefined) {
    details.push({ code: 'INVALID_SORT_BY', message: 'this search does not support sortBy', path: '$.sortBy' });
  }
  const order = String(raw.sortOrder ?? sort?.order ?? 'desc').toLowerCase();
  if (order !== 'asc' && order !== 'desc') details.push({ code: 'INVALID_SORT_ORDER', message: 'sortOrder must be ASC or DESC', path: '$.sortOrder' });
  if (details.length > 0) throw invalidFields(details);
  return { tenantId, filters, offset, limit, sort: sortOn, sortOrder: order as 'asc' | 'desc' };
}

function toList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value.flatMap(toList);
  if (typeof value === 'string') return value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  return [value];
}

function coerce(column: MappedColumn, value: unknown): unknown {
  if (column.type === 'boolean') return value === true || value === 'true' ? true : value === false || value === 'false' ? false : undefined;
  if (column.type === 'integer' || column.type === 'bigint' || column.type === 'numeric') {
    const n = typeof value === 'number' ? value : Number(String(value));
    return Number.isFinite(n) ? n : undefined;
  }
  return String(value);
}


function columnCondition(eb: ExpressionBuilder<any, any>, ref: string, f: SearchRequest['filters'][number]): Expression<SqlBool> {
  const { match, caseInsensitive } = f.criterion;
  const col = sql.ref(ref);
  const lowered = sql`lower(${col})`;
  const text = (v: unknown) => String(v).toLowerCase();
  switch (match) {
    case 'exact':
      return caseInsensitive ? eb(lowered, '=', text(f.values[0])) : eb(col, '=', f.values[0]);
    case 'in':
      return caseInsensitive ? eb(lowered, 'in', f.values.map(text)) : eb(col, 'in', f.values);
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

/** Every filter as one condition on the root table; child-table filters become EXISTS subqueries. */
export function whereOf(p: CompiledPersister, request: SearchRequest) {
  return (eb: ExpressionBuilder<any, any>) => {
    const conditions: Expression<SqlBool>[] = [withinTenant(`${p.root.table}.${p.tenantColumn.column}`, request.tenantId)];
    for (const f of request.filters) {
      const fields = [f.criterion.field, ...(f.criterion.orFields ?? [])];
      const any = fields.map((field) => fieldCondition(eb, p, field, f));
      conditions.push(any.length === 1 ? any[0]! : eb.or(any));
    }
    return eb.and(conditions);
  };
}

/** One criterion on one field: on the root table, or an EXISTS over the child table holding it. */
function fieldCondition(eb: ExpressionBuilder<any, any>, p: CompiledPersister, field: string, f: SearchRequest['filters'][number]): Expression<SqlBool> {
  const hit = p.columnFor(field)!;
  if (!hit.child) return columnCondition(eb, `${p.root.table}.${hit.column.column}`, f);
  const child = hit.child;
  return eb.exists(
    eb
      .selectFrom(child.table)
      .select(sql.lit(1).as('one'))
      .whereRef(`${child.table}.${child.parentColumn}`, '=', `${p.root.table}.${p.root.primaryKey.column}`)
      .where((inner) => columnCondition(inner, `${child.table}.${hit.column.column}`, f)),
  );
}
