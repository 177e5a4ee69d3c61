import { TZDate } from '@date-fns/tz';
import { isDeepStrictEqual } from 'node:util';
import type { RuleExampleSpec } from './spec.ts';
import { SevaError } from '../errors/index.ts';
import { Mdms, type MasterData } from '../mdms/index.ts';
import { Money } from '../money/index.ts';
import type { RuleSet } from './rule-set.ts';

export interface ExampleOutcome {
  ruleSet: string;
  example: string;
  passed: boolean;
  /** What went wrong, when it did not pass. */
  failure?: string;
}

const DEFAULT_NOW = '2026-04-01';

/** The example's `now`, read as a local time in the zone. */
export function exampleTime(text: string | undefined, timeZone: string): number {
  const [date, time = '00:00:00'] = (text ?? DEFAULT_NOW).split('T');
  const [y, m, d] = date!.split('-').map(Number);
  const [hh, mm, ss = 0] = time.split(':').map(Number);
  return new TZDate(y!, m! - 1, d!, hh!, mm!, ss, timeZone).getTime();
}

function withMasters(base: MasterData, overrides: RuleExampleSpec['masters']): MasterData {
  if (!overrides) return base;
  const copy: MasterData = new Map([...base].map(([tenant, masters]) => [tenant, new Map(masters)]));
  for (const [tenant, masters] of Object.entries(overrides)) {
    const byCode = copy.get(tenant) ?? new Map();
    for (const [code, records] of Object.entries(masters)) byCode.set(code, records);
    copy.set(tenant, byCode);
  }
  return copy;
}

const NUMERIC = /^-?\d+(\.\d+)?$/;
const isNumeric = (v: unknown) => (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && NUMERIC.test(v));

/** Equal as data, with numbers (and numeric strings) compared as exact decimals. */
export function sameValue(expected: unknown, actual: unknown): boolean {
  if (isNumeric(expected) && isNumeric(actual)) return new Money(String(expected)).equals(new Money(String(actual)));
  if (Array.isArray(expected)) return Array.isArray(actual) && expected.length === actual.length && expected.every((e, i) => sameValue(e, actual[i]));
  if (expected && typeof expected === 'object') {
    if (!actual || typeof actual !== 'object' || Array.isArray(actual)) return false;
    const a = actual as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    const keys = new Set([...Object.keys(e), ...Object.keys(a)]);
    return [...keys].every((k) => sameValue(e[k], a[k]));
  }
  return isDeepStrictEqual(expected, actual);
}

/** Runs every example of the rule sets over the given master data. */
export function runExamples(sets: RuleSet[], masters: MasterData, timeZone: string): ExampleOutcome[] {
  const outcomes: ExampleOutcome[] = [];
  for (const set of sets) {
    for (const example of set.definition.examples ?? []) {
      const context = { mdms: new Mdms(withMasters(masters, example.masters)), timeZone };
      const input = { now: exampleTime(example.now, timeZone), ...example.input };
      const base = { ruleSet: set.name, example: example.name };
      let actual: unknown;
      try {
        actual = set.evaluate(input, context);
      } catch (err) {
        const code = err instanceof SevaError ? err.code : 'ERROR';
        if (example.expectError && code === example.expectError) outcomes.push({ ...base, passed: true });
        else outcomes.push({ ...base, passed: false, failure: `failed with ${code}: ${(err as Error).message}${example.expectError ? ` (expected ${example.expectError})` : ''}` });
        continue;
      }
      if (example.expectError) outcomes.push({ ...base, passed: false, failure: `expected error ${example.expectError}, got ${JSON.stringify(actual)}` });
      else if (sameValue(example.expect, actual)) outcomes.push({ ...base, passed: true });
      else outcomes.push({ ...base, passed: false, failure: `expected ${JSON.stringify(example.expect)}, got ${JSON.stringify(actual)}` });
    }
  }
  return outcomes;
}
