import Handlebars from 'handlebars';
import vm from 'node:vm';
import type { LocalizedMessage } from '../../../localization/index.ts';
import type { DefinitionProblem } from '../../problem.ts';
import { problemAt, type Sourced } from '../../source.ts';
import type { PDFDataConfig, PDFDefinition, PDFFormatConfig } from './types.generated.ts';

type DataFile = PDFDataConfig;
type FormatFile = PDFFormatConfig;
export type PdfDataConfig = DataFile['DataConfigs'];
export type PdfFormatConfig = FormatFile['config'];

/** One PDF key: what its variables are and how the document looks. */
export interface PdfKey {
  key: string;
  data: PdfDataConfig;
  format: PdfFormatConfig;
}

/** Variables every document has besides its data config's. */
export const BUILT_IN_VARIABLES = ['tenantId', 'locale', 'publicUrl', 'now'];

/** Why a DIGIT script (a function body, or a formula with its placeholders filled) does not compile. */
function scriptProblem(source: string, kind: 'function' | 'formula'): string | undefined {
  try {
    new vm.Script(kind === 'function' ? `(function () {\n${source}\n})` : `(\n${source}\n)`);
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

const isData = (f: PDFDefinition): f is DataFile => 'DataConfigs' in f;

/** The variables a data config defines, each with where (in the file) it is defined. */
export function variablesOf(data: PdfDataConfig): { name: string; at: (string | number)[] }[] {
  const out: { name: string; at: (string | number)[] }[] = [];
  data.mappings.forEach((group, g) =>
    (group.mappings ?? []).forEach((m, i) => {
      const at = ['DataConfigs', 'mappings', g, 'mappings', i];
      (m.direct ?? []).forEach((d, j) => out.push({ name: d.variable, at: [...at, 'direct', j] }));
      (m.externalAPI ?? []).forEach((e, j) => e.responseMapping.forEach((r, k) => out.push({ name: r.variable, at: [...at, 'externalAPI', j, 'responseMapping', k] })));
      (m.derived ?? []).forEach((d, j) => out.push({ name: d.variable, at: [...at, 'derived', j] }));
    }),
  );
  return out;
}

/** The first name of every path a Handlebars template reads (`{{a.b}}` → a; helpers' arguments too). */
export function placeholdersOf(template: string): Set<string> {
  const names = new Set<string>();
  const visit = (node: unknown, blockDepth: number): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n.type === 'PathExpression') {
      const path = n as unknown as hbs.AST.PathExpression;
      // Inside a block, names are the items' own fields: only the root's are checked.
      if (blockDepth === 0 && !path.data && path.parts.length > 0 && path.depth === 0 && !path.original.startsWith('this')) names.add(path.parts[0]!);
      return;
    }
    const isBlock = n.type === 'BlockStatement';
    for (const [k, v] of Object.entries(n)) {
      if (k === 'loc') continue;
      const depth = isBlock && (k === 'program' || k === 'inverse') ? blockDepth + 1 : blockDepth;
      if (Array.isArray(v)) v.forEach((c) => visit(c, depth));
      else visit(v, depth);
    }
  };
  visit(Handlebars.parse(template), 0);
  return names;
}

const HELPERS = new Set(['amount', 'words', 'if', 'unless', 'each', 'with', 'lookup']);

/** Every string of a format config with where it is. */
function* stringsOf(value: unknown, at: (string | number)[]): Generator<{ text: string; at: (string | number)[] }> {
  if (typeof value === 'string') yield { text: value, at };
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* stringsOf(value[i], [...at, i]);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* stringsOf(v, [...at, k]);
}

/**
 * Pairs each key's data and format configs, and checks what they say of each other: every
 * placeholder of the format is a variable of the data config (or built in), every label code a
 * message of the labels' module in every locale shipped, every script compiles.
 */
export function checkPdfKeys(files: Sourced<PDFDefinition>[], messages: LocalizedMessage[], messagesIncomplete: boolean): { value: Map<string, PdfKey>; problems: DefinitionProblem[] } {
  const problems: DefinitionProblem[] = [];
  const data = new Map<string, Sourced<DataFile>>();
  const format = new Map<string, Sourced<FormatFile>>();
  for (const file of files) {
    const into = isData(file.value) ? data : format;
    const other = into.get(file.value.key);
    if (other) problems.push(problemAt(file.source, ['key'], `PDF key '${file.value.key}' already has a ${isData(file.value) ? 'data' : 'format'} config in ${other.source.file}`));
    else into.set(file.value.key, file as never);
  }
  const value = new Map<string, PdfKey>();
  const locales = [...new Set(messages.map((m) => m.locale))];
  const known = new Set(messages.map((m) => `${m.locale}\u0000${m.module}\u0000${m.code}`));
  for (const [key, d] of data) {
    const f = format.get(key);
    if (!f) {
      problems.push(problemAt(d.source, ['key'], `PDF key '${key}' has no format config: add one ({key: ${key}, config: ...}) beside it`));
      continue;
    }
    const config = d.value.DataConfigs;
    const variables = new Set([...variablesOf(config).map((v) => v.name), ...BUILT_IN_VARIABLES]);
    for (const { text, at } of stringsOf(f.value.config, ['config'])) {
      if (!text.includes('{{')) continue;
      let names: Set<string>;
      try {
        names = placeholdersOf(text);
      } catch (err) {
        problems.push(problemAt(f.source, at, `not a valid template: ${(err as Error).message.split('\n')[0]}`));
        continue;
      }
      for (const name of names) {
        if (!variables.has(name) && !HELPERS.has(name)) problems.push(problemAt(f.source, at, `placeholder '{{${name}}}' is no variable of PDF key '${key}'s data config (nor built in: ${BUILT_IN_VARIABLES.join(', ')})`));
      }
    }
    config.mappings.forEach((group, g) =>
      (group.mappings ?? []).forEach((m, i) => {
        const at = ['DataConfigs', 'mappings', g, 'mappings', i];
        (m.direct ?? []).forEach((dm, j) => {
          if (dm.type === 'function') {
            const problem = scriptProblem(dm.format ?? '', 'function');
            if (problem) problems.push(problemAt(d.source, [...at, 'direct', j, 'format'], `function does not compile: ${problem}`));
          }
          if (dm.type !== 'label' || messagesIncomplete) return;
          const module = dm.localisation?.module ?? config.serviceName;
          const missing = locales.filter((locale) => !known.has(`${locale}\u0000${module}\u0000${dm.value.path}`));
          if (missing.length > 0) problems.push(problemAt(d.source, [...at, 'direct', j, 'value', 'path'], `label '${dm.value.path}' has no message in module '${module}' for ${missing.join(', ')} (localization/<locale>/${module}.yaml)`));
        });
        (m.derived ?? []).forEach((dv, j) => {
          const problem = scriptProblem(dv.formula.replace(/\{\{[^}]*\}\}/g, '0'), 'formula');
          if (problem) problems.push(problemAt(d.source, [...at, 'derived', j, 'formula'], `formula does not compile: ${problem}`));
        });
      }),
    );
    value.set(key, { key, data: config, format: f.value.config });
  }
  for (const [key, f] of format) if (!data.has(key)) problems.push(problemAt(f.source, ['key'], `PDF key '${key}' has no data config: add one ({key: ${key}, DataConfigs: ...}) beside it`));
  return { value, problems };
}
