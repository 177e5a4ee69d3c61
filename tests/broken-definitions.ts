import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parse } from 'yaml';
import type { DefinitionProblem } from '../engine/definitions/index.ts';

export interface BrokenCase {
  name: string;
  description: string;
  edits: { file: string; replace?: string; with?: string; content?: string }[];
  expect: { at: string; message: string };
}

const FIXTURES = 'tests/fixtures/broken-definitions';

export function brokenCases(): BrokenCase[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ name: f.replace(/\.yaml$/, ''), ...(parse(readFileSync(join(FIXTURES, f), 'utf8')) as Omit<BrokenCase, 'name'>) }));
}

/** A copy of the shipped definitions with the case's edits applied; returns its root. */
export function materialize(c: BrokenCase): string {
  const root = join(mkdtempSync(join(tmpdir(), `seva-${c.name}-`)), 'definitions');
  cpSync('definitions', root, { recursive: true });
  for (const edit of c.edits) {
    const path = join(root, edit.file);
    if (edit.content !== undefined) {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, edit.content);
      continue;
    }
    const text = readFileSync(path, 'utf8');
    if (!text.includes(edit.replace!)) throw new Error(`${c.name}: '${edit.replace}' is not in ${edit.file}`);
    writeFileSync(path, text.replace(edit.replace!, edit.with ?? ''));
  }
  return root;
}

/** A problem as `file:line:col: message` with the file relative to the definitions root. */
export function located(root: string, p: DefinitionProblem): string {
  return `${relative(root, resolve(p.file))}:${p.line}:${p.col}: ${p.message}`;
}
