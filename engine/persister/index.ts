export { compilePersister, ORDER_COLUMN, type CompiledPersister, type MappedChild, type MappedColumn, type MappedTable, type UniqueRule } from './compile.ts';
export { entitiesFromRows, findEntity, insertEntity, updateEntity } from './rows.ts';
export { fromColumnValue, getPath, setPath, toColumnValue } from './values.ts';
