import type { JsonSchema } from '../definitions/index.ts';
import type { CompiledPersister, MappedColumn } from '../persister/index.ts';

/** The largest whole number each whole-number column kind holds (a bigint is read back as a JS number). */
const WHOLE_NUMBER_MAX: Partial<Record<MappedColumn['type'], number>> = { integer: 2 ** 31 - 1, bigint: Number.MAX_SAFE_INTEGER };
/**
 * The longest text an indexed column takes: an index entry holds at most 2,704 bytes, and a
 * character takes up to 4 bytes of UTF-8 (with room left for the tenant the index starts with).
 */
export const INDEXED_TEXT_MAX_LENGTH = 600;

/**
 * The entity schema with what its columns can hold added wherever the schema allows more: a field
 * stored in a 4-byte integer column goes up to 2,147,483,647, an indexed text field to 600
 * characters. A request beyond them is then refused by validation, naming the field, instead of
 * failing in the database.
 */
export function withColumnBounds(schema: JsonSchema, persister: CompiledPersister): JsonSchema {
  const bounded = structuredClone(schema);
  const indexed = indexedColumns(persister);
  const bound = (columns: MappedColumn[], table: string, at: (path: string[]) => JsonSchema | undefined) => {
    for (const column of columns) {
      const field = at(column.path);
      if (!field) continue;
      const max = WHOLE_NUMBER_MAX[column.type];
      if (max !== undefined) {
        field.maximum = Math.min((field.maximum as number | undefined) ?? max, max);
        field.minimum = Math.max((field.minimum as number | undefined) ?? -max, -max);
      } else if (column.type === 'text' && indexed.has(`${table}.${column.column}`)) {
        field.maxLength = Math.min((field.maxLength as number | undefined) ?? INDEXED_TEXT_MAX_LENGTH, INDEXED_TEXT_MAX_LENGTH);
      }
    }
  };
  bound(persister.root.columns, persister.root.table, (path) => schemaAt(bounded, path));
  for (const child of persister.children) {
    const items = schemaAt(bounded, child.arrayPath)?.items as JsonSchema | undefined;
    if (items) bound(child.columns, child.table, (path) => schemaAt(items, path));
  }
  return bounded;
}

/** `table.column` of every column an index of the persister's tables covers (as itself or `lower(column)`). */
function indexedColumns(persister: CompiledPersister): Set<string> {
  const out = new Set<string>();
  for (const table of persister.tables) {
    for (const index of table.indexes) for (const e of index.expressions) out.add(`${table.name}.${/^(?:lower\()?(\w+)\)?$/.exec(e)?.[1] ?? e}`);
  }
  return out;
}

/** The sub-schema of a field through declared object properties. */
function schemaAt(schema: JsonSchema, path: string[]): JsonSchema | undefined {
  let current: JsonSchema | undefined = schema;
  for (const segment of path) {
    const props = current?.properties as Record<string, JsonSchema> | undefined;
    current = props && Object.hasOwn(props, segment) ? props[segment] : undefined;
  }
  return current;
}
