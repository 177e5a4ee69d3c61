import { TZDate } from '@date-fns/tz';
import { addMonths, endOfMonth, format, startOfMonth } from 'date-fns';
import { currentContext } from './context.ts';

const epoch = (value: unknown, op: string): number => {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isFinite(n)) throw new Error(`'${op}' needs a time in epoch milliseconds, got ${JSON.stringify(value)}`);
  return n;
};

/**
 * Operations the engine adds to json-logic. Each is a general capability (master data lookups,
 * calendar arithmetic in the configured time zone), never a rule of one domain.
 */
export const engineOperations: Record<string, (...args: any[]) => unknown> = {
  /** `{"mdms": [tenantId, "module.master"]}`: the master's records, resolved GP → state. */
  mdms(tenantId: unknown, code: unknown) {
    const { mdms } = currentContext('mdms');
    if (!mdms) throw new Error("master data is not available to this rule ('mdms')");
    return mdms.records(String(tenantId), String(code));
  },
  /** `{"date_format": [epochMs, "dd/MM/yyyy"]}`: a date-fns pattern, in the rule's time zone. */
  date_format(time: unknown, pattern: unknown) {
    const { timeZone } = currentContext('date_format');
    return format(new TZDate(epoch(time, 'date_format'), timeZone), String(pattern));
  },
  /** `{"month_start": [epochMs, monthsToAdd]}`: the first instant of that month. */
  month_start(time: unknown, months: unknown = 0) {
    const { timeZone } = currentContext('month_start');
    return startOfMonth(addMonths(new TZDate(epoch(time, 'month_start'), timeZone), Number(months))).getTime();
  },
  /** `{"month_end": [epochMs, monthsToAdd]}`: the last millisecond of that month. */
  month_end(time: unknown, months: unknown = 0) {
    const { timeZone } = currentContext('month_end');
    return endOfMonth(addMonths(new TZDate(epoch(time, 'month_end'), timeZone), Number(months))).getTime();
  },
};
