import type { EndpointAccess } from '../../access/index.ts';
import { invalid } from '../../errors/index.ts';
import type { Pdfs } from '../../pdf/index.ts';
import { envelope, listOf } from '../openapi/route-doc.ts';
import { baseUrlOf, BytesAnswer, requireTenant, type HttpRequest, type Route } from '../route.ts';

export const PDF_PATHS = {
  'pdf.create': '/pdf-service/v1/_create',
  'pdf.createnosave': '/pdf-service/v1/_createnosave',
  'pdf.search': '/pdf-service/v1/_search',
} as const;

const text = (req: HttpRequest, name: string): string | undefined => {
  const v = req.query[name] ?? req.body[name];
  return typeof v === 'string' && v !== '' ? v : Array.isArray(v) ? v[0] : undefined;
};
const tenantOf = (req: HttpRequest) => requireTenant(text(req, 'tenantId') ?? text(req, 'tenantid'), '$.tenantId');

/** The document's language: DIGIT's clients put it in RequestInfo.msgId (`…|hi_IN`); `locale` may say it too. */
export function localeOf(req: HttpRequest): string {
  const asked = text(req, 'locale') ?? req.requestInfo?.msgId?.split('|')[1];
  return asked && /^[a-z]{2}_[A-Z]{2}$/.test(asked) ? asked : 'en_IN';
}

const keyParams = [
  { name: 'key', required: true, schema: { type: 'string' }, description: 'The PDF key (definitions/pdf/<key>/)' },
  { name: 'tenantId', required: true, schema: { type: 'string' } },
];
const job = {
  type: 'object',
  properties: {
    jobid: { type: 'string' },
    filestoreids: listOf({ type: 'string' }),
    tenantid: { type: 'string' },
    key: { type: 'string' },
    createdtime: { type: 'integer' },
    endtime: { type: 'integer' },
    totalcount: { type: 'integer' },
    documentType: { type: 'string' },
    moduleName: { type: 'string' },
  },
};
const printDescription =
  "The body holds the entities at the key's baseKeyPath (e.g. `Bill`, `Payments`, `BillAndDemand`). A caller holding one of the key's roles at the tenant gets them printed as sent; anyone else (or a request without a token) gets each one read again through the key's public look-ups, so the document shows only what they show. The language comes from RequestInfo.msgId (`…|hi_IN`).";

/** DIGIT's pdf-service: print and keep (`_create`), print only (`_createnosave`), and find jobs. */
export function pdfRoutes(pdfs: Pdfs, grant: (endpoint: string) => EndpointAccess, publicUrl: string | undefined): Route[] {
  const request = (req: HttpRequest) => ({ key: text(req, 'key') ?? '', tenantId: tenantOf(req), locale: localeOf(req), body: req.body, caller: req.caller, publicUrl: baseUrlOf(req, publicUrl) });
  return [
    {
      path: PDF_PATHS['pdf.create'],
      endpoint: 'pdf.create',
      access: grant('pdf.create'),
      tenants: (req) => [tenantOf(req)],
      doc: { summary: 'Print and keep documents', description: `${printDescription} Each document is kept in the file store; the answer names them.`, query: keyParams, body: envelope({}, []), response: { ...job, properties: { ...job.properties, message: { type: 'string' } } } },
      handle: async (req) => {
        const done = await pdfs.create(request(req));
        return req.respond({ message: 'Success', filestoreIds: done.filestoreids, jobid: done.jobid, createdtime: done.createdtime, endtime: done.endtime, tenantid: done.tenantid, totalcount: done.totalcount, key: done.key, documentType: done.documentType, moduleName: done.moduleName });
      },
    },
    {
      path: PDF_PATHS['pdf.createnosave'],
      endpoint: 'pdf.createnosave',
      access: grant('pdf.createnosave'),
      tenants: (req) => [tenantOf(req)],
      doc: { summary: 'Print a document', description: `${printDescription} Answers the PDF of the first entity, kept nowhere.`, query: keyParams, body: envelope({}, []), response: { type: 'string', format: 'binary' }, responseType: 'application/pdf' },
      handle: async (req) => {
        const { key, documents } = await pdfs.print(request(req));
        return new BytesAnswer(documents[0]!.bytes, 'application/pdf', `${key.key}.pdf`);
      },
    },
    {
      path: PDF_PATHS['pdf.search'],
      endpoint: 'pdf.search',
      access: grant('pdf.search'),
      tenants: (req) => [tenantOf(req)],
      doc: {
        summary: 'Find PDF jobs',
        description: 'Jobs of a tenant by job id(s) and/or by an entity they printed, newest first.',
        query: [
          { name: 'tenantid', required: true, schema: { type: 'string' } },
          { name: 'jobid', required: false, schema: { type: 'string' }, description: 'comma-separated' },
          { name: 'entityid', required: false, schema: { type: 'string' } },
        ],
        body: envelope({}, []),
        response: { type: 'object', properties: { message: { type: 'string' }, searchresult: listOf(job) } },
      },
      handle: async (req) => {
        const jobIds = (text(req, 'jobid') ?? text(req, 'jobId'))?.split(',').map((s) => s.trim()).filter(Boolean);
        const entityId = text(req, 'entityid') ?? text(req, 'entityId');
        if (!jobIds && !entityId) throw invalid('PDF_SEARCH_CRITERIA', 'name a jobid or an entityid to search PDF jobs by', '$.jobid');
        const found = await pdfs.search(tenantOf(req), { ...(jobIds ? { jobIds } : {}), ...(entityId ? { entityId } : {}) }, 100);
        return req.respond({ message: 'Success', searchresult: found });
      },
    },
  ];
}
