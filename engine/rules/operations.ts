import { TZDate } from '@date-fns/tz';
import { addMonths, differenceInCalendarDays, endOfMonth, format, isValid, parse, startOfMonth } from 'date-fns';
import { boundariesOfType } from '../boundary/index.ts';
import { invalid } from '../errors/index.ts';
import { Money } from '../money/index.ts';
import { arithmeticOperations } from './arithmetic.ts';
import { currentContext } from './context.ts';

const MAX_TIME = 8.64e15;

const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{3}))?)?)?$/;

/** A time: epoch milliseconds, or an ISO local date(-time) such as 2026-10-31T23:59:59 read in `timeZone`. */
const epoch = (value: unknown, op: string, timeZone: string): number => {
  const iso = typeof value === 'string' ? ISO_LOCAL.exec(value.trim()) : null;
  if (iso) {
    const [y, m, d, hh = 0, mm = 0, ss = 0, ms = 0] = iso.slice(1).map((p) => (p === undefined ? undefined : Number(p)));
    return new TZDate(y!, m! - 1, d!, hh, mm, ss, ms, timeZone).getTime();
  }
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  // A Date holds ±8.64e15 ms (about 270,000 years either side of 1970); beyond, calendar arithmetic has no answer.
  if (typeof n !== 'number' || !Number.isFinite(n) || Math.abs(n) > MAX_TIME) throw invalid('RULE_INVALID_TIME', `'${op}' needs a time (epoch milliseconds or an ISO date), got ${JSON.stringify(value)}`);
  return n;
};

/**
 * Operations the engine adds to json-logic. Each is a general capability (master data lookups,
 * calendar arithmetic in the configured time zone), never a rule of one domain.
 */
export const engineOperations: Record<string, (...args: any[]) => unknown> = {
  ...arithmeticOperations,
  /** `{"mdms": [tenantId, "module.master"]}`: the master's records, resolved GP → state. */
  mdms(tenantId: unknown, code: unknown) {
    return masterRecords(tenantId, code, 'mdms');
  },
  /**
   * `{"mdms_one": [tenantId, "module.master", [[key, value], ...]]}`: the one record whose keys
   * equal those values. None, or several, is an error naming the tenant and the keys.
   */
  mdms_one(tenantId: unknown, code: unknown, pairs: unknown = []) {
    const { keys, matches } = matching(tenantId, code, pairs, 'mdms_one');
    const said = keys.map(([k, v]) => `${k}=${String(v)}`).join(', ') || 'no keys';
    if (matches.length === 0) throw invalid('MASTER_RECORD_NOT_FOUND', `no ${String(code)} record for ${String(tenantId)} matches ${said}`);
    if (matches.length > 1) throw invalid('MASTER_RECORD_AMBIGUOUS', `${matches.length} ${String(code)} records for ${String(tenantId)} match ${said}; exactly one must`);
    return matches[0];
  },
  /** `{"mdms_find": [tenantId, "module.master", [[key, value], ...]]}`: the first record whose keys equal those values, or null. */
  mdms_find(tenantId: unknown, code: unknown, pairs: unknown = []) {
    return matching(tenantId, code, pairs, 'mdms_find').matches[0] ?? null;
  },
  /**
   * `{"boundaries": [tenantId, hierarchyType, boundaryType]}`: the tenant's boundaries of that type
   * (e.g. its REVENUE Localities), from every level of its egov-location.TenantBoundary tree, each
   * with its code, name, label, ...; none when the tenant has no such tree.
   */
  boundaries(tenantId: unknown, hierarchyType: unknown, boundaryType: unknown) {
    const { mdms } = currentContext('boundaries');
    if (!mdms) throw new Error("master data is not available to this rule ('boundaries')");
    if (typeof hierarchyType !== 'string' || typeof boundaryType !== 'string') {
      throw invalid('RULE_INVALID_ARGUMENT', `'boundaries' needs a hierarchy type and a boundary type as text, got ${JSON.stringify([hierarchyType, boundaryType])}`);
    }
    return boundariesOfType(mdms, String(tenantId), hierarchyType, boundaryType);
  },
  /**
   * `{"subset": [list, of]}`: whether every item of the first list is in the second (as text, so
   * 5 and "5" are one). Not a list, or nothing to find, is false.
   */
  subset(list: unknown, of: unknown) {
    if (!Array.isArray(list) || !Array.isArray(of)) return false;
    const known = new Set(of.map((v) => String(v)));
    return list.every((v) => known.has(String(v)));
  },
  /** `{"set": [object, key, value]}`: a copy of the object with the key set (an answer's extra figure). */
  set(object: unknown, key: unknown, value: unknown) {
    const base = object && typeof object === 'object' && !Array.isArray(object) ? object : {};
    return { ...base, [String(key)]: value };
  },
  /** `{"upper": [text]}`: the text in capitals (DIGIT prints month names so: MARCH). */
  upper: (text: unknown) => (text === null || text === undefined ? text : String(text).toUpperCase()),
  /** `{"first": [list]}`: its first item, or null when it is empty (or not a list). */
  first: (list: unknown) => (Array.isArray(list) && list.length > 0 ? list[0] : null),
  /** `{"parse_date": ["31/10/2026", "dd/MM/yyyy"]}`: the first instant of that date in the rule's time zone. */
  parse_date(text: unknown, pattern: unknown) {
    const { timeZone } = currentContext('parse_date');
    const parsed = parse(String(text).trim(), String(pattern), new TZDate(0, timeZone));
    if (typeof text !== 'string' || !isValid(parsed)) throw invalid('RULE_INVALID_DATE', `'${String(text)}' is not a date of the form ${String(pattern)}`);
    return parsed.getTime();
  },
  /** `{"days_between": [fromMs, toMs]}`: calendar days from one to the other, in the rule's time zone. */
  days_between(from: unknown, to: unknown) {
    const { timeZone } = currentContext('days_between');
    return differenceInCalendarDays(new TZDate(epoch(to, 'days_between', timeZone), timeZone), new TZDate(epoch(from, 'days_between', timeZone), timeZone));
  },
  /** `{"fiscal_year": [epochMs, firstMonth]}`: e.g. "2026-27" for a year starting in April (4, the default). */
  fiscal_year(time: unknown, firstMonth: unknown = 4) {
    const { timeZone } = currentContext('fiscal_year');
    const date = new TZDate(epoch(time, 'fiscal_year', timeZone), timeZone);
    const start = date.getMonth() + 1 >= Number(firstMonth) ? date.getFullYear() : date.getFullYear() - 1;
    return Number(firstMonth) === 1 ? String(start) : `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
  },
  /** `{"date_format": [epochMs, "dd/MM/yyyy"]}`: a date-fns pattern, in the rule's time zone. */
  date_format(time: unknown, pattern: unknown) {
    const { timeZone } = currentContext('date_format');
    return format(new TZDate(epoch(time, 'date_format', timeZone), timeZone), String(pattern));
  },
  /** `{"month_start": [epochMs, monthsToAdd]}`: the first instant of that month. */
  month_start(time: unknown, months: unknown = 0) {
    const { timeZone } = currentContext('month_start');
    return startOfMonth(addMonths(new TZDate(epoch(time, 'month_start', timeZone), timeZone), Number(months))).getTime();
  },
  /**
   * `{"elapsed_days": [from, to]}`: the time from one to the other in days of 24 hours, a fraction
   * included (10 days and 6 hours is 10.25), where `days_between` counts calendar days.
   */
  elapsed_days(from: unknown, to: unknown) {
    const { timeZone } = currentContext('elapsed_days');
    return new Money(epoch(to, 'elapsed_days', timeZone) - epoch(from, 'elapsed_days', timeZone)).dividedBy(DAY_MS).toNumber();
  },
  /** `{"from_entries": [[[key, value], ...]]}`: an object of those keys and values (keys read as text). */
  from_entries(pairs: unknown) {
    return Object.fromEntries(pairsOf(pairs, 'from_entries').map(([k, v]) => [String(k), v]));
  },
  /**
   * `{"rule_set": [name, [[key, value], ...]]}`: the result of another rule set over that input (a
   * rule set reused, such as a penalty previewed where dues are shown). Calls nest at most
   * MAX_RULE_SET_DEPTH deep; `validate` refuses an unknown name or a rule set that calls itself.
   */
  rule_set(name: unknown, pairs: unknown = []) {
    const context = currentContext('rule_set');
    if (typeof name !== 'string') throw invalid('RULE_INVALID_ARGUMENT', `'rule_set' needs a rule set's name first, got ${JSON.stringify(name)}`);
    if (!context.ruleSets?.has(name)) throw invalid('RULE_SET_NOT_FOUND', `'rule_set' names no rule set '${name}'`);
    const depth = (context.depth ?? 0) + 1;
    if (depth > MAX_RULE_SET_DEPTH) throw invalid('RULE_SET_TOO_DEEP', `'rule_set' calls nest more than ${MAX_RULE_SET_DEPTH} deep (at '${name}')`);
    const input = Object.fromEntries(pairsOf(pairs, 'rule_set').map(([k, v]) => [String(k), v]));
    return context.ruleSets.get(name).evaluate(input, { ...context, depth });
  },
  /** `{"month_end": [epochMs, monthsToAdd]}`: the last millisecond of that month. */
  month_end(time: unknown, months: unknown = 0) {
    const { timeZone } = currentContext('month_end');
    return endOfMonth(addMonths(new TZDate(epoch(time, 'month_end', timeZone), timeZone), Number(months))).getTime();
  },
};

const DAY_MS = 24 * 3600 * 1000;
export const MAX_RULE_SET_DEPTH = 8;

/** A list of [key, value] pairs, as operations take keys and values (`mdms_one`, `from_entries`). */
function pairsOf(pairs: unknown, op: string): [unknown, unknown][] {
  if (!Array.isArray(pairs) || !pairs.every((p) => Array.isArray(p) && p.length === 2 && (typeof p[0] === 'string' || typeof p[0] === 'number'))) {
    throw invalid('RULE_INVALID_ARGUMENT', `'${op}' needs a list of [key, value] pairs, got ${JSON.stringify(pairs)}`);
  }
  return pairs as [unknown, unknown][];
}

/** The master's records whose keys equal the values of `pairs` ([[key, value], ...]). */
function matching(tenantId: unknown, code: unknown, pairs: unknown, op: string) {
  if (!Array.isArray(pairs) || !pairs.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string')) {
    throw invalid('RULE_INVALID_ARGUMENT', `'${op}' needs its keys as a list of [key, value] pairs, got ${JSON.stringify(pairs)}`);
  }
  const keys = pairs as [string, unknown][];
  return { keys, matches: masterRecords(tenantId, code, op).filter((r) => keys.every(([k, v]) => String(r[k]) === String(v))) };
}

function masterRecords(tenantId: unknown, code: unknown, op: string) {
  const { mdms } = currentContext(op);
  if (!mdms) throw new Error(`master data is not available to this rule ('${op}')`);
  return mdms.records(String(tenantId), String(code));
}
