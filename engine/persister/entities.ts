import type { Db } from '../store/index.ts';
import type { CompiledPersister } from './compile.ts';
import type { MappedColumn } from './mapped.ts';
import { findRecord, insertRecord, recordsFromRows, updateRecord, type Row } from './rows.ts';

/** A service's entities over the record functions: tenant-scoped look-ups, and updates guarded by the last-modified time. */
type Entity = Record<string, unknown>;

export function insertEntity(db: Db, p: CompiledPersister, entity: unknown): Promise<void> {
  return insertRecord(db, p, entity as Entity);
}

/**
 * Replaces the stored entity if its last-modified time is still `expectedLastModified`.
 * Returns false when it is not (someone else changed it, or it is gone).
 */
export function updateEntity(db: Db, p: CompiledPersister, entity: unknown, expectedLastModified: number): Promise<boolean> {
  const guard = p.lastModifiedColumn ? { [p.lastModifiedColumn.path.join('.')]: expectedLastModified } : {};
  return updateRecord(db, p, entity as Entity, guard);
}

export function entitiesFromRows(db: Db, p: CompiledPersister, rows: Row[]): Promise<Entity[]> {
  return recordsFromRows(db, p, rows);
}

/** One entity by primary key within a tenant, locked for update when asked (inside a transaction). */
export function findEntity(db: Db, p: CompiledPersister, key: unknown, tenantId: string, forUpdate = false): Promise<Entity | undefined> {
  return findEntityBy(db, p, p.root.primaryKey, key, tenantId, forUpdate);
}

/** One entity by the value of a root column (an application number, say) within a tenant. */
export function findEntityBy(db: Db, p: CompiledPersister, column: MappedColumn, value: unknown, tenantId: string, forUpdate = false): Promise<Entity | undefined> {
  return findRecord(db, p, { [column.path.join('.')]: value, [p.tenantColumn.path.join('.')]: tenantId }, forUpdate);
}
