import { randomUUID } from 'node:crypto';
import { Money } from './money.ts';

/**
 * How a fixed number stands in JSON text until `toJsonText` writes it out. The nonce keeps a
 * string a client sent from passing for one.
 */
const MARK = `\u0000fixed-${randomUUID()}:`;
/** MARK as JSON text writes it (the NUL escaped). */
const WRITTEN = JSON.stringify(MARK).slice(1, -1);
const MARKED = new RegExp(`"${WRITTEN.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}(-?\\d+(?:\\.\\d+)?)"`, 'g');

/**
 * A number answered with a fixed count of decimals: 250.00, as Java writes the BigDecimal of a
 * numeric(12,2) column. A client that tells whole numbers from fractions (Dart: `double x =
 * json['x']` refuses an int) then reads a fraction, whatever the value.
 */
export class FixedNumber {
  readonly text: string;

  constructor(value: Money | number | string, places: number) {
    this.text = new Money(value).toFixed(places);
  }

  toNumber(): number {
    return Number(this.text);
  }

  /** Ordinary JSON text holds a mark; `toJsonText` turns it into the number's digits. */
  toJSON(): string {
    return `${MARK}${this.text}`;
  }
}

/** A value as JSON text, its fixed numbers written with their decimals. */
export function toJsonText(value: unknown): string {
  const text = JSON.stringify(value);
  return text !== undefined && text.includes(WRITTEN) ? text.replace(MARKED, '$1') : text;
}
