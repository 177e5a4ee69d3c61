import { randomInt } from 'node:crypto';
import { TZDate } from '@date-fns/tz';
import { format as formatDate } from 'date-fns';
import type { IdToken } from './format.ts';

export interface RenderContext {
  now: number;
  timeZone: string;
  cityCode: () => string;
  /** The next value of each sequence token, taken in token order. */
  sequenceValues: number[];
}

export function financialYear(now: number, timeZone: string, parts: ('yyyy' | 'yy')[], separator: string): string {
  const local = new TZDate(now, timeZone);
  // The Indian financial year starts on 1 April (local time).
  const start = local.getMonth() >= 3 ? local.getFullYear() : local.getFullYear() - 1;
  const years = [start, start + 1];
  return parts.map((p, i) => (p === 'yy' ? String(years[i]! % 100).padStart(2, '0') : String(years[i]))).join(separator);
}

export function renderId(tokens: IdToken[], ctx: RenderContext): string {
  let seq = 0;
  return tokens
    .map((t) => {
      switch (t.kind) {
        case 'text':
          return t.text;
        case 'fy':
          return financialYear(ctx.now, ctx.timeZone, t.parts, t.separator);
        case 'cy':
          return formatDate(new TZDate(ctx.now, ctx.timeZone), t.pattern);
        case 'seq':
          return String(ctx.sequenceValues[seq++]).padStart(t.width, '0');
        case 'city':
          return ctx.cityCode();
        case 'random':
          return Array.from({ length: t.digits }, () => randomInt(10)).join('');
      }
    })
    .join('');
}
