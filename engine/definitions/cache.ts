import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadDefinitions, type LoadOptions, type LoadResult } from './load.ts';
import { listYamlFiles } from './read.ts';

/** Where checked definitions are remembered across processes, and for which build of the engine. */
export interface DefinitionsCache {
  dir: string;
  /** Identifies the engine build: definitions checked by another build are checked again. */
  version: string;
}

/** Checked definitions of this process, by content key, as JSON (each use gets its own objects). */
const remembered = new Map<string, string>();
const REMEMBERED_MAX = 8;

/**
 * `loadDefinitions`, remembered by content: definitions that loaded cleanly are not read and
 * checked again while their files, the engine build and the engine facts are the same (a restart,
 * or a test starting the engine again). A problem is never remembered, so a broken definition is
 * always reported from a real check, and `seva validate` always checks.
 */
export function loadDefinitionsRemembered(root: string, options: LoadOptions, cache?: DefinitionsCache): LoadResult {
  const key = contentKey(root, options, cache?.version ?? 'this-process');
  if (key === undefined) return loadDefinitions(root, options);
  const known = remembered.get(key) ?? (cache ? readCached(cache, key) : undefined);
  if (known !== undefined) return JSON.parse(known, reviver) as LoadResult;
  const result = loadDefinitions(root, options);
  if (!result.registry) return result;
  const json = JSON.stringify(result, replacer);
  if (remembered.size >= REMEMBERED_MAX) remembered.delete(remembered.keys().next().value!);
  remembered.set(key, json);
  if (cache) writeCached(cache, key, json);
  return result;
}

/** A hash of every definition file (path and content), the engine facts and the version; none if the files cannot be read. */
function contentKey(root: string, options: LoadOptions, version: string): string | undefined {
  const hash = createHash('sha256').update(`${version}\0${process.cwd()}\0${root}\0${JSON.stringify(options, replacer)}`);
  try {
    for (const path of listYamlFiles(root)) hash.update(`\0${relative(root, path)}\0`).update(readFileSync(path));
  } catch {
    return undefined;
  }
  return hash.digest('hex');
}

function readCached(cache: DefinitionsCache, key: string): string | undefined {
  try {
    return readFileSync(join(cache.dir, `${key}.json`), 'utf8');
  } catch {
    return undefined;
  }
}

/** Writes the entry whole (renamed into place) and drops the others: one set of definitions is current. */
function writeCached(cache: DefinitionsCache, key: string, json: string): void {
  try {
    mkdirSync(cache.dir, { recursive: true });
    const temporary = join(cache.dir, `${key}.${process.pid}.tmp`);
    writeFileSync(temporary, json);
    renameSync(temporary, join(cache.dir, `${key}.json`));
    for (const entry of readdirSync(cache.dir)) if (entry !== `${key}.json` && !entry.endsWith('.tmp')) rmSync(join(cache.dir, entry), { force: true });
  } catch {
    // A cache that cannot be written (a read-only install) only means the next start checks again.
  }
}

// The registry holds Maps and Sets (master data, grants); JSON keeps them tagged.
const replacer = (_key: string, value: unknown) => (value instanceof Map ? { $map: [...value] } : value instanceof Set ? { $set: [...value] } : value);
const reviver = (_key: string, value: unknown) => {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  if ('$map' in value) return new Map((value as { $map: [unknown, unknown][] }).$map);
  if ('$set' in value) return new Set((value as { $set: unknown[] }).$set);
  return value;
};
