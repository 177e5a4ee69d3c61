import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { engineTable, insertRecord, searchRecords, exactFilters } from '../persister/index.ts';
import type { Db } from '../store/index.ts';

/** What is known of a stored file besides its bytes. */
export interface StoredFile {
  id: string;
  tenantId: string;
  module: string;
  fileName: string;
  contentType: string;
  size: number;
  createdBy: string;
  createdAt: number;
}

/** Where file contents live: the one port every storage adapter implements. */
export interface ContentStore {
  put(id: string, bytes: Uint8Array): Promise<void>;
  get(id: string): Promise<Uint8Array | undefined>;
  /** Lets go of what the store holds open (an S3 client's connections), when the engine stops. */
  close?(): void;
}

/** What is known of every file, in the database whatever keeps the bytes (so any process finds it). */
export const fileTable = engineTable<StoredFile>({
  table: 'seva_file',
  primaryKey: 'id',
  tenantColumn: 'tenant_id',
  nulls: 'omitted',
  columns: {
    id: { path: 'id', type: 'text', notNull: true },
    tenant_id: { path: 'tenantId', type: 'text', notNull: true },
    module: { path: 'module', type: 'text', notNull: true },
    file_name: { path: 'fileName', type: 'text', notNull: true },
    content_type: { path: 'contentType', type: 'text', notNull: true },
    size: { path: 'size', type: 'bigint', notNull: true },
    created_by: { path: 'createdBy', type: 'text', notNull: true },
    created_at: { path: 'createdAt', type: 'bigint', notNull: true },
  },
});

interface FileContent {
  id: string;
  content: Uint8Array;
}

/** The bytes of files kept in the database (the default store): several processes share them, PGlite needs nothing else. */
export const fileContentTable = engineTable<FileContent>({
  table: 'seva_file_content',
  primaryKey: 'id',
  nulls: 'omitted',
  columns: {
    id: { path: 'id', type: 'text', notNull: true },
    content: { path: 'content', type: 'bytes', notNull: true },
  },
});

export function databaseStore(db: Db): ContentStore {
  return {
    put: (id, bytes) => insertRecord(db, fileContentTable, { id, content: bytes }).then(() => undefined),
    get: async (id) => {
      const [row] = await searchRecords(db, fileContentTable, { filters: exactFilters({ id }), sort: [['id', 'asc']], page: { offset: 0, limit: 1 } });
      return row ? new Uint8Array(row.content) : undefined;
    },
  };
}

/** Files as plain files in a directory (shared by processes only if the directory is). Ids are UUIDs, so safe as names. */
export function directoryStore(dir: string): ContentStore {
  return {
    put: async (id, bytes) => {
      await mkdir(dir, { recursive: true });
      // Written aside, then renamed: a reader never sees half a file.
      const temp = join(dir, `${id}.part`);
      await writeFile(temp, bytes);
      await rename(temp, join(dir, id));
    },
    get: async (id) => {
      try {
        return new Uint8Array(await readFile(join(dir, id)));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw err;
      }
    },
  };
}

export async function findFiles(db: Db, tenantId: string, ids: string[]): Promise<StoredFile[]> {
  if (ids.length === 0) return [];
  return searchRecords(db, fileTable, {
    tenant: { id: tenantId, scope: 'within' as const },
    filters: [{ fields: ['id'], match: 'in' as const, values: ids }],
    sort: [['id', 'asc']],
    page: { offset: 0, limit: ids.length },
  });
}

export function recordFile(db: Db, file: StoredFile): Promise<unknown> {
  return insertRecord(db, fileTable, file);
}
