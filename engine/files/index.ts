export { Files, type FilesDeps, type ModuleLimits, type SignedLink, type Upload, type Uploader } from './files.ts';
export { checkContentStoreSettings, chooseContentStore, s3SettingsFromEnv, type ContentStoreSettings } from './choose.ts';
export { s3Store, type S3Settings } from './s3-store.ts';
export { databaseStore, directoryStore, fileContentTable, fileTable, type ContentStore, type StoredFile } from './store.ts';
