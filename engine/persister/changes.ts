import type { MappedColumn, RecordTables } from './mapped.ts';
import { unstoredPart } from './rest.ts';
import { getPath, toColumnValue } from './values.ts';

/** A value with object keys sorted, so stored JSON (jsonb reorders keys) compares equal to what was sent. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));
}

function storedForm(column: MappedColumn, value: unknown): string {
  const v = toColumnValue(column, value);
  return canonical(column.type === 'json' && typeof v === 'string' ? JSON.parse(v) : v);
}

/**
 * The entity fields whose stored form would change from `before` to `after`: root columns by their
 * path, child arrays by theirs. Fields in `ignore` (audit, engine-managed status) are left out.
 */
export function changedFields(p: RecordTables, before: unknown, after: unknown, ignore: string[]): string[] {
  const skipped = (path: string) => ignore.some((i) => path === i || path.startsWith(`${i}.`));
  const changed: string[] = [];
  for (const c of p.root.columns) {
    const path = c.path.join('.');
    if (!skipped(path) && storedForm(c, getPath(before, c.path)) !== storedForm(c, getPath(after, c.path))) changed.push(path);
  }
  if (p.root.rest) {
    const { stored } = p.root.rest;
    changed.push(...differingPaths(unstoredPart(before, stored), unstoredPart(after, stored), '').filter((path) => !skipped(path)));
  }
  for (const child of p.children) {
    const rows = (entity: unknown) => {
      const items = getPath(entity, child.arrayPath);
      return canonical((Array.isArray(items) ? items : []).map((item) => [...child.columns.map((c) => storedForm(c, getPath(item, c.path))), child.rest && canonical(unstoredPart(item, child.rest.stored))]));
    };
    if (rows(before) !== rows(after)) changed.push(child.arrayPath.join('.'));
  }
  return changed;
}

/** The deepest paths at which two rest values differ. */
function differingPaths(a: unknown, b: unknown, prefix: string): string[] {
  const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (prefix === '' || (isObject(a) && isObject(b))) {
    const x = isObject(a) ? a : {};
    const y = isObject(b) ? b : {};
    return [...new Set([...Object.keys(x), ...Object.keys(y)])].flatMap((k) => differingPaths(x[k], y[k], prefix ? `${prefix}.${k}` : k));
  }
  return canonical(a) === canonical(b) ? [] : [prefix];
}
