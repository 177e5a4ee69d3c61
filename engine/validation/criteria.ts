import type { ErrorDetail } from '../errors/index.ts';

/**
 * A list search criterion as DIGIT clients send it: repeated (`?id=a&id=b`), comma-separated
 * (`?ids=a,b`), or a JSON array. Empty means "not given".
 */
export function listCriterion(value: unknown): string[] | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const items = (Array.isArray(value) ? value : [value]).flatMap((x) => String(x).split(',')).map((x) => x.trim()).filter(Boolean);
  return items.length > 0 ? items : undefined;
}

/**
 * A whole-number criterion (offset, limit): `fallback` when not given; below `min` or not whole,
 * an INVALID_PAGINATION detail is added and `fallback` used.
 */
export function wholeNumberCriterion(value: unknown, fallback: number, name: string, details: ErrorDetail[], min = 0): number {
  if (value === undefined || value === null || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    details.push({ code: 'INVALID_PAGINATION', message: `${name} must be a whole number of at least ${min}`, path: `$.${name}` });
    return fallback;
  }
  return n;
}
