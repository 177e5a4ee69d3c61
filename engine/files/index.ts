export { Files, type FilesDeps, type ModuleLimits, type SignedLink, type Upload } from './files.ts';
export { databaseStore, directoryStore, fileContentTable, fileTable, type ContentStore, type StoredFile } from './store.ts';
