import type { AnyKind } from './kind.ts';
import { kinds } from './kinds/index.ts';

/** Folders of the layout whose kinds later versions of the engine read; files there are refused for now. */
export const reservedFolders = ['indexer'];

/** The kind whose folder holds a file (path relative to the definitions root); the most specific folder wins. */
export function kindOfPath(relativePath: string): AnyKind | undefined {
  const matches = kinds.filter((k) => relativePath.startsWith(`${k.folder}/`));
  return matches.sort((a, b) => b.folder.length - a.folder.length)[0];
}

/** Why a file outside every kind's folder is not read, and where each kind goes instead. */
export function notAKindMessage(relativePath: string): string {
  const reserved = reservedFolders.find((f) => relativePath.startsWith(`${f}/`));
  if (reserved) return `definitions under ${reserved}/ are not read by this version of the engine yet`;
  const where = kinds.map((k: AnyKind) => `${k.plural} in ${k.folder}/${k.layout ?? ''}`);
  return `no definition kind lives at '${relativePath}': put ${where.join(', ')}`;
}

/** File names of the JSON Schemas written to `schemas/`, one per kind. */
export function schemaFileName(kind: AnyKind): string {
  return `${kind.name}.schema.json`;
}
