import fc from 'fast-check';

type Schema = Record<string, unknown>;

/** Values a definition may say but the fuzz must set itself (a real vendor id, a property type of the GP): by field path. */
export type Overlay = Record<string, unknown>;

/** Values of integers where nothing bounds them: ordinary ones, and the edges of a 64-bit column and of a double. */
const wideInteger = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 10_000 }) },
  { weight: 1, arbitrary: fc.constantFrom(-1, 2 ** 31, 2 ** 53 - 1, 2 ** 53 + 2, 2 ** 63, 2 ** 64, -(2 ** 63), Number.MAX_SAFE_INTEGER) },
);

const FORMATS: Record<string, fc.Arbitrary<string>> = {
  email: fc.constantFrom('ravi@example.org', 'a.b@gp.in'),
  date: fc.constant('2026-04-01'),
  'date-time': fc.constant('2026-04-01T10:00:00Z'),
  uri: fc.constant('https://example.org/x'),
  uuid: fc.uuid(),
};

function stringOf(schema: Schema): fc.Arbitrary<string> {
  if (typeof schema.format === 'string' && FORMATS[schema.format]) return FORMATS[schema.format]!;
  if (typeof schema.pattern === 'string') return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= ((schema.maxLength as number) ?? Infinity));
  const minLength = (schema.minLength as number | undefined) ?? 0;
  const maxLength = Math.min((schema.maxLength as number | undefined) ?? 24, 24);
  return fc.string({ minLength: Math.min(minLength, maxLength), maxLength, unit: 'grapheme' });
}

function numberOf(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum as number | undefined;
  const max = schema.maximum as number | undefined;
  if (integer) {
    if (min === undefined && max === undefined) return wideInteger;
    return fc.integer({ min: Math.max(min ?? -1e9, -1e9), max: Math.min(max ?? 1e9, 1e9) });
  }
  return fc.oneof(fc.integer({ min: Math.max(min ?? -1e6, -1e6), max: Math.min(max ?? 1e6, 1e6) }), fc.double({ min: min ?? -1e6, max: max ?? 1e6, noNaN: true, noDefaultInfinity: true }));
}

/**
 * Values a JSON Schema admits (as far as its keywords go: the definitions' rules may refuse more):
 * objects with their required keys and some of the others, arrays of one to three items. Fields in
 * `overlay` (dotted paths from this schema) take the overlay's value instead.
 */
export function valuesOf(schema: Schema, overlay: Overlay = {}, path = ''): fc.Arbitrary<unknown> {
  if (path in overlay) return fc.constant(overlay[path]);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  if ('const' in schema) return fc.constant(schema.const);
  const branches = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (Array.isArray(branches) && branches.length > 0) return fc.oneof(...branches.map((b) => valuesOf({ ...schema, anyOf: undefined, oneOf: undefined, ...b }, overlay, path)));
  const types = Array.isArray(schema.type) ? (schema.type as string[]) : schema.type ? [schema.type as string] : schema.properties ? ['object'] : ['string', 'integer', 'boolean'];
  return fc.oneof(...types.map((type) => valueOfType(type, schema, overlay, path)));
}

function valueOfType(type: string, schema: Schema, overlay: Overlay, path: string): fc.Arbitrary<unknown> {
  const at = (key: string) => (path ? `${path}.${key}` : key);
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return numberOf(schema, true);
    case 'number':
      return numberOf(schema, false);
    case 'string':
      return stringOf(schema);
    case 'array': {
      const items = (schema.items as Schema | undefined) ?? {};
      const minLength = Math.max((schema.minItems as number | undefined) ?? 0, 1);
      return fc.array(valuesOf(items, overlay, path), { minLength, maxLength: Math.max(minLength, 3) });
    }
    default: {
      const properties = (schema.properties as Record<string, Schema> | undefined) ?? {};
      const required = new Set([...((schema.required as string[] | undefined) ?? []), ...Object.keys(overlay).filter((k) => k.startsWith(path ? `${path}.` : '') && !k.slice(path ? path.length + 1 : 0).includes('.')).map((k) => k.slice(path ? path.length + 1 : 0))]);
      const model = Object.fromEntries(Object.entries(properties).map(([key, sub]) => [key, valuesOf(sub, overlay, at(key))]));
      for (const key of required) if (!(key in model)) model[key] = fc.constant(overlay[at(key)]);
      if (Object.keys(model).length === 0) return fc.dictionary(fc.constantFrom('note', 'locality', 'ward'), fc.string({ maxLength: 12 }), { maxKeys: 2 });
      return fc.record(model, { requiredKeys: [...required].filter((k) => k in model) });
    }
  }
}
