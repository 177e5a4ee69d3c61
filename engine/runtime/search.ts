import type { NamedSearchDefinition, ServiceDefinition, SearchCriterion } from '../definitions/index.ts';
import { invalid, invalidFields, type ErrorDetail } from '../errors/index.ts';
import type { FigureWindow } from '../billing/index.ts';
import type { CompiledPersister, Criteria, Filter, MappedColumn } from '../persister/index.ts';
import { pageCriteria } from '../validation/index.ts';

export interface SearchRequest {
  tenantId: string;
  filters: { param: string; criterion: SearchCriterion; values: unknown[] }[];
  /** Billing figures asked to be settled (zero, negative or none) or not. */
  settled: { param: string; field: string; settled: boolean }[];
  /** Receipt dates bounding the collected figure. */
  window: FigureWindow;
  offset: number;
  limit: number;
  /** A root-table column, or (figure) an entity field filled from billing. */
  sort: { column: string } | { figure: string };
  sortOrder: 'asc' | 'desc';
}

const BUILT_IN = new Set(['tenantId', 'offset', 'limit', 'sortBy', 'sortOrder']);

/**
 * What one search route takes: the service's search, or a named search with its own criteria,
 * criteria a request must give, conditions every answer meets, and page sizes.
 */
export interface SearchView {
  criteria: Record<string, SearchCriterion>;
  require?: string[];
  requireAny?: string[];
  filters?: Record<string, string | number | boolean | null>;
  defaultLimit?: number;
  maxLimit?: number;
}

/** The view of the service's own search route. */
export const mainSearchView = (svc: ServiceDefinition): SearchView => ({ criteria: svc.search.criteria });

/** A named search's view: its own criteria and those it takes from the service's search. */
export function namedSearchView(svc: ServiceDefinition, named: NamedSearchDefinition): SearchView {
  const used = Object.fromEntries((named.use ?? []).map((name) => [name, svc.search.criteria[name]!]));
  return { criteria: { ...used, ...(named.criteria ?? {}) }, require: named.require, requireAny: named.requireAny, filters: named.filters, defaultLimit: named.defaultLimit, maxLimit: named.maxLimit };
}

const given = (value: unknown) => value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);

/** Criteria as DIGIT clients send them: query parameters (text) and/or body fields, query first. */
export function readSearchRequest(svc: ServiceDefinition, persister: CompiledPersister, raw: Record<string, unknown>, view: SearchView = mainSearchView(svc)): SearchRequest {
  const details: ErrorDetail[] = [];
  const tenantId = raw.tenantId;
  if (typeof tenantId !== 'string' || tenantId === '') throw invalid('INVALID_TENANT_ID', 'tenantId is required to search', '$.tenantId');
  for (const name of view.require ?? []) {
    if (!given(raw[name])) details.push({ code: 'REQUIRED_FIELD_MISSING', message: `${name} is required by this search`, path: `$.${name}` });
  }
  if (view.requireAny && !view.requireAny.some((name) => given(raw[name]))) {
    details.push({ code: 'INVALID_SEARCH_CRITERIA', message: `give at least one of ${view.requireAny.join(', ')}`, path: `$.${view.requireAny[0]}` });
  }
  const filters: SearchRequest['filters'] = [];
  const settled: SearchRequest['settled'] = [];
  for (const [param, value] of Object.entries(raw)) {
    if (BUILT_IN.has(param) || value === undefined || value === null || value === '') continue;
    if (!Object.hasOwn(view.criteria, param)) continue; // DIGIT clients send extra keys (RequestInfo, view flags); unknown criteria are ignored.
    const criterion = view.criteria[param]!;
    if (criterion.match === 'settled') {
      const flag = value === true || value === 'true' ? true : value === false || value === 'false' ? false : undefined;
      if (flag === undefined) details.push({ code: 'INVALID_SEARCH_CRITERIA', message: `${param} must be true or false`, path: `$.${param}` });
      else settled.push({ param, field: criterion.field, settled: flag });
      continue;
    }
    const list = criterion.match === 'in' ? toList(value) : Array.isArray(value) ? value : [value];
    if (criterion.match !== 'in' && list.length !== 1) {
      details.push({ code: 'INVALID_SEARCH_CRITERIA', message: `${param} takes one value`, path: `$.${param}` });
      continue;
    }
    const column = persister.columnFor(criterion.field)!.column;
    // Spaces around a typed text are not meant (DIGIT trims a searched name).
    const values = list.map((v) => coerce(column, typeof v === 'string' ? v.trim() : v));
    if (values.some((v) => v === undefined)) {
      details.push({ code: 'INVALID_SEARCH_CRITERIA', message: `${param} must be ${column.type === 'boolean' ? 'true or false' : 'a number'}`, path: `$.${param}` });
      continue;
    }
    if (values.length > 0) filters.push({ param, criterion, values });
  }
  const maxLimit = view.maxLimit ?? svc.search.maxLimit ?? 100;
  const { offset, limit } = pageCriteria(raw, { defaultLimit: view.defaultLimit ?? svc.search.defaultLimit ?? Math.min(10, maxLimit), maxLimit, allLimit: svc.search.allLimit }, details);
  const sort = svc.search.sort;
  const sortBy = raw.sortBy === undefined || raw.sortBy === '' ? sort?.default : String(raw.sortBy);
  let sortOn: SearchRequest['sort'] = { column: persister.lastModifiedColumn?.column ?? persister.root.primaryKey.column };
  if (sort && sortBy !== undefined) {
    const field = sortFieldOf(sort, sortBy);
    if (!field) details.push({ code: 'INVALID_SORT_BY', message: `sortBy must be one of ${Object.keys(sort.fields).join(', ')}`, path: '$.sortBy' });
    else sortOn = svc.search.billing && field in svc.search.billing.fields ? { figure: field } : { column: persister.columnFor(field)!.column.column };
  } else if (sortBy !== undefined) {
    details.push({ code: 'INVALID_SORT_BY', message: 'this search does not support sortBy', path: '$.sortBy' });
  }
  const order = String(raw.sortOrder ?? sort?.order ?? 'desc').toLowerCase();
  if (order !== 'asc' && order !== 'desc') details.push({ code: 'INVALID_SORT_ORDER', message: 'sortOrder must be ASC or DESC', path: '$.sortOrder' });
  const window = windowOf(svc, raw, details);
  if (details.length > 0) throw invalidFields(details);
  return { tenantId, filters, settled, window, offset, limit, sort: sortOn, sortOrder: order as 'asc' | 'desc' };
}

/** The request's bounds of the collected figure, from the parameters the definition names. */
function windowOf(svc: ServiceDefinition, raw: Record<string, unknown>, details: ErrorDetail[]): FigureWindow {
  const names = svc.search.billing?.window ?? {};
  const window: FigureWindow = {};
  for (const end of ['from', 'to'] as const) {
    const param = names[end];
    const value = param === undefined ? undefined : raw[param];
    if (param === undefined || value === undefined || value === null || value === '') continue;
    const n = Number(value);
    if (Number.isSafeInteger(n)) window[end] = n;
    else details.push({ code: 'INVALID_SEARCH_CRITERIA', message: `${param} must be a time in epoch milliseconds`, path: `$.${param}` });
  }
  return window;
}

/** The entity field a sortBy value names: exactly, or whatever its case where the definition allows. */
function sortFieldOf(sort: NonNullable<ServiceDefinition['search']['sort']>, sortBy: string): string | undefined {
  if (Object.hasOwn(sort.fields, sortBy)) return sort.fields[sortBy];
  if (!sort.ignoreCase) return undefined;
  const key = Object.keys(sort.fields).find((name) => name.toLowerCase() === sortBy.toLowerCase());
  return key === undefined ? undefined : sort.fields[key];
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


/** The request's filters as the table layer's criteria: the tenant's records (a state's include its GPs'). */
export function criteriaOf(request: SearchRequest): Criteria {
  return {
    tenant: { id: request.tenantId, scope: 'within' },
    filters: request.filters.map((f): Filter => ({ fields: [f.criterion.field, ...(f.criterion.orFields ?? [])], match: f.criterion.match as Filter['match'], caseInsensitive: f.criterion.caseInsensitive, values: f.values })),
  };
}
