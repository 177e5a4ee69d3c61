import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { Clock } from '../clock/index.ts';
import { forbidden, invalid, notFound, unauthenticated } from '../errors/index.ts';
import type { RateLimit, RateLimiter } from '../limits/index.ts';
import type { Db } from '../store/index.ts';
import { findFiles, recordFile, type ContentStore, type StoredFile } from './store.ts';

/** A module's upload limits (from the file store policy definition). */
export interface ModuleLimits {
  types: string[];
  maxBytes: number;
  /** Uploads without a session are taken, this many per client address. */
  anonymous?: { perAddress: RateLimit };
}

/** Who uploads: a signed-in user (their uuid), or nobody in particular from a client address. */
export type Uploader = { user: string } | { address: string | undefined };

export interface FilesDeps {
  db: Db;
  store: ContentStore;
  clock: Clock;
  modules: Record<string, ModuleLimits>;
  /** Counts anonymous uploads per address, in the database (so every process counts the same). */
  limiter: RateLimiter;
  tenantExists: (tenantId: string) => boolean;
  /** Key of the link signatures, the same for every process of a deployment. */
  secret: string;
  /** How long a signed link holds, in seconds. */
  linkTtlSeconds: number;
}

export interface Upload {
  name: string;
  bytes: Uint8Array;
}

/** A link that serves a file without a token until it expires. */
export interface SignedLink {
  id: string;
  tenantId: string;
  expires: number;
  signature: string;
}

/** Stores uploaded files and hands out signed, expiring links to them. */
export class Files {
  constructor(private readonly deps: FilesDeps) {}

  /**
   * Checks every file against the module's limits before storing any, so an upload is kept whole or
   * not at all. An upload without a session is taken only by a module open to them, within its
   * per-address limit, and is recorded as made by `anonymous`.
   */
  async upload(tenantId: string, module: string, uploads: Upload[], by: Uploader): Promise<StoredFile[]> {
    const limits = this.deps.modules[module];
    if (!limits) throw invalid('INVALID_MODULE', `module '${module}' accepts no uploads (known: ${Object.keys(this.deps.modules).join(', ') || 'none'})`, '$.module');
    if (!this.deps.tenantExists(tenantId)) throw invalid('INVALID_TENANT_ID', `tenant '${tenantId}' does not exist`, '$.tenantId');
    if (!('user' in by)) await this.admitAnonymous(module, limits, by.address);
    const createdBy = 'user' in by ? by.user : 'anonymous';
    if (uploads.length === 0) throw invalid('FILE_MISSING', 'the request carries no file (form field `file`)', '$.file');
    const checked: { upload: Upload; contentType: string }[] = [];
    for (const [i, upload] of uploads.entries()) {
      const path = `$.file[${i}]`;
      if (upload.bytes.length > limits.maxBytes) throw invalid('FILE_TOO_LARGE', `${upload.name} has ${upload.bytes.length} bytes; module '${module}' takes at most ${limits.maxBytes}`, path);
      const contentType = (await fileTypeFromBuffer(upload.bytes))?.mime;
      if (!contentType || !limits.types.includes(contentType))
        throw invalid('INVALID_FILE_TYPE', `${upload.name} is ${contentType ?? 'of no recognised type'} by its content; module '${module}' takes ${limits.types.join(', ')}`, path);
      checked.push({ upload, contentType });
    }
    const out: StoredFile[] = [];
    for (const { upload, contentType } of checked) {
      const file: StoredFile = { id: randomUUID(), tenantId, module, fileName: upload.name, contentType, size: upload.bytes.length, createdBy, createdAt: this.deps.clock.now() };
      // Bytes first: a record never names content that is not there.
      await this.deps.store.put(file.id, upload.bytes);
      await recordFile(this.deps.db, file);
      out.push(file);
    }
    return out;
  }

  /** Counted before any file is read, so a flood is refused before it costs work. */
  private async admitAnonymous(module: string, limits: ModuleLimits, address: string | undefined): Promise<void> {
    if (!limits.anonymous) throw unauthenticated('UNAUTHENTICATED', `module '${module}' takes uploads from signed-in users only: send an access token (Authorization: Bearer or RequestInfo.authToken)`);
    // Callers whose address is unknown share one count.
    const from = address ?? 'an unknown address';
    await this.deps.limiter.hit(`filestore.upload:${module}:address:${from}`, limits.anonymous.perAddress, this.deps.clock.now(), `anonymous uploads to module '${module}' from ${from}`, 'TOO_MANY_UPLOADS');
  }

  /** Signed links to the files found among `ids` in the tenant (ids not found are left out, as DIGIT does). */
  async links(tenantId: string, ids: string[]): Promise<{ file: StoredFile; link: SignedLink }[]> {
    const files = await findFiles(this.deps.db, tenantId, ids);
    const expires = this.deps.clock.now() + this.deps.linkTtlSeconds * 1000;
    const byId = new Map(files.map((f) => [f.id, f]));
    return ids.flatMap((id) => {
      const file = byId.get(id);
      return file ? [{ file, link: { id, tenantId: file.tenantId, expires, signature: this.sign(id, file.tenantId, expires) } }] : [];
    });
  }

  /** A file and its bytes, for a caller allowed in the tenant. */
  async read(tenantId: string, id: string): Promise<{ file: StoredFile; bytes: Uint8Array }> {
    const [file] = await findFiles(this.deps.db, tenantId, [id]);
    const bytes = file ? await this.deps.store.get(file.id) : undefined;
    if (!file || !bytes) throw notFound('FILE_NOT_FOUND', `no file ${id} in tenant ${tenantId}`);
    return { file, bytes };
  }

  /** A file through a signed link: refused when the signature does not match or the link has expired. */
  async readSigned(link: SignedLink): Promise<{ file: StoredFile; bytes: Uint8Array }> {
    const expected = Buffer.from(this.sign(link.id, link.tenantId, link.expires));
    const given = Buffer.from(link.signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw forbidden('INVALID_SIGNATURE', 'the link is not one this server signed (or it was altered)');
    if (this.deps.clock.now() > link.expires) throw forbidden('LINK_EXPIRED', `the link expired at ${new Date(link.expires).toISOString()}; ask for a new one`);
    return this.read(link.tenantId, link.id);
  }

  private sign(id: string, tenantId: string, expires: number): string {
    return createHmac('sha256', this.deps.secret).update(`${id}\n${tenantId}\n${expires}`).digest('base64url');
  }
}
