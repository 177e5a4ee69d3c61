/**
 * A declared mask: the answer's value at `path` (dots; arrays on the way are walked item by item)
 * is shown with every character but the first `keepFirst` and last `keepLast` replaced by `*`,
 * as DIGIT shows personal data to anonymous callers (`******8888`).
 */
export interface MaskRule {
  path: string;
  keepFirst?: number;
  keepLast?: number;
}

/** The text with all but its first and last few characters starred; other values are withheld (null). */
export function maskValue(value: unknown, rule: MaskRule): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value !== 'string') return null;
  const chars = [...value];
  const first = Math.min(rule.keepFirst ?? 0, chars.length);
  const last = Math.min(rule.keepLast ?? 0, chars.length - first);
  return chars.map((c, i) => (i < first || i >= chars.length - last || c === ' ' ? c : '*')).join('');
}

/** A copy of `answer` with every masked path applied; paths that are absent are left alone. */
export function maskAnswer<T>(answer: T, rules: readonly MaskRule[]): T {
  const copy = structuredClone(answer);
  for (const rule of rules) apply(copy, rule.path.split('.'), rule);
  return copy;
}

function apply(at: unknown, path: string[], rule: MaskRule): void {
  if (Array.isArray(at)) {
    for (const item of at) apply(item, path, rule);
    return;
  }
  if (!at || typeof at !== 'object' || path.length === 0) return;
  const [head, ...rest] = path as [string, ...string[]];
  const record = at as Record<string, unknown>;
  if (!Object.hasOwn(record, head)) return;
  if (rest.length === 0) {
    record[head] = Array.isArray(record[head]) ? (record[head] as unknown[]).map((v) => maskValue(v, rule)) : maskValue(record[head], rule);
  } else {
    apply(record[head], rest, rule);
  }
}

/**
 * True when `shown` is `value` as a mask shows it: as long, every character the same or starred,
 * at least one starred (a client echoing back what an anonymous look-up showed it).
 */
export function isMaskOf(shown: string, value: string): boolean {
  const s = [...shown];
  const v = [...value];
  return s.length === v.length && s.includes('*') && s.every((c, i) => c === '*' || c === v[i]);
}
