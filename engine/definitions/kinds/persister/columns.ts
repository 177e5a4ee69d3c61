import type { ColumnDefinition, PersisterDefinition } from './types.generated.ts';

/** A column as written (a path, or a path and a type), with the type filled in. */
export function columnOf(def: string | ColumnDefinition): Required<ColumnDefinition> {
  return typeof def === 'string' ? { path: def, type: 'text' } : { path: def.path, type: def.type ?? 'text' };
}

/** Paths of the entity (relative to it) that a persister stores in a root-table column. */
export function rootColumnPaths(persister: PersisterDefinition): Map<string, string> {
  return new Map(Object.entries(persister.columns).map(([column, def]) => [columnOf(def).path, column]));
}
