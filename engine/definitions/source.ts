import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { DefinitionProblem } from './problem.ts';

export type PathSegment = string | number;

/** One YAML file, parsed with source positions so any value can be pointed at by its path. */
export interface SourceFile {
  /** Path as shown to people (relative to the working directory). */
  file: string;
  doc: Document.Parsed;
  lines: LineCounter;
  data: unknown;
}

export type ParseResult = { source: SourceFile; problems: [] } | { source?: undefined; problems: DefinitionProblem[] };

/**
 * Parsed documents by their text: definitions are checked again and again in one process (every
 * start, `validate`, a test's fixtures), and most files have not changed in between. Documents are
 * only read after parsing; each parse still gets its own data.
 */
const parseYaml = (text: string, lines: LineCounter) => parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
const parsedByText = new Map<string, { doc: ReturnType<typeof parseYaml>; lines: LineCounter }>();
const PARSED_MAX = 1024;

function parseCached(text: string) {
  let parsed = parsedByText.get(text);
  if (!parsed) {
    const lines = new LineCounter();
    parsed = { doc: parseYaml(text, lines), lines };
    if (parsedByText.size >= PARSED_MAX) parsedByText.delete(parsedByText.keys().next().value!);
    parsedByText.set(text, parsed);
  }
  return parsed;
}

export function parseSource(file: string, text: string): ParseResult {
  const { doc, lines } = parseCached(text);
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => {
        const pos = lines.linePos(e.pos[0]);
        return { file, line: pos.line, col: pos.col, message: `invalid YAML: ${firstLine(e.message)}` };
      }),
    };
  }
  return { source: { file, doc, lines, data: doc.toJS({ maxAliasCount: 100 }) }, problems: [] };
}

function firstLine(s: string): string {
  return s.split('\n')[0] ?? s;
}

/**
 * The position of the node at `path`, or of the nearest ancestor that exists (a missing field is
 * reported where its parent is). With `key`, the position of the map key rather than its value.
 */
export function locate(source: SourceFile, path: readonly PathSegment[], key = false): { line: number; col: number } {
  let node: unknown = source.doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(seg));
      if (!pair) break;
      const last = i === path.length - 1;
      if (last && key) {
        offset = rangeStart(pair.key) ?? offset;
        break;
      }
      node = pair.value;
      offset = rangeStart(node) ?? rangeStart(pair.key) ?? offset;
    } else if (isSeq(node) && /^\d+$/.test(String(seg))) {
      const item = node.items[Number(seg)];
      if (item === undefined) break;
      node = item;
      offset = rangeStart(node) ?? offset;
    } else {
      break;
    }
  }
  const pos = source.lines.linePos(offset);
  return { line: pos.line, col: pos.col };
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}

/** A problem at `path` in `source`. */
export function problemAt(source: SourceFile, path: readonly PathSegment[], message: string, key = false): DefinitionProblem {
  return { file: source.file, ...locate(source, path, key), message };
}

/** A definition together with the file it came from, so later checks can point into it. */
export interface Sourced<T> {
  value: T;
  source: SourceFile;
}
