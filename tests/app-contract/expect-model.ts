/**
 * What the mGramSeva app's models read from a response, as data, and a checker that lists every
 * place a response would break them. The app is Dart: `json['x'] as String?` throws on a number,
 * `as int?` throws on 1.5, `(json['x'] as num?)?.toDouble()` takes any number, `as List` and
 * `as Map<String, dynamic>` throw on anything else. A field the app reads with `?` may be null or
 * absent (`opt`); one its code dereferences with `!` (or without a null check) must be there.
 */

export type Scalar = 'string' | 'int' | 'num' | 'bool' | 'any';
/** `'string?'` is `opt('string')`. */
export type Spec = Scalar | `${Scalar}?` | Structured;

type Structured =
  | { kind: 'object'; fields: Record<string, Spec> }
  | { kind: 'list'; item: Spec; nonEmpty: boolean }
  | { kind: 'entries'; value: Spec }
  | { kind: 'optional'; spec: Spec }
  | { kind: 'oneOf'; values: readonly unknown[] }
  | { kind: 'match'; pattern: RegExp; what: string }
  | { kind: 'either'; specs: Spec[]; what: string };

/** An object with these fields (other keys are not read by the app, so they may be anything). */
export const obj = (fields: Record<string, Spec>): Spec => ({ kind: 'object', fields });
/** A list whose items all match `item`. */
export const list = (item: Spec): Spec => ({ kind: 'list', item, nonEmpty: false });
/** A list the app takes `.first` of, so it must have an item. */
export const nonEmptyList = (item: Spec): Spec => ({ kind: 'list', item, nonEmpty: true });
/** A map from any key to values matching `value` (the app iterates over its entries). */
export const entries = (value: Spec): Spec => ({ kind: 'entries', value });
/** Read with `?`: may be null or absent. */
export const opt = (spec: Spec): Spec => ({ kind: 'optional', spec });
/** One of these exact values (the app compares against them). */
export const oneOf = (...values: unknown[]): Spec => ({ kind: 'oneOf', values });
/** Any one of these shapes (the app tests which it got, e.g. `value is Map`). */
export const either = (what: string, ...specs: Spec[]): Spec => ({ kind: 'either', specs, what });
/** A string the app parses further (`int.parse`, `num.parse`). */
export const intString: Spec = { kind: 'match', pattern: /^-?\d+$/, what: 'a string of an integer (the app calls int.parse)' };
export const numString: Spec = { kind: 'match', pattern: /^-?\d+(\.\d+)?$/, what: 'a string of a number (the app calls num.parse)' };

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

function scalarOk(kind: Scalar, value: unknown): boolean {
  switch (kind) {
    case 'string':
      return typeof value === 'string';
    case 'int':
      return typeof value === 'number' && Number.isInteger(value);
    case 'num':
      return typeof value === 'number' && Number.isFinite(value);
    case 'bool':
      return typeof value === 'boolean';
    case 'any':
      return true;
  }
}

const SCALAR_NAMES: Record<Scalar, string> = { string: 'a string', int: 'an integer', num: 'a number', bool: 'a boolean', any: 'any value' };

/** Every mismatch between `value` and `spec`, each as `path: what was expected, what came`. */
export function modelMismatches(value: unknown, spec: Spec, path = '$'): string[] {
  if (typeof spec === 'string') {
    const optional = spec.endsWith('?');
    const kind = (optional ? spec.slice(0, -1) : spec) as Scalar;
    if (value === undefined || value === null) return optional || kind === 'any' ? [] : [`${path}: expected ${SCALAR_NAMES[kind]}, got ${value === null ? 'null' : 'nothing'}`];
    return scalarOk(kind, value) ? [] : [`${path}: expected ${SCALAR_NAMES[kind]}, got ${describe(value)}`];
  }
  if (spec.kind === 'optional') return value === undefined || value === null ? [] : modelMismatches(value, spec.spec, path);
  if (value === undefined || value === null) return [`${path}: expected ${expected(spec)}, got ${value === null ? 'null' : 'nothing'}`];
  switch (spec.kind) {
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return [`${path}: expected an object, got ${describe(value)}`];
      const record = value as Record<string, unknown>;
      return Object.entries(spec.fields).flatMap(([key, field]) => modelMismatches(record[key], field, `${path}.${key}`));
    }
    case 'list': {
      if (!Array.isArray(value)) return [`${path}: expected a list, got ${describe(value)}`];
      if (spec.nonEmpty && value.length === 0) return [`${path}: expected a list with at least one item, got an empty list`];
      return value.flatMap((item, i) => modelMismatches(item, spec.item, `${path}[${i}]`));
    }
    case 'entries': {
      if (typeof value !== 'object' || Array.isArray(value)) return [`${path}: expected an object, got ${describe(value)}`];
      return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) => modelMismatches(item, spec.value, `${path}.${key}`));
    }
    case 'oneOf':
      return spec.values.includes(value) ? [] : [`${path}: expected one of ${JSON.stringify(spec.values)}, got ${describe(value)}`];
    case 'match':
      return typeof value === 'string' && spec.pattern.test(value) ? [] : [`${path}: expected ${spec.what}, got ${describe(value)}`];
    case 'either':
      return spec.specs.some((s) => modelMismatches(value, s, path).length === 0) ? [] : [`${path}: expected ${spec.what}, got ${describe(value)}`];
  }
}

function expected(spec: Structured): string {
  switch (spec.kind) {
    case 'object':
    case 'entries':
      return 'an object';
    case 'list':
      return spec.nonEmpty ? 'a list with at least one item' : 'a list';
    case 'oneOf':
      return `one of ${JSON.stringify(spec.values)}`;
    case 'match':
    case 'either':
      return spec.what;
    case 'optional':
      return 'anything';
  }
}
