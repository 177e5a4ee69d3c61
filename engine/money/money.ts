import { Decimal } from 'decimal.js';
import { invalid } from '../errors/index.ts';

/** Money is decimal, never a binary float: a Decimal of its own configuration. */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Money = InstanceType<typeof Money>;

export const ZERO = new Money(0);

const NUMERIC = /^-?\d+(\.\d+)?$/;

/**
 * An amount as DIGIT clients send it, a number or a numeric string (`1250`, `"1250.50"`), exact to
 * the paisa. Anything else, or a third decimal place, is refused with the field's path.
 */
export function parseAmount(value: unknown, path: string): Money {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : typeof value === 'string' ? value.trim() : undefined;
  if (text === undefined || !NUMERIC.test(text)) throw invalid('INVALID_AMOUNT', `${path} must be an amount (a number or a numeric string), found ${JSON.stringify(value)}`, path);
  const amount = new Money(text);
  if (amount.decimalPlaces() > 2) throw invalid('INVALID_AMOUNT', `${path} has more than two decimal places (${text}): amounts are exact to the paisa`, path);
  return amount;
}

/** A stored numeric (Postgres sends text, PGlite may send a number). */
export function moneyFromColumn(value: unknown): Money {
  return new Money(value === null || value === undefined ? 0 : String(value));
}

/** For a numeric column: the exact decimal text. */
export function moneyToColumn(value: Money): string {
  return value.toFixed();
}

/** For a JSON answer: a number (amounts to the paisa are exact in a double up to 10^13 rupees). */
export function moneyToJson(value: Money): number {
  return value.toNumber();
}

export function sum(values: Money[]): Money {
  return values.reduce((a, b) => a.plus(b), ZERO);
}

export function min(a: Money, b: Money): Money {
  return a.lessThan(b) ? a : b;
}
