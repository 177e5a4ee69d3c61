export { compilePersister, ORDER_COLUMN, type CompiledPersister, type MappedChild, type MappedColumn, type MappedTable, type RestColumn, type UniqueRule } from './compile.ts';
export { changedFields, entitiesFromRows, findEntity, findEntityBy, insertEntity, updateEntity } from './rows.ts';
export { fromColumnValue, getPath, setPath, toColumnValue } from './values.ts';
