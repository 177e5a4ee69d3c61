/**
 * A list search criterion as DIGIT clients send it: repeated (`?id=a&id=b`), comma-separated
 * (`?ids=a,b`), or a JSON array. Empty means "not given".
 */
export function listCriterion(value: unknown): string[] | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const items = (Array.isArray(value) ? value : [value]).flatMap((x) => String(x).split(',')).map((x) => x.trim()).filter(Boolean);
  return items.length > 0 ? items : undefined;
}
