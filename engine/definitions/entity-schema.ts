import type { JsonSchema } from './kind.ts';

/** Standard fields the engine rewrites whole on every write: nothing a client puts in them is kept. */
export const engineWrittenFields = ['auditDetails'];

/** Fields every entity has; the engine fills them in, so a service schema need not declare them. */
const standardProperties: Record<string, JsonSchema> = {
  id: { type: 'string' },
  tenantId: { type: 'string', minLength: 1 },
  auditDetails: {
    type: 'object',
    properties: {
      createdBy: { type: 'string' },
      createdTime: { type: 'integer' },
      lastModifiedBy: { type: 'string' },
      lastModifiedTime: { type: 'integer' },
    },
  },
};

/** The service's entity schema with the standard fields added (its own declarations win). */
export function withStandardFields(schema: JsonSchema): JsonSchema {
  const properties = { ...standardProperties, ...((schema.properties as Record<string, JsonSchema>) ?? {}) };
  const required = Array.from(new Set(['tenantId', ...((schema.required as string[]) ?? [])]));
  return { type: 'object', ...schema, properties, required };
}

/** The sub-schema at a dotted path (through object properties and array items), if the schema has it. */
export function schemaAt(schema: JsonSchema, path: string): JsonSchema | undefined {
  if (path === '') return schema;
  let current: JsonSchema | undefined = schema;
  for (const segment of path.split('.')) {
    if (!current) return undefined;
    if (current.type === 'array') current = current.items as JsonSchema | undefined;
    const props = current?.properties as Record<string, JsonSchema> | undefined;
    if (!props || !(segment in props)) return undefined;
    current = props[segment];
  }
  return current;
}

/**
 * Every leaf field path of a schema: a scalar, an array, or an object without declared properties
 * (free-form, like `additionalDetails`).
 */
export function leafPaths(schema: JsonSchema, prefix = ''): string[] {
  const props = declaredFields(schema);
  if (props) return Object.entries(props).flatMap(([key, sub]) => leafPaths(sub, prefix ? `${prefix}.${key}` : key));
  return prefix ? [prefix] : [];
}

/** The declared properties of an object schema that has some (else it is a leaf, stored whole or not at all). */
function declaredFields(schema: JsonSchema): Record<string, JsonSchema> | undefined {
  const props = schema.properties as Record<string, JsonSchema> | undefined;
  return schema.type === 'object' && props && Object.keys(props).length > 0 ? props : undefined;
}

/** An open object: one that admits properties its schema does not declare. */
function isOpen(schema: JsonSchema): boolean {
  return schema.additionalProperties !== false || schema.patternProperties !== undefined;
}

/**
 * The open objects among a schema and its nested objects with declared fields, skipping what
 * `storedWhole` says a column keeps entire. Each comes with its field path ('' for the schema
 * itself) and its place in the schema (`properties.owner`), to point at.
 */
export function openObjects(schema: JsonSchema, storedWhole: (field: string) => boolean, prefix = ''): { field: string; schemaPath: string[] }[] {
  const props = declaredFields(schema);
  if (!props || (prefix !== '' && storedWhole(prefix))) return [];
  const nested = Object.entries(props).flatMap(([key, sub]) =>
    openObjects(sub, storedWhole, prefix ? `${prefix}.${key}` : key).map((o) => ({ field: o.field, schemaPath: ['properties', key, ...o.schemaPath] })),
  );
  return isOpen(schema) ? [{ field: prefix, schemaPath: [] }, ...nested] : nested;
}

export function schemaTypeOf(schema: JsonSchema): string | undefined {
  const t = schema.type;
  if (Array.isArray(t)) return t.find((x) => x !== 'null') as string | undefined;
  return t as string | undefined;
}
