import { TZDate } from '@date-fns/tz';
import { format as formatDate } from 'date-fns';
import type { PdfDataConfig } from '../definitions/index.ts';
import { findAll, findFirst } from './paths.ts';
import { runFormula, runFunction } from './scripts.ts';
import { amountInWords, indianAmount } from './words.ts';

/** What building a document's variables may read besides its entity. */
export interface VariableSources {
  locale: string;
  timeZone: string;
  /** A label's text in the document's locale, if the module has that code. */
  label(module: string, code: string): string | undefined;
  /** A route of this engine, as the document's caller (or the system). */
  call(path: string, query: Record<string, string>, body: Record<string, unknown>): Promise<{ status: number; body: unknown }>;
  /** A stored file as a data URL, for an `image` value. */
  image(fileStoreId: string): Promise<string | undefined>;
}

export type Variables = Record<string, unknown>;

/** DIGIT's word for a value that is missing. */
const MISSING = 'NA';

type Mapping = NonNullable<NonNullable<PdfDataConfig['mappings'][number]['mappings']>[number]>;
type Direct = NonNullable<Mapping['direct']>[number];
type External = NonNullable<Mapping['externalAPI']>[number];
type ValueRule = Pick<Direct, 'type' | 'format' | 'localisation'> & { variable: string };

/** moment-style patterns (DIGIT's configs) as date-fns ones: DD/MM/YYYY → dd/MM/yyyy. */
const datePattern = (pattern: string) => pattern.replace(/D/g, 'd').replace(/Y/g, 'y').replace(/A/g, 'a');

/** DIGIT's message code of a value: `PREFIX_VALUE`, upper-cased, separators as `_`. */
const localisationKey = (prefix: string | null | undefined, value: string) => {
  const code = value.toUpperCase().replace(/[.:\-\s/]/g, '_');
  return prefix ? `${prefix}_${code}` : code;
};

async function shape(rule: ValueRule, raw: unknown, module: string, sources: VariableSources, where: string): Promise<unknown> {
  switch (rule.type) {
    case 'setEmpty':
      return raw === undefined || raw === null ? '' : raw;
    case 'function':
      return runFunction(rule.format ?? '', raw, where, sources);
    case 'date': {
      if (raw === undefined || raw === null || raw === '' || !Number.isFinite(Number(raw))) return MISSING;
      return formatDate(new TZDate(Number(raw), sources.timeZone), datePattern(rule.format ?? 'DD/MM/YYYY')).trim();
    }
    case 'amount':
      return raw === undefined || raw === null || raw === '' ? MISSING : indianAmount(raw as number);
    case 'amountInWords':
      return raw === undefined || raw === null || raw === '' ? MISSING : amountInWords(raw as number, sources.locale);
    case 'image':
      return typeof raw === 'string' && raw !== '' ? ((await sources.image(raw)) ?? '') : '';
    default:
      break;
  }
  if (raw === undefined || raw === null) return MISSING;
  if (rule.localisation?.required && (typeof raw === 'string' || typeof raw === 'number')) {
    const code = localisationKey(rule.localisation.prefix, String(raw));
    return sources.label(rule.localisation.module ?? module, code) ?? code;
  }
  return raw;
}

/** Query parameters of an external call, read from the entity: `a=$.x,b=$.y` or `a=$.x&b={$.y}`. */
export function externalQuery(queryParam: string | null | undefined, entity: unknown): Record<string, string> {
  const query: Record<string, string> = {};
  for (const pair of (queryParam ?? '').split(/[,&]/)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const name = pair.slice(0, eq).trim();
    const raw = decodeURIComponent(pair.slice(eq + 1).trim());
    const value = raw.startsWith('$') ? findFirst(raw, entity) : raw.replace(/\{(\$[^}]*)\}/g, (_m, path: string) => String(findFirst(path, entity) ?? ''));
    if (value !== undefined && value !== null) query[name] = String(value);
  }
  return query;
}

/** The route an external API names: DIGIT's scheme, host and port dropped. */
export const routeOf = (path: string) => path.replace(/^[a-z]+:\/\/[^/]+/i, '');

async function external(api: External, entity: unknown, module: string, sources: VariableSources, vars: Variables, where: string) {
  const answer = await sources.call(routeOf(api.path), externalQuery(api.queryParam, entity), (api.apiRequest as Record<string, unknown> | undefined) ?? {});
  // A refused or failed call leaves its variables missing, as DIGIT prints a page without them.
  const body = answer.status === 200 ? answer.body : undefined;
  for (const m of api.responseMapping) {
    vars[m.variable] = await shape(m, body === undefined ? undefined : findFirst(m.value, body), module, sources, `${where} ${m.variable}`);
  }
}

/** `{{name}}` in a formula, written as the variable's value (DIGIT writes values in as text). */
const writeIn = (formula: string, vars: Variables) => formula.replace(/\{\{\s*([\w-]+)\s*\}\}/g, (_m, name: string) => String(vars[name] ?? MISSING));

/**
 * The variables of one entity: direct values and labels, then what external routes answer, then
 * derived formulas over those, in the data config's order, as DIGIT's pdf-service builds them.
 */
export async function variablesFor(key: string, config: PdfDataConfig, entity: unknown, sources: VariableSources): Promise<Variables> {
  const vars: Variables = {};
  const module = config.serviceName;
  const groups = config.mappings.flatMap((g) => g.mappings ?? []);
  for (const m of groups) {
    for (const d of m.direct ?? []) {
      const where = `pdf ${key} ${d.variable}`;
      if (d.type === 'label') {
        vars[d.variable] = sources.label(d.localisation?.module ?? module, d.value.path) ?? d.value.path;
        continue;
      }
      const raw = d.type === 'function' ? findAll(d.value.path, entity)[0] : findFirst(d.value.path, entity);
      vars[d.variable] = await shape(d, raw, module, sources, where);
    }
  }
  await Promise.all(groups.flatMap((m) => (m.externalAPI ?? []).map((api) => external(api, entity, module, sources, vars, `pdf ${key} ${api.path}`))));
  for (const m of groups) {
    for (const d of m.derived ?? []) vars[d.variable] = runFormula(writeIn(d.formula, vars), `pdf ${key} ${d.variable}`, sources);
  }
  return vars;
}
