import { TZDate } from '@date-fns/tz';
import { addDays, isValid, parse } from 'date-fns';
import type { AggregateParamDefinition } from '../definitions/index.ts';
import { invalidFields, type ErrorDetail } from '../errors/index.ts';
import { evaluateTemplate, type RuleContext } from '../rules/index.ts';
import { listCriterion } from '../validation/index.ts';

/** The aggregate's parameters read from the request (query string first, then body), typed. */
export function readParams(defs: Record<string, AggregateParamDefinition>, raw: Record<string, unknown>, now: number, context: RuleContext): Record<string, unknown> {
  const details: ErrorDetail[] = [];
  const out: Record<string, unknown> = {};
  for (const [name, def] of Object.entries(defs)) {
    const given = raw[name];
    if (given === undefined || given === null || given === '') {
      if (def.default !== undefined) out[name] = evaluateTemplate(def.default, { now }, context);
      else if (def.required) details.push({ code: 'REQUIRED_FIELD_MISSING', message: `${name} is required`, path: `$.${name}` });
      else out[name] = null;
      continue;
    }
    const value = convert(def, given, context.timeZone);
    if (value === undefined) details.push({ code: 'INVALID_PARAMETER', message: `${name} must be ${describe(def)}, got ${JSON.stringify(given)}`, path: `$.${name}` });
    else out[name] = value;
  }
  if (details.length > 0) throw invalidFields(details);
  return out;
}

function describe(def: AggregateParamDefinition): string {
  switch (def.type) {
    case 'integer':
      return 'a whole number';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'date':
      return 'a time in epoch milliseconds or a date dd/MM/yyyy';
    default:
      return `a ${def.type}`;
  }
}

function convert(def: AggregateParamDefinition, given: unknown, timeZone: string): unknown {
  const single = Array.isArray(given) ? given[0] : given;
  switch (def.type) {
    case 'integer': {
      const n = Number(single);
      return Number.isSafeInteger(n) ? n : undefined;
    }
    case 'number': {
      const n = Number(single);
      return Number.isFinite(n) ? n : undefined;
    }
    case 'boolean':
      return single === true || single === 'true' ? true : single === false || single === 'false' ? false : undefined;
    case 'string':
      return String(single);
    case 'list':
      return listCriterion(given) ?? [];
    case 'date': {
      // Epoch milliseconds a Date can hold (±8.64e15), or a calendar date.
      if (typeof single === 'number' || /^-?\d+$/.test(String(single))) return Math.abs(Number(single)) <= 8.64e15 ? Number(single) : undefined;
      const day = parse(String(single).trim(), 'dd/MM/yyyy', new TZDate(0, timeZone));
      if (!isValid(day)) return undefined;
      return def.endOfDay ? addDays(day, 1).getTime() - 1 : day.getTime();
    }
  }
}
