import type { EndpointAccess } from '../../access/index.ts';
import { invalid } from '../../errors/index.ts';
import type { Files } from '../../files/index.ts';
import { listCriterion, listOf } from '../openapi/route-doc.ts';
import { baseUrlOf, BytesAnswer, requireTenant, type HttpRequest, type Route } from '../route.ts';

export const FILE_PATHS = {
  'filestore.upload': '/filestore/v1/files',
  'filestore.url': '/filestore/v1/files/url',
  'filestore.read': '/filestore/v1/files/id',
  'filestore.signed': '/filestore/v1/files/signed',
} as const;

/** File endpoints that decide for themselves whether a caller without a session may go on (per module). */
export const FILE_ENDPOINTS_DECIDING_ANONYMOUS = ['filestore.upload'];

const text = (req: HttpRequest, name: string): string | undefined => {
  const v = req.query[name] ?? req.body[name];
  return typeof v === 'string' ? v : Array.isArray(v) ? v[0] : undefined;
};
const tenantOf = (req: HttpRequest) => requireTenant(text(req, 'tenantId'), '$.tenantId');
const tenantParam = { name: 'tenantId', required: true, schema: { type: 'string' } };
const fileRef = { type: 'object', required: ['fileStoreId', 'tenantId'], properties: { fileStoreId: { type: 'string' }, tenantId: { type: 'string' } } };
const bytes = { type: 'string', format: 'binary' };

/**
 * DIGIT's egov-filestore: upload (multipart, 201 `{files}`), signed expiring links to files, the
 * bytes to a caller allowed in the tenant, and the bytes through a signed link without a token.
 * Links are absolute (the app opens them as they are): `publicUrl`, else the request's host.
 */
export function fileRoutes(files: Files, grant: (endpoint: string) => EndpointAccess, publicUrl: string | undefined): Route[] {
  return [
    {
      path: FILE_PATHS['filestore.upload'],
      endpoint: 'filestore.upload',
      access: grant('filestore.upload'),
      bodyType: 'multipart',
      status: 201,
      // Without a session: only to a module open to anonymous uploads (Files.upload decides).
      decidesAnonymous: true,
      tenants: (req) => [tenantOf(req)],
      doc: {
        summary: 'Upload files',
        description:
          "multipart/form-data: one or more `file` parts, `tenantId` and `module`. Each file's type is read from its bytes and must be one its module accepts (definitions/filestore), within the module's size. Without a token only a module open to anonymous uploads takes it (401 otherwise), a limited number per client address (429 TOO_MANY_UPLOADS beyond).",
        body: { type: 'object', required: ['tenantId', 'module', 'file'], properties: { tenantId: { type: 'string' }, module: { type: 'string' }, file: { anyOf: [bytes, listOf(bytes)] } } },
        response: { type: 'object', required: ['files'], properties: { files: listOf(fileRef) } },
      },
      handle: async (req) => {
        const tenantId = tenantOf(req);
        const module = text(req, 'module');
        if (!module) throw invalid('INVALID_MODULE', '$.module is required', '$.module');
        const uploads = req.files.filter((f) => f.field === 'file');
        const stored = await files.upload(tenantId, module, uploads, req.caller ? { user: req.caller.uuid } : { address: req.clientAddress });
        return { files: stored.map((f) => ({ fileStoreId: f.id, tenantId: f.tenantId })) };
      },
    },
    {
      path: FILE_PATHS['filestore.url'],
      endpoint: 'filestore.url',
      method: 'GET',
      access: grant('filestore.url'),
      tenants: (req) => [tenantOf(req)],
      doc: {
        summary: 'Links to files',
        description: 'Signed links that serve each file without a token until they expire. As DIGIT: each id also as a key of the answer, and ids not found are left out.',
        query: [tenantParam, { name: 'fileStoreIds', required: true, schema: listCriterion(), description: 'comma-separated ids' }],
        response: {
          type: 'object',
          required: ['fileStoreIds'],
          properties: { fileStoreIds: listOf({ type: 'object', required: ['id', 'url', 'tenantId'], properties: { id: { type: 'string' }, url: { type: 'string' }, tenantId: { type: 'string' } } }) },
          additionalProperties: { type: 'string' },
        },
      },
      handle: async (req) => {
        const tenantId = tenantOf(req);
        const raw = req.query.fileStoreIds;
        const ids = (Array.isArray(raw) ? raw : [raw ?? '']).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
        if (ids.length === 0) throw invalid('INVALID_FILESTORE_IDS', '$.fileStoreIds is required: one or more ids, comma-separated', '$.fileStoreIds');
        const base = baseUrlOf(req, publicUrl);
        const found = await files.links(tenantId, ids);
        const list = found.map(({ file, link }) => {
          const query = new URLSearchParams({ tenantId: link.tenantId, id: link.id, expires: String(link.expires), signature: link.signature });
          return { id: file.id, url: `${base}${FILE_PATHS['filestore.signed']}?${query}`, tenantId: file.tenantId };
        });
        return { ...Object.fromEntries(list.map((l) => [l.id, l.url])), fileStoreIds: list };
      },
    },
    {
      path: FILE_PATHS['filestore.read'],
      endpoint: 'filestore.read',
      method: 'GET',
      access: grant('filestore.read'),
      tenants: (req) => [tenantOf(req)],
      doc: {
        summary: 'A file',
        description: 'The bytes of a file, with its type and name.',
        query: [tenantParam, { name: 'fileStoreId', required: true, schema: { type: 'string' } }],
        response: bytes,
        responseType: 'application/octet-stream',
      },
      handle: async (req) => {
        const { file, bytes } = await files.read(tenantOf(req), text(req, 'fileStoreId') ?? '');
        return new BytesAnswer(bytes, file.contentType, file.fileName);
      },
    },
    {
      path: FILE_PATHS['filestore.signed'],
      endpoint: 'filestore.signed',
      method: 'GET',
      access: grant('filestore.signed'),
      tenants: (req) => [tenantOf(req)],
      doc: {
        summary: 'A file through a signed link',
        description: 'The link /filestore/v1/files/url hands out: serves the bytes without a token while its signature holds and it has not expired (403 otherwise).',
        query: [tenantParam, ...['id', 'expires', 'signature'].map((name) => ({ name, required: true, schema: { type: 'string' } }))],
        response: bytes,
        responseType: 'application/octet-stream',
      },
      handle: async (req) => {
        const expires = Number(text(req, 'expires'));
        if (!Number.isSafeInteger(expires)) throw invalid('INVALID_LINK', '$.expires must be epoch milliseconds', '$.expires');
        const { file, bytes } = await files.readSigned({ id: text(req, 'id') ?? '', tenantId: tenantOf(req), expires, signature: text(req, 'signature') ?? '' });
        return new BytesAnswer(bytes, file.contentType, file.fileName);
      },
    },
  ];
}
