import { TZDate } from '@date-fns/tz';
import { Decimal } from 'decimal.js';
import { addMonths, startOfMonth } from 'date-fns';
import type { AggregateMeasureDefinition } from '../definitions/index.ts';
import { invalid } from '../errors/index.ts';

const MAX_MONTHS = 120;

/** Every calendar month (in the time zone) from the one holding `from` to the one holding `to`. */
export function monthsBetween(from: number, to: number, timeZone: string): { monthStart: number; monthEnd: number }[] {
  const months: { monthStart: number; monthEnd: number }[] = [];
  let start = startOfMonth(new TZDate(from, timeZone));
  while (start.getTime() <= to) {
    const next = addMonths(start, 1);
    months.push({ monthStart: start.getTime(), monthEnd: next.getTime() - 1 });
    if (months.length > MAX_MONTHS) throw invalid('INVALID_DATE_RANGE', `the range covers more than ${MAX_MONTHS} months; ask for less`);
    start = next;
  }
  return months;
}

type Row = Record<string, unknown>;

/**
 * Each month-by-month measure's value for a month, from the scans' rows (one per month that had
 * records, numbered k: 1 for the first month asked for, 0 for all before it): the month's own
 * value, or with `before` what the earlier months add up to (their records, for items).
 */
export function monthlyValues(measures: [string, AggregateMeasureDefinition][], buckets: Row[]): (key: number) => Row {
  const byKey = new Map<number, Row>();
  for (const b of buckets) byKey.set(Number(b.k), { ...byKey.get(Number(b.k)), ...b });
  const keys = [...byKey.keys()].sort((a, b) => a - b);
  return (key) => {
    const out: Row = {};
    for (const [name, m] of measures) {
      const column = `m:${name}`;
      const extreme = m.max !== undefined || m.min !== undefined;
      const found = (m.before ? keys.filter((k) => k < key) : [key]).map((k) => byKey.get(k)?.[column]).filter((v) => v !== null && v !== undefined);
      if (m.items !== undefined) {
        out[name] = found.flatMap((list) => (Array.isArray(list) ? list : []));
        continue;
      }
      const values = found.map((v) => new Decimal(String(v)));
      if (extreme) out[name] = values.length === 0 ? null : (m.max !== undefined ? Decimal.max(...values) : Decimal.min(...values)).toNumber();
      else out[name] = values.reduce((a, b) => a.plus(b), new Decimal(0)).toNumber();
    }
    return out;
  };
}
