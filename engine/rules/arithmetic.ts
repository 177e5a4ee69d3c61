import { FixedNumber, Money } from '../money/index.ts';
import { invalid } from '../errors/index.ts';

/** A rule's number as an exact decimal: numbers and numeric strings; null and '' count as 0. */
function decimal(value: unknown, op: string): Money {
  if (value === null || value === undefined || value === '') return new Money(0);
  if (typeof value === 'number' && Number.isFinite(value)) return new Money(String(value));
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return new Money(value.trim());
  throw invalid('RULE_NOT_A_NUMBER', `'${op}' needs numbers, got ${JSON.stringify(value)}`);
}

/** Arguments given either spread (`[a, b]`) or as one array (`[[a, b]]`, e.g. from `map`). */
const spread = (args: unknown[]): unknown[] => (args.length === 1 && Array.isArray(args[0]) ? args[0] : args);

// Results go back to json-logic as numbers: each is the double nearest an exact decimal result, so
// converting it back to a decimal (shortest representation) gives that result again.
const out = (d: Money): number => d.toNumber();

const ROUNDING: Record<string, number> = { half_up: Money.ROUND_HALF_UP, half_even: Money.ROUND_HALF_EVEN, up: Money.ROUND_UP, down: Money.ROUND_DOWN, ceil: Money.ROUND_CEIL, floor: Money.ROUND_FLOOR };

interface Tier {
  from?: unknown;
  to?: unknown;
  [rate: string]: unknown;
}

/**
 * Exact decimal arithmetic for amounts (json-logic's own `+`, `*` are binary floats), rounding
 * with a named mode, and charges over tiers of a quantity.
 */
export const arithmeticOperations: Record<string, (...args: any[]) => unknown> = {
  /** `{"sum": [a, b, ...]}` or `{"sum": [[a, b, ...]]}`. */
  sum: (...args: unknown[]) => out(spread(args).reduce<Money>((acc, v) => acc.plus(decimal(v, 'sum')), new Money(0))),
  /** `{"difference": [a, b]}`: a − b. */
  difference: (a: unknown, b: unknown) => out(decimal(a, 'difference').minus(decimal(b, 'difference'))),
  /** `{"product": [a, b, ...]}`. */
  product: (...args: unknown[]) => out(spread(args).reduce<Money>((acc, v) => acc.times(decimal(v, 'product')), new Money(1))),
  /** `{"quotient": [a, b]}`: a ÷ b; dividing by zero is an error, not Infinity. */
  quotient(a: unknown, b: unknown) {
    const divisor = decimal(b, 'quotient');
    if (divisor.isZero()) throw invalid('RULE_DIVISION_BY_ZERO', `'quotient' cannot divide ${JSON.stringify(a)} by zero`);
    return out(decimal(a, 'quotient').dividedBy(divisor));
  },
  /** `{"percent": [amount, rate]}`: amount × rate ÷ 100. */
  percent: (amount: unknown, rate: unknown) => out(decimal(amount, 'percent').times(decimal(rate, 'percent')).dividedBy(100)),
  /** `{"round": [value, places, mode]}`: places default 0; mode half_up (default), half_even, up, down, ceil, floor. */
  round(value: unknown, places: unknown = 0, mode: unknown = 'half_up') {
    const rounding = ROUNDING[String(mode)];
    if (rounding === undefined) throw invalid('RULE_UNKNOWN_ROUNDING', `'round' knows the modes ${Object.keys(ROUNDING).join(', ')}, not ${JSON.stringify(mode)}`);
    const dp = Number(places);
    if (!Number.isInteger(dp) || dp < 0 || dp > 10) throw invalid('RULE_INVALID_PLACES', `'round' needs 0 to 10 decimal places, got ${JSON.stringify(places)}`);
    return out(decimal(value, 'round').toDecimalPlaces(dp, rounding as never));
  },
  /**
   * `{"fixed": [value, places]}`: the value answered with that many decimals (250.00), as DIGIT's
   * numeric(12,2) figures are written, for clients that read a fraction only from a decimal point.
   * Null stays null. It is an answer's last step: other operations take it for no number.
   */
  fixed(value: unknown, places: unknown = 2) {
    if (value === null || value === undefined) return null;
    const dp = Number(places);
    if (!Number.isInteger(dp) || dp < 0 || dp > 10) throw invalid('RULE_INVALID_PLACES', `'fixed' needs 0 to 10 decimal places, got ${JSON.stringify(places)}`);
    return new FixedNumber(decimal(value, 'fixed'), dp);
  },
  /**
   * `{"tiered": [quantity, tiers, "charge"]}`: walks tiers `{from, to, <rate>}` in order; each
   * charges the part of the quantity between its `from` and `to` at its rate (default key `charge`).
   */
  tiered(quantity: unknown, tiers: unknown, rateKey: unknown = 'charge') {
    const q = decimal(quantity, 'tiered');
    if (q.isNegative()) throw invalid('RULE_NEGATIVE_QUANTITY', `'tiered' needs a quantity of at least 0, got ${q.toString()}`);
    if (!Array.isArray(tiers)) throw invalid('RULE_INVALID_TIERS', `'tiered' needs a list of tiers {from, to, ${String(rateKey)}}, got ${JSON.stringify(tiers)}`);
    let total = new Money(0);
    for (const tier of tiers as Tier[]) {
      const from = decimal(tier.from, 'tiered');
      const to = tier.to === null || tier.to === undefined ? q : decimal(tier.to, 'tiered');
      const units = Money.max(0, Money.min(q, to).minus(from));
      total = total.plus(units.times(decimal(tier[String(rateKey)], 'tiered')));
    }
    return out(total);
  },
};
