import type { AnyKind, ValueOf } from './kind.ts';
import { kinds } from './kinds/index.ts';

type Kinds = (typeof kinds)[number];

/** Everything the definitions say, checked and ready for the engine to compile: each kind's value under its key. */
export type Registry = { root: string } & { [K in Kinds as K['key']]: ValueOf<K> };

/** The registry from each kind's checked value. */
export function buildRegistry(root: string, values: Map<AnyKind, unknown>): Registry {
  return { root, ...Object.fromEntries(kinds.map((k: AnyKind) => [k.key, values.get(k)])) } as Registry;
}

/** What the registry holds, kind by kind: "5 service(s), 5 persister(s), ...". */
export function registryCounts(registry: Registry): string {
  const byKey = registry as unknown as Record<string, unknown>;
  return kinds.map((k: AnyKind) => k.count(byKey[k.key])).join(', ');
}
