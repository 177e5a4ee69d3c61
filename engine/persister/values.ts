import { moneyFromColumn, moneyToColumn, type Money } from '../money/index.ts';
import type { MappedColumn } from './mapped.ts';

export function getPath(value: unknown, path: readonly string[]): unknown {
  let v = value;
  for (const seg of path) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[seg] : undefined;
  return v;
}

export function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let node = target;
  for (const seg of path.slice(0, -1)) {
    if (node[seg] === undefined || node[seg] === null || typeof node[seg] !== 'object') node[seg] = {};
    node = node[seg] as Record<string, unknown>;
  }
  node[path[path.length - 1]!] = value;
}

type Column = Pick<MappedColumn, 'type' | 'codec'>;

/** A record value as a column value. JSON goes as text: pg would turn a JS array into a Postgres array. */
export function toColumnValue(column: Column, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  const v = column.codec ? column.codec.toColumn(value) : value;
  if (column.type === 'json') return JSON.stringify(v);
  if (column.type === 'money') return moneyToColumn(v as Money);
  return v;
}

/** A column value as a record value. Postgres returns int8 and numeric as text; PGlite may not. */
export function fromColumnValue(column: Column, value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  const v = plainValue(column, value);
  return column.codec ? column.codec.fromColumn(v) : v;
}

function plainValue(column: Column, value: unknown): unknown {
  switch (column.type) {
    case 'bigint':
    case 'integer':
    case 'numeric':
      return Number(value);
    case 'money':
      return moneyFromColumn(value);
    case 'json':
      return typeof value === 'string' ? JSON.parse(value) : value;
    default:
      return value;
  }
}
