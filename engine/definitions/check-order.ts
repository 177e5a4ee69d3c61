import type { AnyKind } from './kind.ts';

/** The kinds in list order, each moved after the kinds its `after` names (whose values its checks read). */
export function checkOrder(kinds: readonly AnyKind[]): AnyKind[] {
  const byName = new Map(kinds.map((k) => [k.name, k]));
  const ordered: AnyKind[] = [];
  const visiting = new Set<AnyKind>();
  const place = (kind: AnyKind) => {
    if (ordered.includes(kind)) return;
    if (visiting.has(kind)) throw new Error(`definition kinds wait for each other: ${[...visiting].map((k) => k.name).join(' → ')} → ${kind.name}`);
    visiting.add(kind);
    for (const name of kind.after ?? []) {
      const first = byName.get(name);
      if (!first) throw new Error(`kind '${kind.name}' waits for '${name}', which is not a kind`);
      place(first);
    }
    visiting.delete(kind);
    ordered.push(kind);
  };
  kinds.forEach(place);
  return ordered;
}
