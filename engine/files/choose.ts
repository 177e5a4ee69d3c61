import { invalid } from '../errors/index.ts';
import type { Db } from '../store/index.ts';
import { s3Store, type S3Settings } from './s3-store.ts';
import { databaseStore, directoryStore, type ContentStore } from './store.ts';

/** Where file bytes go: a directory, an S3 bucket, or (neither) the database. */
export interface ContentStoreSettings {
  dir?: string;
  s3?: S3Settings;
}

/** The S3 settings the environment gives (SEVA_FILES_S3_*): none without a bucket. */
export function s3SettingsFromEnv(env: Record<string, string | undefined>): S3Settings | undefined {
  const bucket = env.SEVA_FILES_S3_BUCKET?.trim();
  if (!bucket) return undefined;
  const optional = (name: string, key: keyof S3Settings) => {
    const value = env[name]?.trim();
    return value ? { [key]: value } : {};
  };
  return { bucket, ...optional('SEVA_FILES_S3_ENDPOINT', 'endpoint'), ...optional('SEVA_FILES_S3_REGION', 'region'), ...optional('SEVA_FILES_S3_PREFIX', 'prefix') };
}

/** Settings that name at most one place; both a directory and a bucket is a mistake, refused at start. */
export function checkContentStoreSettings(settings: ContentStoreSettings): ContentStoreSettings {
  const { dir, s3 } = settings;
  if (dir && s3)
    throw invalid(
      'FILE_STORES_CONFLICT',
      `file bytes are kept in one place, but both a directory (SEVA_FILES_DIR or filesDir: '${dir}') and an S3 bucket (SEVA_FILES_S3_BUCKET or filesS3: '${s3.bucket}') are set; unset one`,
    );
  return settings;
}

/** The one store the settings name (the database when they name none). */
export function chooseContentStore(db: Db, settings: ContentStoreSettings): ContentStore {
  const { dir, s3 } = checkContentStoreSettings(settings);
  if (s3) return s3Store(s3);
  return dir ? directoryStore(dir) : databaseStore(db);
}
