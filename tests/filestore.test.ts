import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSeva } from '../engine/boot/index.ts';
import { ManualClock } from '../engine/clock/index.ts';
import { s3Store } from '../engine/files/index.ts';
import type { Seva, SevaOptions } from '../engine/boot/index.ts';
import { backends, definitionsWith, freshDatabase, TestServer } from './harness.ts';
import { startS3Peer } from './s3-peer.ts';

/** A real 1×1 PNG (signature, IHDR, IDAT, IEND; CRCs are not checked by type sniffing but are cheap to skip). */
function tinyPng(): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    return Buffer.concat([len, Buffer.from(type, 'ascii'), data, Buffer.alloc(4)]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))), chunk('IEND', Buffer.alloc(0))]));
}

const tinyPdf = () => new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/** A place for file bytes, made for one server: the options that choose it, and the ids it holds. */
interface StoreUnderTest {
  name: string;
  start(): Promise<{ options: Partial<SevaOptions>; stored: (seva: Seva) => Promise<string[]>; stop: () => Promise<void> }>;
}

const S3_PREFIX = 'tests/files/';

/** The same behaviour, whatever keeps the bytes: every case below runs on each. */
const stores: StoreUnderTest[] = [
  {
    name: 'database',
    start: async () => ({
      options: {},
      stored: async (seva) => (await seva.database.db.selectFrom('seva_file_content').select('id').execute()).map((r) => r.id as string),
      stop: async () => {},
    }),
  },
  {
    name: 'directory',
    start: async () => {
      const filesDir = mkdtempSync(join(tmpdir(), 'seva-files-'));
      return { options: { filesDir }, stored: async () => readdirSync(filesDir), stop: async () => rmSync(filesDir, { recursive: true, force: true }) };
    },
  },
  {
    name: 's3',
    start: async () => {
      const peer = await startS3Peer('seva-files', S3_PREFIX);
      // Keys outside the prefix would show as themselves, and fail the comparison.
      const stored = async () => (await peer.keys()).map((key) => (key.startsWith(S3_PREFIX) ? key.slice(S3_PREFIX.length) : key));
      return { options: { filesS3: peer.settings }, stored, stop: peer.stop };
    },
  },
];

/** The shipped definitions, plus a module that takes uploads from signed-in users only. */
const definitionsDir = definitionsWith(mkdtempSync(join(tmpdir(), 'seva-no-fixture-')), [
  { file: 'filestore/modules.yaml', replace: 'modules:\n', with: 'modules:\n  staff-only: { types: [image/png], maxBytes: 100000 }\n' },
]);

type Upload = { name: string; bytes: Uint8Array; type: string };
type Errors = { Errors: { code: string; message: string }[] };

describe.each(backends())('the file store on %s', (backend) => {
  describe.each(stores)('with the $name store', (store) => {
    const clock = new ManualClock(Date.UTC(2026, 10, 1, 4, 30));
    let server: TestServer;
    let drop: () => Promise<void>;
    let token = '';
    let bytesStore: Awaited<ReturnType<StoreUnderTest['start']>>;

    beforeAll(async () => {
      const db = await freshDatabase(backend);
      drop = db.drop;
      bytesStore = await store.start();
      server = await TestServer.start({ database: db.config, definitionsDir, clock, filesSecret: 'test-secret', fileLinkTtlSeconds: 600, ...bytesStore.options });
      token = await server.token('admin', 'admin-secret-1', 'pb');
    }, 120_000);

    afterAll(async () => {
      await server?.stop();
      await drop?.();
      await bytesStore?.stop();
    });

    const upload = (files: Upload[], module = 'mgramseva', withToken = true, headers: Record<string, string> = {}) => {
      const form = new FormData();
      for (const f of files) form.append('file', new Blob([new Uint8Array(f.bytes)], { type: f.type }), f.name);
      form.append('tenantId', 'pb.lodhipur');
      form.append('module', module);
      return fetch(`${server.baseUrl}/filestore/v1/files`, { method: 'POST', body: form, headers: { ...headers, ...(withToken ? { authorization: `Bearer ${token}` } : {}) } });
    };
    const get = (path: string, withToken = true) => fetch(`${server.baseUrl}${path}`, { headers: withToken ? { authorization: `Bearer ${token}` } : {} });
    const linksTo = async (ids: string[]) => {
      const res = await fetch(`${server.baseUrl}/filestore/v1/files/url?tenantId=pb.lodhipur&fileStoreIds=${ids.join(',')}`);
      expect(res.status).toBe(200);
      return ((await res.json()) as { fileStoreIds: { id: string; url: string }[] }).fileStoreIds;
    };
    const createdBy = async (id: string) => (await server.seva.database.db.selectFrom('seva_file').select('created_by').where('id', '=', id).executeTakeFirstOrThrow()).created_by as string;

    it('an expense bill photo and a PDF are uploaded, linked and downloaded through signed links', async () => {
      const png = tinyPng();
      const pdf = tinyPdf();
      const res = await upload([{ name: 'bill.png', bytes: png, type: 'image/png' }, { name: 'bill.pdf', bytes: pdf, type: 'application/pdf' }]);
      expect(res.status).toBe(201);
      const { files } = (await res.json()) as { files: { fileStoreId: string; tenantId: string }[] };
      expect(files).toHaveLength(2);
      expect(files.every((f) => f.tenantId === 'pb.lodhipur')).toBe(true);
      expect((await bytesStore.stored(server.seva)).sort()).toEqual(files.map((f) => f.fileStoreId).sort());
      expect(await createdBy(files[0]!.fileStoreId)).not.toBe('anonymous');

      const urls = await get(`/filestore/v1/files/url?tenantId=pb.lodhipur&fileStoreIds=${files.map((f) => f.fileStoreId).join(',')}`);
      expect(urls.status).toBe(200);
      const body = (await urls.json()) as Record<string, unknown> & { fileStoreIds: { id: string; url: string }[] };
      expect(body.fileStoreIds.map((f) => f.id)).toEqual(files.map((f) => f.fileStoreId));
      for (const f of body.fileStoreIds) expect(body[f.id]).toBe(f.url);

      for (const [i, link] of body.fileStoreIds.entries()) {
        const download = await fetch(link.url);
        expect(download.status).toBe(200);
        expect(download.headers.get('content-type')).toBe(i === 0 ? 'image/png' : 'application/pdf');
        expect(download.headers.get('content-disposition')).toContain(i === 0 ? 'bill.png' : 'bill.pdf');
        expect(new Uint8Array(await download.arrayBuffer())).toEqual(i === 0 ? png : pdf);
      }

      const direct = await get(`/filestore/v1/files/id?tenantId=pb.lodhipur&fileStoreId=${files[1]!.fileStoreId}`);
      expect(direct.status).toBe(200);
      expect(new Uint8Array(await direct.arrayBuffer())).toEqual(pdf);
      expect((await get(`/filestore/v1/files/id?tenantId=pb.lodhipur&fileStoreId=${files[1]!.fileStoreId}`, false)).status).toBe(401);
    });

    it('a file whose bytes are not an accepted type is refused, even named .pdf', async () => {
      const res = await upload([{ name: 'invoice.pdf', bytes: new TextEncoder().encode('MZ\x90\x00 not a pdf at all'), type: 'application/pdf' }]);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { Errors: { code: string; message: string }[] };
      expect(body.Errors[0]!.code).toBe('INVALID_FILE_TYPE');
      const unknownModule = await upload([{ name: 'a.png', bytes: tinyPng(), type: 'image/png' }], 'nobody');
      expect(unknownModule.status).toBe(400);
    });

    it('a signed link stops working after it expires, and a tampered one never works', async () => {
      const res = await upload([{ name: 'late.png', bytes: tinyPng(), type: 'image/png' }]);
      const [file] = ((await res.json()) as { files: { fileStoreId: string }[] }).files;
      const urls = (await (await get(`/filestore/v1/files/url?tenantId=pb.lodhipur&fileStoreIds=${file!.fileStoreId}`)).json()) as { fileStoreIds: { url: string }[] };
      const url = new URL(urls.fileStoreIds[0]!.url);

      const tampered = new URL(url);
      tampered.searchParams.set('expires', String(Number(url.searchParams.get('expires')) + 3_600_000));
      expect((await fetch(tampered)).status).toBe(403);
      const otherTenant = new URL(url);
      otherTenant.searchParams.set('tenantId', 'pb.other');
      expect((await fetch(otherTenant)).status).toBe(403);

      expect((await fetch(url)).status).toBe(200);
      clock.advance(601_000);
      const expired = await fetch(url);
      expect(expired.status).toBe(403);
      expect(((await expired.json()) as { Errors: { code: string }[] }).Errors[0]!.code).toBe('LINK_EXPIRED');
    });

    it('the app uploads an expense bill without a token: its module takes it, as made by anonymous, and a signed link opens it', async () => {
      const png = tinyPng();
      const res = await upload([{ name: 'expense-bill.png', bytes: png, type: 'image/png' }], 'mgramseva', false);
      expect(res.status).toBe(201);
      const [file] = ((await res.json()) as { files: { fileStoreId: string; tenantId: string }[] }).files;
      expect(file!.tenantId).toBe('pb.lodhipur');
      expect(await createdBy(file!.fileStoreId)).toBe('anonymous');
      expect(await bytesStore.stored(server.seva)).toContain(file!.fileStoreId);
      const [link] = await linksTo([file!.fileStoreId]);
      const download = await fetch(link!.url);
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe('image/png');
      expect(new Uint8Array(await download.arrayBuffer())).toEqual(png);
    });

    it('a module without anonymous uploads refuses one without a token (401), and takes it with one', async () => {
      const png = { name: 'staff.png', bytes: tinyPng(), type: 'image/png' };
      const refused = await upload([png], 'staff-only', false);
      expect(refused.status).toBe(401);
      const { Errors } = (await refused.json()) as Errors;
      expect(Errors[0]!.code).toBe('UNAUTHENTICATED');
      expect(Errors[0]!.message).toContain("module 'staff-only' takes uploads from signed-in users only");
      expect((await upload([png], 'staff-only')).status).toBe(201);
    });

    it("the 31st anonymous upload from one address in an hour is refused (429); a signed-in user's is not, and the next hour takes more", async () => {
      clock.set(Date.UTC(2026, 10, 2, 0, 0));
      const png = { name: 'bill.png', bytes: tinyPng(), type: 'image/png' };
      for (let i = 0; i < 30; i++) expect((await upload([png], 'mgramseva', false)).status).toBe(201);
      // X-Forwarded-For is not trusted by default: a forged one does not make a new address.
      const over = await upload([png], 'mgramseva', false, { 'x-forwarded-for': '203.0.113.9' });
      expect(over.status).toBe(429);
      expect(Number(over.headers.get('retry-after'))).toBe(3600);
      const { Errors } = (await over.json()) as Errors;
      expect(Errors[0]!.code).toBe('TOO_MANY_UPLOADS');
      expect(Errors[0]!.message).toContain("anonymous uploads to module 'mgramseva'");
      expect((await upload([png])).status).toBe(201);
      clock.advance(3_600_000);
      expect((await upload([png], 'mgramseva', false)).status).toBe(201);
    });
  });
});

describe('the S3 store against an S3-protocol server', () => {
  it('gives back the bytes put, nothing for a key it does not hold, and an error for a bucket that is not there', async () => {
    const peer = await startS3Peer('seva-store-test', 'a/b/');
    try {
      const store = s3Store(peer.settings);
      const bytes = new Uint8Array([0, 1, 2, 255, 254]);
      await store.put('one', bytes);
      expect(await store.get('one')).toEqual(bytes);
      expect(await peer.keys()).toEqual(['a/b/one']);
      expect(await store.get('missing')).toBeUndefined();
      store.close?.();
      const noBucket = s3Store({ ...peer.settings, bucket: 'not-made' });
      await expect(noBucket.get('one')).rejects.toMatchObject({ name: 'NoSuchBucket' });
      noBucket.close?.();
    } finally {
      await peer.stop();
    }
  });
});

describe('file store settings', () => {
  it('naming both a directory and a bucket stops the start, saying so, before the database is opened', async () => {
    const dataDir = join(tmpdir(), `seva-never-opened-${process.pid}-${Date.now()}`);
    const start = startSeva({ definitionsDir: 'definitions', database: { dataDir }, filesDir: '/tmp/seva-files', filesS3: { bucket: 'seva-files' } });
    await expect(start).rejects.toMatchObject({ code: 'FILE_STORES_CONFLICT', message: expect.stringContaining("both a directory (SEVA_FILES_DIR or filesDir: '/tmp/seva-files') and an S3 bucket (SEVA_FILES_S3_BUCKET or filesS3: 'seva-files')") });
    expect(existsSync(dataDir)).toBe(false);
  });
});
