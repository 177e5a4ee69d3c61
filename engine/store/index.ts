export { openDatabase, warmUpDatabase, type Database, type DatabaseConfig, type Db } from './database.ts';
export type { ColumnKind, ColumnSpec, IndexSpec, TableSpec } from './table-spec.ts';
export {
  applyMigration,
  appliedMigrations,
  ensureMigrationsTable,
  indexName,
  planMigration,
  quoteIdent,
  type MigrationPlan,
  type MigrationResult,
  type MigrationStep,
} from './migrate.ts';
export { uniqueViolationOf } from './pg-errors.ts';
export { lockForTransaction, withExclusiveLock } from './exclusive.ts';
export { insertUnnested } from './bulk-insert.ts';
export { escapeLike, withinTenant } from './tenant-scope.ts';
export { pgliteTemplate } from './pglite.ts';
