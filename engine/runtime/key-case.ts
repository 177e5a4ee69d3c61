import type { JsonSchema } from '../definitions/index.ts';

type Json = Record<string, unknown>;

/**
 * Renames the keys of `value` that match a property of `schema` only when case is ignored to the
 * schema's spelling (`connectionno` → `connectionNo`), down through objects and array items, as
 * DIGIT services read JSON (Jackson's ACCEPT_CASE_INSENSITIVE_PROPERTIES). A key already spelled
 * as the schema says is left alone, and so is one whose spelling the value also has.
 */
export function matchKeyCase(value: unknown, schema: JsonSchema | undefined): void {
  if (!schema || !value || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    const items = schema.items as JsonSchema | undefined;
    if (items && typeof items === 'object' && !Array.isArray(items)) for (const item of value) matchKeyCase(item, items);
    return;
  }
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const byLower = new Map(Object.keys(properties).map((name) => [name.toLowerCase(), name]));
  const record = value as Json;
  for (const key of Object.keys(record)) {
    if (Object.hasOwn(properties, key)) continue;
    const name = byLower.get(key.toLowerCase());
    if (name === undefined || Object.hasOwn(record, name)) continue;
    record[name] = record[key];
    delete record[key];
  }
  for (const [name, sub] of Object.entries(properties)) if (Object.hasOwn(record, name)) matchKeyCase(record[name], sub);
}
