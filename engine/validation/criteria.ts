import { invalid, type ErrorDetail } from '../errors/index.ts';

/** Most values a list criterion may name (a query takes at most 65,535 parameters in all). */
export const MAX_LIST_VALUES = 1000;

/**
 * A list search criterion as DIGIT clients send it: repeated (`?id=a&id=b`), comma-separated
 * (`?ids=a,b`), or a JSON array. Empty means "not given"; more than MAX_LIST_VALUES is a 400
 * (at `$.<name>` when the caller names it).
 */
export function listCriterion(value: unknown, name?: string): string[] | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const items = (Array.isArray(value) ? value : [value]).flatMap((x) => String(x).split(',')).map((x) => x.trim()).filter(Boolean);
  if (items.length > MAX_LIST_VALUES) {
    throw invalid('INVALID_SEARCH_CRITERIA', `${name ?? 'a list criterion'} names ${items.length} values; at most ${MAX_LIST_VALUES} are taken`, name ? `$.${name}` : undefined);
  }
  return items.length > 0 ? items : undefined;
}

/**
 * A whole-number search criterion (an epoch, a period bound): undefined when not given, else a
 * whole number a database column holds exactly, or a 400 naming it.
 */
export function integerCriterion(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw invalid('INVALID_SEARCH_CRITERIA', `${name} must be a whole number`, `$.${name}`);
  return n;
}

/**
 * A whole-number criterion (offset, limit): `fallback` when not given; below `min` or not whole,
 * an INVALID_PAGINATION detail is added and `fallback` used.
 */
export function wholeNumberCriterion(value: unknown, fallback: number, name: string, details: ErrorDetail[], min = 0): number {
  if (value === undefined || value === null || value === '') return fallback;
  const n = Number(value);
  // Beyond 2^53 a number is not exact, and a database's offset would overflow.
  if (!Number.isSafeInteger(n) || n < min) {
    details.push({ code: 'INVALID_PAGINATION', message: `${name} must be a whole number of at least ${min} and at most ${Number.MAX_SAFE_INTEGER}`, path: `$.${name}` });
    return fallback;
  }
  return n;
}

export interface PageLimits {
  defaultLimit: number;
  maxLimit: number;
  /** DIGIT's `limit=-1` ("all") returns up to this many; without it, -1 is refused (or, quietly, the maximum). */
  allLimit?: number;
}

/** DIGIT clients ask for every match with `limit=-1`. */
function asksForAll(limit: unknown): boolean {
  return limit === -1 || (typeof limit === 'string' && limit.trim() === '-1');
}

/**
 * `offset` and `limit` of a search request; like DIGIT, a limit above the maximum is lowered to it
 * rather than refused. With `details`, a value that is not a whole number (or a limit below 1) is
 * reported there (INVALID_PAGINATION); without, it quietly falls back to the default, as DIGIT's
 * billing and collection searches do.
 */
export function pageCriteria(raw: Record<string, unknown>, limits: PageLimits, details?: ErrorDetail[]): { offset: number; limit: number } {
  // Leniently, what is not a whole number a database takes (beyond 2^53 it is not exact) is not given.
  const whole = (v: unknown, fallback: number) => (Number.isSafeInteger(Number(v)) ? Number(v) : fallback);
  if (asksForAll(raw.limit)) {
    const offset = details ? wholeNumberCriterion(raw.offset, 0, 'offset', details) : Math.max(0, whole(raw.offset ?? 0, 0));
    if (limits.allLimit !== undefined) return { offset, limit: limits.allLimit };
    details?.push({ code: 'INVALID_PAGINATION', message: `limit=-1 (all) is not offered by this search; ask for at most ${limits.maxLimit}`, path: '$.limit' });
    return { offset, limit: limits.maxLimit };
  }
  if (details) {
    const offset = wholeNumberCriterion(raw.offset, 0, 'offset', details);
    return { offset, limit: Math.min(wholeNumberCriterion(raw.limit, limits.defaultLimit, 'limit', details, 1), limits.maxLimit) };
  }
  const offset = Math.max(0, whole(raw.offset ?? 0, 0));
  return { offset, limit: Math.min(Math.max(1, whole(raw.limit ?? limits.defaultLimit, limits.defaultLimit) || limits.defaultLimit), limits.maxLimit) };
}
