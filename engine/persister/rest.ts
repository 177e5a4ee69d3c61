/**
 * The rest column: what of an entity (or child item) no mapped column stores, kept as one JSON
 * object and merged back on read, so a field a client sends is never dropped on the way to the table.
 */

/** The paths mapped columns store: `true` stores the whole value there; a tree stores some of its keys. */
export type StoredPaths = Map<string, StoredPaths | true>;

export function storedPaths(paths: readonly (readonly string[])[]): StoredPaths {
  const root: StoredPaths = new Map();
  // Shorter paths first, so a value stored whole (a json column) wins over columns for its parts.
  for (const path of [...paths].sort((a, b) => a.length - b.length)) {
    let node = root;
    for (const [i, seg] of path.entries()) {
      const next = node.get(seg);
      if (next === true) break;
      if (i === path.length - 1) node.set(seg, true);
      else if (next) node = next;
      else {
        const created: StoredPaths = new Map();
        node.set(seg, created);
        node = created;
      }
    }
  }
  return root;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The part of `value` no stored path covers, or undefined when columns store all of it. `null` counts as absent. */
export function unstoredPart(value: unknown, stored: StoredPaths): Record<string, unknown> | undefined {
  if (!isPlainObject(value)) return undefined;
  const rest: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined || v === null) continue;
    const node = stored.get(key);
    if (node === true) continue;
    // Where columns expect an object but something else came, keep it whole rather than lose it.
    const part = node && isPlainObject(v) ? unstoredPart(v, node) : v;
    if (part !== undefined) rest[key] = part;
  }
  return Object.keys(rest).length > 0 ? rest : undefined;
}

/** Puts a stored rest back into a value rebuilt from its columns (the two never overlap). */
export function mergeRest(target: Record<string, unknown>, rest: unknown): void {
  if (!isPlainObject(rest)) return;
  for (const [key, v] of Object.entries(rest)) {
    const existing = target[key];
    if (isPlainObject(existing) && isPlainObject(v)) mergeRest(existing, v);
    else if (existing === undefined) target[key] = v;
  }
}
