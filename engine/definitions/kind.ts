import type { DefinitionProblem } from './problem.ts';
import type { Sourced } from './source.ts';

export type JsonSchema = Record<string, unknown>;

/** What the engine itself serves and provides, which definitions may use or must not take. */
export interface EngineFacts {
  /** Ids of the engine's own endpoints, which access policies may grant. */
  engineEndpoints: Set<string>;
  /** Engine endpoints that decide themselves where callers without a token may go on (an access grant may open them so). */
  endpointsDecidingAnonymous: Set<string>;
  /** Routes the engine serves itself, which definitions may not take. */
  engineRoutes: Set<string>;
  /** The role scheduled jobs act with. */
  systemRole: string;
  /** Fields of the engine's own data an aggregate may read, by source name. */
  engineSources: Record<string, string[]>;
}

/**
 * A definition kind: where its files live, the JSON Schema they must meet (the one source of truth:
 * its TypeScript types are generated from it), its cross-checks, and what the registry keeps of it.
 * `File` is a file as written; `Value` is what the registry holds under `key`.
 */
export interface Kind<Key extends string, File, Value> {
  /** Names it in messages ("a service definition ...") and its file in schemas/ (`service.schema.json`). */
  name: string;
  /** Folder under the definitions root holding its files, with `/` separators; the most specific folder wins. */
  folder: string;
  /** What its files are, in the list of where kinds live: "put <plural> in <folder>/". */
  plural: string;
  /** How its files sit in the folder, when that is worth saying (`<tenant>/`). */
  layout?: string;
  schema: JsonSchema;
  /** Where the registry keeps its value: `registry.<key>`. */
  key: Key;
  /** Kinds whose values its checks read with `ctx.value`: their checks run first. */
  after?: readonly string[];
  /** Checks its files against each other, the other kinds and the engine; gives what the registry keeps. */
  check(files: Sourced<File>[], ctx: CheckContext): Checked<Value>;
  /** Its part of `seva validate`'s summary, e.g. "5 service(s)". */
  count(value: Value): string;
}

// `any` lets one list hold kinds of every file and value type; each kind is typed where it is declared.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyKind = Kind<string, any, any>;
export type FileOf<K> = K extends Kind<string, infer F, unknown> ? F : never;
export type ValueOf<K> = K extends Kind<string, unknown, infer V> ? V : never;

export interface Checked<Value> {
  value: Value;
  problems: DefinitionProblem[];
}

/** What a kind's checks see besides its own files. */
export interface CheckContext {
  engine: EngineFacts;
  /** The files of a kind that met its schema (every file is read and schema-checked before any check runs). */
  files<K extends AnyKind>(kind: K): Sourced<FileOf<K>>[];
  /** Some file of the kind failed to load: a name the others refer to may be in it, so say nothing of it. */
  incomplete(kind: AnyKind): boolean;
  /** What a kind named in `after` gave the registry. */
  value<K extends AnyKind>(kind: K): ValueOf<K>;
}

/** The registry's value of kinds whose files each give one value: the files' values, in order. */
export function valuesOf<T>(files: Sourced<T>[]): T[] {
  return files.map((f) => f.value);
}
