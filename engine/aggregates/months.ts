import { TZDate } from '@date-fns/tz';
import { addMonths, startOfMonth } from 'date-fns';
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
