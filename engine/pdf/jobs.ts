import { engineTable, insertRecords, searchRecords } from '../persister/index.ts';
import type { Db } from '../store/index.ts';

/** One document of a PDF job (DIGIT's egov_pdf_gen keeps a row per entity printed). */
export interface PdfDocumentRecord {
  id: string;
  jobId: string;
  tenantId: string;
  key: string;
  entityId: string;
  fileStoreId: string;
  documentType: string;
  moduleName: string;
  createdBy: string;
  createdTime: number;
  endTime: number;
}

export const pdfDocumentTable = engineTable<PdfDocumentRecord>({
  table: 'seva_pdf_document',
  primaryKey: 'id',
  tenantColumn: 'tenant_id',
  nulls: 'omitted',
  columns: {
    id: { path: 'id', type: 'text', notNull: true },
    job_id: { path: 'jobId', type: 'text', notNull: true },
    tenant_id: { path: 'tenantId', type: 'text', notNull: true },
    key: { path: 'key', type: 'text', notNull: true },
    entity_id: { path: 'entityId', type: 'text', notNull: true },
    file_store_id: { path: 'fileStoreId', type: 'text', notNull: true },
    document_type: { path: 'documentType', type: 'text', notNull: true },
    module_name: { path: 'moduleName', type: 'text', notNull: true },
    created_by: { path: 'createdBy', type: 'text', notNull: true },
    created_time: { path: 'createdTime', type: 'bigint', notNull: true },
    end_time: { path: 'endTime', type: 'bigint', notNull: true },
  },
});

export function recordDocuments(db: Db, documents: PdfDocumentRecord[]): Promise<void> {
  return insertRecords(db, pdfDocumentTable, documents);
}

/** A job as DIGIT's `_search` answers it: its documents' file store ids, in order. */
export interface PdfJob {
  jobid: string;
  tenantid: string;
  key: string;
  filestoreids: string[];
  entityids: string[];
  documentType: string;
  moduleName: string;
  createdtime: number;
  endtime: number;
  totalcount: number;
}

/** Jobs of a tenant by job id and/or by an entity they printed, newest first. */
export async function findJobs(db: Db, tenantId: string, criteria: { jobIds?: string[]; entityId?: string }, limit: number): Promise<PdfJob[]> {
  const documents = await searchRecords(db, pdfDocumentTable, {
    tenant: { id: tenantId, scope: 'exact' as const },
    filters: [
      ...(criteria.jobIds ? [{ fields: ['jobId'], match: 'in' as const, values: criteria.jobIds }] : []),
      ...(criteria.entityId ? [{ fields: ['entityId'], match: 'exact' as const, values: [criteria.entityId] }] : []),
    ],
    sort: [
      ['createdTime', 'desc'],
      ['id', 'asc'],
    ],
    page: { offset: 0, limit: limit * 50 },
  });
  const jobs = new Map<string, PdfJob>();
  for (const d of documents) {
    const job = jobs.get(d.jobId) ?? { jobid: d.jobId, tenantid: d.tenantId, key: d.key, filestoreids: [], entityids: [], documentType: d.documentType, moduleName: d.moduleName, createdtime: d.createdTime, endtime: d.endTime, totalcount: 0 };
    job.filestoreids.push(d.fileStoreId);
    job.entityids.push(d.entityId);
    job.totalcount++;
    jobs.set(d.jobId, job);
  }
  return [...jobs.values()].slice(0, limit);
}
