import { checkOrder } from './check-order.ts';
import type { AnyKind, CheckContext, EngineFacts, FileOf, ValueOf } from './kind.ts';
import { kinds } from './kinds/index.ts';
import { sortProblems, type DefinitionProblem } from './problem.ts';
import { listYamlFiles, readDefinitionFiles, type ReadFiles } from './read.ts';
import { buildRegistry, type Registry } from './registry.ts';
import type { Sourced } from './source.ts';

export type LoadOptions = EngineFacts;

/** `problems` stop the definitions from loading; `warnings` are worth reading but do not. */
export type LoadResult =
  | { registry: Registry; problems: []; warnings: DefinitionProblem[] }
  | { registry?: undefined; problems: DefinitionProblem[]; warnings: DefinitionProblem[] };

/** Reads, checks and cross-checks every definition under `root`; reports every problem found in one go. */
export function loadDefinitions(root: string, options: LoadOptions): LoadResult {
  let paths: string[];
  try {
    paths = listYamlFiles(root);
  } catch (err) {
    return { problems: [{ file: root, line: 1, col: 1, message: `cannot read the definitions directory: ${(err as Error).message}` }], warnings: [] };
  }
  const read = readDefinitionFiles(root, paths, kinds);
  const problems = [...read.problems];
  const values = new Map<AnyKind, unknown>();
  for (const kind of checkOrder(kinds)) {
    const checked = kind.check(read.files.get(kind)!, contextFor(kind, options, read, values));
    problems.push(...checked.problems);
    values.set(kind, checked.value);
  }

  const warnings = sortProblems(problems.filter((p) => p.severity === 'warning'));
  const errors = problems.filter((p) => p.severity !== 'warning');
  if (errors.length > 0) return { problems: sortProblems(errors), warnings };
  return { registry: buildRegistry(root, values), problems: [], warnings };
}

/** What `kind`'s checks see: every kind's files, which kinds failed, and the values of the kinds it waits for. */
function contextFor(kind: AnyKind, engine: EngineFacts, read: ReadFiles, values: Map<AnyKind, unknown>): CheckContext {
  return {
    engine,
    files: <K extends AnyKind>(other: K) => read.files.get(other) as Sourced<FileOf<K>>[],
    incomplete: (other) => read.failed.has(other),
    value: <K extends AnyKind>(other: K) => {
      if (!kind.after?.includes(other.name)) throw new Error(`the ${kind.name} checks read the ${other.name} value: name '${other.name}' in its 'after'`);
      return values.get(other) as ValueOf<K>;
    },
  };
}
