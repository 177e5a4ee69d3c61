import type { JsonSchema } from './types.ts';

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
  const props = schema.properties as Record<string, JsonSchema> | undefined;
  if (schema.type === 'object' && props && Object.keys(props).length > 0) {
    return Object.entries(props).flatMap(([key, sub]) => leafPaths(sub, prefix ? `${prefix}.${key}` : key));
  }
  return prefix ? [prefix] : [];
}

export function schemaTypeOf(schema: JsonSchema): string | undefined {
  const t = schema.type;
  if (Array.isArray(t)) return t.find((x) => x !== 'null') as string | undefined;
  return t as string | undefined;
}
