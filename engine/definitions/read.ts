import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { kindOfPath, notAKindMessage } from './folders.ts';
import type { AnyKind } from './kind.ts';
import type { DefinitionProblem } from './problem.ts';
import { parseSource, problemAt, type Sourced } from './source.ts';
import { validateKind } from './validate-kind.ts';

/** The files of each kind that met its schema, the kinds that had a file fail, and every problem found. */
export interface ReadFiles {
  files: Map<AnyKind, Sourced<unknown>[]>;
  failed: Set<AnyKind>;
  problems: DefinitionProblem[];
}

export function listYamlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...listYamlFiles(path));
    // JSON is YAML too: a DIGIT config exported as JSON can be dropped in as it is.
    else if (/\.(ya?ml|json)$/.test(entry)) out.push(path);
  }
  return out;
}

/** Parses each file, finds its kind by its folder and checks it against the kind's schema. */
export function readDefinitionFiles(root: string, paths: string[], kinds: readonly AnyKind[]): ReadFiles {
  const files = new Map<AnyKind, Sourced<unknown>[]>(kinds.map((k) => [k, []]));
  const failed = new Set<AnyKind>();
  const problems: DefinitionProblem[] = [];
  for (const path of paths) {
    const rel = relative(root, path).split(sep).join('/');
    const display = relative(process.cwd(), path) || path;
    const parsed = parseSource(display, readFileSync(path, 'utf8'));
    const kind = kindOfPath(rel);
    if (!parsed.source) {
      problems.push(...parsed.problems);
      if (kind) failed.add(kind);
      continue;
    }
    if (!kind) {
      problems.push({ file: display, line: 1, col: 1, message: notAKindMessage(rel) });
      continue;
    }
    if (parsed.source.data === null || typeof parsed.source.data !== 'object') {
      problems.push(problemAt(parsed.source, [], `a ${kind.name} definition must be a YAML mapping`));
      failed.add(kind);
      continue;
    }
    const kindProblems = validateKind(kind, parsed.source);
    problems.push(...kindProblems);
    if (kindProblems.length === 0) files.get(kind)!.push({ value: parsed.source.data, source: parsed.source });
    else failed.add(kind);
  }
  return { files, failed, problems };
}
