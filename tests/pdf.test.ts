import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../engine/clock/index.ts';
import { ensurePoppler } from './helpers/poppler.ts';
import { backends, freshDatabase, requestInfo, TestServer } from './harness.ts';

// Bills and receipts as the app asks pdf-service for them, read back from the file store and
// looked at with poppler (pdftotext, pdffonts), in the app's three languages.
const GP = 'pb.lodhipur';
const IST = 5.5 * 3600_000;
const ist = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) - IST;
const dir = mkdtempSync(join(tmpdir(), 'seva-pdf-'));

/** What poppler reads of a PDF: its text (layout kept) and its fonts. */
function readPdf(bytes: Uint8Array, name: string): { text: string; fonts: string } {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, bytes);
  return { text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }), fonts: execFileSync('pdffonts', [file], { encoding: 'utf8' }) };
}

describe.each(backends())('pdf-service (%s)', (backend) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let server: TestServer;
  let token: string;
  const clock = new ManualClock(ist(2026, 11, 21) + 10 * 3600_000);
  const post = async (path: string, body: Record<string, unknown> = {}, as: string | undefined = token, locale = 'en_IN') =>
    server.post(path, { RequestInfo: { ...(as ? requestInfo(as) : {}), msgId: `string|${locale}` }, ...body });
  let connectionNo: string;
  let bill: any;
  let payment: any;

  /** A stored PDF, through the signed link the file store hands out (as the app opens it). */
  const download = async (fileStoreId: string) => {
    const links = await fetch(`${server.baseUrl}/filestore/v1/files/url?tenantId=${GP}&fileStoreIds=${fileStoreId}`);
    expect(links.status).toBe(200);
    const url = ((await links.json()) as any).fileStoreIds[0].url as string;
    const file = await fetch(url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    return new Uint8Array(await file.arrayBuffer());
  };

  beforeAll(async () => {
    ensurePoppler();
    db = await freshDatabase(backend);
    server = await TestServer.start({ database: db.config, clock });
    token = await server.staffToken('collector', [{ code: 'GP_ADMIN', tenantId: GP }, { code: 'COLLECTION_OPERATOR', tenantId: GP }]);
    const created = await post('/ws-services/wc/_create', {
      WaterConnection: {
        tenantId: GP,
        connectionType: 'Non_Metered',
        propertyType: 'RESIDENTIAL',
        connectionHolders: [{ name: 'Gurpreet Singh', mobileNumber: '9800008888' }],
        additionalDetails: { locality: 'WARD3', street: 'Gali 4', doorNo: '12' },
        paymentType: 'arrears',
        arrears: 123456,
        penalty: 50,
        processInstance: { action: 'SUBMIT' },
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    connectionNo = created.body.WaterConnection[0].connectionNo;
    bill = (await post(`/billing-service/bill/v2/_fetchbill?tenantId=${GP}&consumerCode=${encodeURIComponent(connectionNo)}&businessService=WS`)).body.Bill[0];
    const paid = await post('/collection-services/payments/_create', {
      Payment: { tenantId: GP, paymentMode: 'CASH', paidBy: 'Gurpreet Singh', payerName: 'Gurpreet Singh', mobileNumber: '9800008888', totalAmountPaid: 2000, paymentDetails: [{ businessService: 'WS', billId: bill.id, totalAmountPaid: 2000 }] },
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    payment = paid.body.Payments[0];
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('prints a bill a collector fetched, keeps it, and serves it back through a signed link', async () => {
    const res = await post(`/pdf-service/v1/_create?key=ws-bill&tenantId=${GP}`, { Bill: [bill] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ message: 'Success', key: 'ws-bill', tenantid: GP, totalcount: 1 });
    expect(res.body.filestoreIds).toHaveLength(1);
    const pdf = readPdf(await download(res.body.filestoreIds[0]), 'ws-bill-en');
    expect(pdf.text).toContain(connectionNo);
    expect(pdf.text).toContain('Gurpreet Singh');
    expect(pdf.text).toContain('1,23,506.00');
    expect(pdf.text).toContain('Rupees One Lakh Twenty Three Thousand Five Hundred Six Only');
    expect(pdf.fonts).toMatch(/NotoSans-Regular\s+CID TrueType\s+Identity-H\s+yes/);
  });
});
