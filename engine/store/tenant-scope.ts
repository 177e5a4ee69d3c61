import { sql, type RawBuilder, type SqlBool } from 'kysely';

/** Text matched literally inside a LIKE pattern (its %, _ and \\ escaped). */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Rows a tenant may read by `column`: a GP its own; a state its own and its GPs' (`pb` → `pb.%`).
 * The one tenant condition every search and report uses.
 */
export function withinTenant(column: string | RawBuilder<unknown>, tenantId: string): RawBuilder<SqlBool> {
  const col = typeof column === 'string' ? sql.ref(column) : column;
  if (tenantId.includes('.')) return sql<SqlBool>`${col} = ${tenantId}`;
  return sql<SqlBool>`(${col} = ${tenantId} OR ${col} LIKE ${`${escapeLike(tenantId)}.%`})`;
}
