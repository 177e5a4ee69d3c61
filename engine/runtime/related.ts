import { entitiesFromRows, type CompiledPersister } from '../persister/index.ts';
import type { Db } from '../store/index.ts';

/**
 * One record of a service, found by field values at a tenant: the only match, or with `latest` the
 * match with the greatest value of that field. `lock` holds it until the transaction ends.
 */
export async function findRelated(
  db: Db,
  p: CompiledPersister,
  where: Record<string, unknown>,
  tenantId: string,
  options: { latest?: string; lock?: boolean },
): Promise<Record<string, unknown> | null> {
  let q = db.selectFrom(p.root.table).selectAll().where(p.tenantColumn.column, '=', tenantId);
  for (const [field, value] of Object.entries(where)) {
    if (value === null || value === undefined) return null;
    q = q.where(p.columnFor(field)!.column.column, '=', value);
  }
  if (options.latest) q = q.orderBy(p.columnFor(options.latest)!.column.column, 'desc');
  q = q.limit(options.latest ? 1 : 2);
  if (options.lock) q = q.forUpdate();
  const rows = await q.execute();
  if (rows.length !== 1 && !(options.latest && rows.length > 0)) return null;
  return (await entitiesFromRows(db, p, rows.slice(0, 1)))[0] ?? null;
}
