import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../engine/clock/index.ts';
import { backends, freshDatabase, TestServer } from './harness.ts';

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

const stores = [
  { name: 'database', dir: undefined as string | undefined },
  { name: 'directory', dir: 'dir' },
];

describe.each(backends())('the file store on %s', (backend) => {
  describe.each(stores)('with the $name store', ({ dir }) => {
    const clock = new ManualClock(Date.UTC(2026, 10, 1, 4, 30));
    let server: TestServer;
    let drop: () => Promise<void>;
    let token = '';
    let filesDir: string | undefined;

    beforeAll(async () => {
      const db = await freshDatabase(backend);
      drop = db.drop;
      filesDir = dir ? mkdtempSync(join(tmpdir(), 'seva-files-')) : undefined;
      server = await TestServer.start({ database: db.config, clock, filesSecret: 'test-secret', fileLinkTtlSeconds: 600, ...(filesDir ? { filesDir } : {}) });
      token = await server.token('admin', 'admin-secret-1', 'pb');
    }, 120_000);

    afterAll(async () => {
      await server?.stop();
      await drop?.();
      if (filesDir) rmSync(filesDir, { recursive: true, force: true });
    });

    const upload = (files: { name: string; bytes: Uint8Array; type: string }[], module = 'mgramseva', withToken = true) => {
      const form = new FormData();
      for (const f of files) form.append('file', new Blob([new Uint8Array(f.bytes)], { type: f.type }), f.name);
      form.append('tenantId', 'pb.lodhipur');
      form.append('module', module);
      return fetch(`${server.baseUrl}/filestore/v1/files`, { method: 'POST', body: form, headers: withToken ? { authorization: `Bearer ${token}` } : {} });
    };
    const get = (path: string, withToken = true) => fetch(`${server.baseUrl}${path}`, { headers: withToken ? { authorization: `Bearer ${token}` } : {} });

    it('an expense bill photo and a PDF are uploaded, linked and downloaded through signed links', async () => {
      const png = tinyPng();
      const pdf = tinyPdf();
      const res = await upload([{ name: 'bill.png', bytes: png, type: 'image/png' }, { name: 'bill.pdf', bytes: pdf, type: 'application/pdf' }]);
      expect(res.status).toBe(201);
      const { files } = (await res.json()) as { files: { fileStoreId: string; tenantId: string }[] };
      expect(files).toHaveLength(2);
      expect(files.every((f) => f.tenantId === 'pb.lodhipur')).toBe(true);
      if (filesDir) expect(readdirSync(filesDir).sort()).toEqual(files.map((f) => f.fileStoreId).sort());

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
  });
});
