/**
 * `value` without its null-valued object keys, at every depth: where null means "not given"
 * (DIGIT clients send every key of their models). Null items of a list are values, not absent
 * fields: they stay, for the schema to judge. Keys are copied as own properties, so a
 * `__proto__` key stays a plain key and never reaches a prototype.
 */
export function withoutNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => (item === null ? item : withoutNulls(item))) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, withoutNulls(v)]),
  ) as T;
}
