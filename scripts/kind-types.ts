/**
 * Writes each definition kind's TypeScript types, generated from its JSON Schema, to
 * engine/definitions/kinds/<kind>/types.generated.ts (`npm run schemas`). The schema is the one
 * source: a test fails when a committed file differs from what its schema gives.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { kinds } from '../engine/definitions/index.ts';

type Kind = (typeof kinds)[number];

export const kindTypesPath = (kind: Kind) => `engine/definitions/kinds/${kind.name}/types.generated.ts`;

/** The TypeScript source of a kind's types. Schemas with a `title` become named types. */
export async function kindTypes(kind: Kind): Promise<string> {
  const banner = `// Generated from ./schema.ts by \`npm run schemas\`: edit the schema, not this file.`;
  return compile(shapeOf(kind.schema) as JSONSchema, kind.name, { bannerComment: banner, style: { singleQuote: true, printWidth: 160 } });
}

type Schema = Record<string, unknown>;
const shapeKeywords = ['type', 'properties', 'additionalProperties', 'items', 'enum', 'const', 'oneOf', 'anyOf', 'allOf', '$ref', 'tsType'];

/**
 * The schema as far as the shape of a value goes: what ajv checks beyond the shape (which fields go
 * together, lower bounds on lists) is left out, `if`/`then`/`else` reads as one of its branches, and
 * a schema that says nothing of the type (a json-logic rule, say) is `unknown`.
 */
function shapeOf(schema: Schema): Schema {
  const copy = structuredClone(schema); // keeps shared pieces shared, so each named type is declared once
  const seen = new WeakSet<Schema>();
  const visit = (s: Schema): void => {
    if (seen.has(s)) return;
    seen.add(s);
    if (s.if) {
      const when = (s.if as Schema).required as string[] | undefined;
      const then = s.then as Schema;
      s.anyOf = [{ ...then, required: [...((then.required as string[]) ?? []), ...(when ?? [])] }, s.else];
      delete s.if, delete s.then, delete s.else;
      if (!s.properties) delete s.type;
    }
    for (const key of ['oneOf', 'anyOf'] as const) {
      const branches = s[key] as Schema[] | undefined;
      if (branches?.every((b) => Object.keys(b).every((k) => k === 'required'))) delete s[key];
    }
    if (s.type === 'array' && s.maxItems === undefined) delete s.minItems;
    if (!shapeKeywords.some((k) => k in s)) s.tsType = 'unknown';
    subschemas(s).forEach(visit);
  };
  visit(copy);
  return copy;
}

function subschemas(s: Schema): Schema[] {
  const object = (v: unknown) => (v && typeof v === 'object' ? [v as Schema] : []);
  return [
    ...Object.values((s.properties ?? {}) as Record<string, Schema>),
    ...object(s.additionalProperties),
    ...(Array.isArray(s.items) ? (s.items as Schema[]) : object(s.items)),
    ...(['oneOf', 'anyOf', 'allOf'] as const).flatMap((k) => (s[k] ?? []) as Schema[]),
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const kind of kinds) writeFileSync(kindTypesPath(kind), await kindTypes(kind));
  console.log(`wrote the types of ${kinds.length} kinds`);
}
