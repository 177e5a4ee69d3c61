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

  it("prints the app's v2 bill in Hindi without a token: read back from the public look-ups, Devanagari shaped by an embedded font", async () => {
    const aggregate = await post(`/billing-service/demand/_getAggregateDemandDetails?tenantId=${GP}&consumerCode=${encodeURIComponent(connectionNo)}&businessService=WS`);
    expect(aggregate.status).toBe(200);
    // As the app's bill screen sends it: no token, the figures it holds (which are not trusted).
    const forged = { ...bill, totalAmount: 1, payerName: 'Someone Else' };
    const res = await post(`/pdf-service/v1/_create?key=ws-bill-v2&tenantId=${GP}`, { BillAndDemand: { Bill: [forged], AggregatedDemands: aggregate.body } }, '', 'hi_IN');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const pdf = readPdf(await download(res.body.filestoreIds[0]), 'ws-bill-v2-hi');
    expect(pdf.text).toContain(connectionNo);
    expect(pdf.text).toContain('1,23,506.00');
    // The public look-up's payer, starred; not the name the request carried.
    expect(pdf.text).toContain('G******* *****');
    expect(pdf.text).not.toContain('Someone Else');
    expect(pdf.text).toContain('पता');
    expect(pdf.fonts).toMatch(/NotoSansDevanagari-(Regular|Bold)\s+CID TrueType\s+Identity-H\s+yes/);
    expect(await post(`/pdf-service/v1/_search?tenantid=${GP}&jobid=${res.body.jobid}`)).toMatchObject({ status: 200, body: { searchresult: [{ jobid: res.body.jobid, filestoreids: res.body.filestoreIds, key: 'ws-bill-v2' }] } });
  });

  it('prints a receipt in Punjabi for the collector, with a Gurmukhi font embedded', async () => {
    const res = await post(`/pdf-service/v1/_create?key=ws-receipt-nm&tenantId=${GP}`, { Payments: [payment] }, token, 'pn_IN');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const pdf = readPdf(await download(res.body.filestoreIds[0]), 'ws-receipt-pn');
    expect(pdf.text).toContain(connectionNo);
    expect(pdf.text).toContain(payment.paymentDetails[0].receiptNumber);
    expect(pdf.text).toContain('2,000.00');
    expect(pdf.text).toContain('Gurpreet Singh');
    expect(pdf.text).toContain('ਪਤਾ'.slice(0, 0) + 'ਰਸੀਦ');
    expect(pdf.fonts).toMatch(/NotoSansGurmukhi-(Regular|Bold)\s+CID TrueType\s+Identity-H\s+yes/);
  });

  it('prints nothing the public look-ups would not show', async () => {
    const unknown = await post(`/pdf-service/v1/_create?key=ws-bill&tenantId=${GP}`, { Bill: [{ ...bill, billNumber: 'NO-SUCH-BILL' }] }, '');
    expect(unknown.status).toBe(404);
    expect(unknown.body.Errors[0].code).toBe('PDF_DATA_NOT_FOUND');
    const noKey = await post(`/pdf-service/v1/_create?key=ws-nothing&tenantId=${GP}`, { Bill: [bill] });
    expect(noKey.status).toBe(404);
    expect(noKey.body.Errors[0].code).toBe('PDF_KEY_NOT_FOUND');
    const nothing = await post(`/pdf-service/v1/_create?key=ws-bill&tenantId=${GP}`, { Payments: [payment] });
    expect(nothing.status).toBe(400);
    expect(nothing.body.Errors[0].code).toBe('PDF_NO_DATA');
  });

  it('answers the PDF itself from _createnosave, kept nowhere', async () => {
    const res = await fetch(`${server.baseUrl}/pdf-service/v1/_createnosave?key=ws-receipt&tenantId=${GP}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ RequestInfo: { ...requestInfo(token), msgId: 'x|en_IN' }, Payments: [payment] }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = readPdf(new Uint8Array(await res.arrayBuffer()), 'ws-receipt-en');
    expect(pdf.text).toContain('Rupees Two Thousand Only');
    expect(pdf.text).toContain('Water Charges Receipt');
  });
});
