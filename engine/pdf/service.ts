import { randomUUID } from 'node:crypto';
import { holdsRoleAt } from '../access/index.ts';
import type { Clock } from '../clock/index.ts';
import type { PdfKey } from '../definitions/index.ts';
import { forbidden, invalid, notFound } from '../errors/index.ts';
import type { Files } from '../files/index.ts';
import type { Db } from '../store/index.ts';
import type { User } from '../users/index.ts';
import { renderDocument } from './format.ts';
import { findJobs, recordDocuments, type PdfJob } from './jobs.ts';
import { findAll, findFirst } from './paths.ts';
import { printPdf } from './printer.ts';
import { variablesFor, type VariableSources } from './variables.ts';

/** Calls a route of this engine in the process (none as caller: anonymously). */
export type RouteCall = (path: string, body: Record<string, unknown>, caller: User | undefined, query: Record<string, string>) => Promise<{ status: number; body: unknown }>;

export interface PdfDeps {
  db: Db;
  clock: Clock;
  timeZone: string;
  keys: Map<string, PdfKey>;
  files: Files;
  /** The file store module PDFs are kept under. */
  fileModule: string;
  /** Messages of a tenant in a locale, of some modules: module → code → text. */
  messages(tenantId: string, locale: string, modules: string[]): Promise<Map<string, Map<string, string>>>;
  call: RouteCall;
  systemUser: () => User | undefined;
}

/** What a document request says. */
export interface PdfRequest {
  key: string;
  tenantId: string;
  locale: string;
  body: Record<string, unknown>;
  caller: User | undefined;
  /** Where links printed in the document point. */
  publicUrl: string;
}

/** A printed request: one PDF per entity. */
export interface Printed {
  key: PdfKey;
  documents: { entityId: string; bytes: Buffer }[];
}

/**
 * DIGIT's pdf-service: documents from a key's data and format configs. A caller holding one of
 * the key's roles at the tenant gets the entities printed as sent; anyone else gets each entity
 * read again through the key's public reads, so the document shows only what those look-ups show.
 */
export class Pdfs {
  constructor(private readonly deps: PdfDeps) {}

  keyOf(key: string | undefined): PdfKey {
    const found = key ? this.deps.keys.get(key) : undefined;
    if (!found) throw notFound('PDF_KEY_NOT_FOUND', `no PDF key '${key ?? ''}': the keys are ${[...this.deps.keys.keys()].join(', ')}`);
    return found;
  }

  async print(req: PdfRequest): Promise<Printed> {
    const key = this.keyOf(req.key);
    const config = key.data;
    const entities = findAll(config.baseKeyPath, req.body);
    if (entities.length === 0) throw invalid('PDF_NO_DATA', `the request body has nothing at ${config.baseKeyPath} to print with key '${key.key}'`, config.baseKeyPath);
    const trusted = req.caller !== undefined && holdsRoleAt(req.caller, config.roles ?? [], req.tenantId);
    const caller = trusted ? req.caller : undefined;
    const messages = await this.deps.messages(req.tenantId, req.locale, labelModules(config));
    const sources: VariableSources = {
      locale: req.locale,
      timeZone: this.deps.timeZone,
      label: (module, code) => messages.get(module)?.get(code),
      call: (path, query, body) => this.deps.call(path, { RequestInfo: { apiId: 'pdf-service', ver: '1.0', msgId: `pdf|${req.locale}` }, ...body }, caller, { tenantId: req.tenantId, ...query }),
      image: async (id) => this.image(req.tenantId, id),
    };
    const documents: Printed['documents'] = [];
    for (const sent of entities) {
      const entity = trusted ? sent : await this.readBack(key, sent, req.tenantId);
      const vars = await variablesFor(key.key, config, entity, sources);
      const doc = renderDocument(key.format, { ...vars, tenantId: req.tenantId, locale: req.locale, publicUrl: req.publicUrl, now: this.deps.clock.now() }, req.locale);
      const entityId = String((config.entityIdPath ? findFirst(config.entityIdPath, entity) : undefined) ?? documents.length);
      documents.push({ entityId, bytes: await printPdf(doc) });
    }
    return { key, documents };
  }

  /** Prints and keeps the documents in the file store, as one job. */
  async create(req: PdfRequest): Promise<PdfJob> {
    const started = this.deps.clock.now();
    const { key, documents } = await this.print(req);
    const actor = req.caller?.uuid ?? 'anonymous';
    const stored = [];
    for (const d of documents) {
      const [file] = await this.deps.files.upload(req.tenantId, this.deps.fileModule, [{ name: `${key.key}-${d.entityId}.pdf`.replace(/[^\w.-]/g, '_'), bytes: d.bytes }], { user: actor });
      stored.push({ entityId: d.entityId, fileStoreId: file!.id });
    }
    const jobId = randomUUID();
    const ended = this.deps.clock.now();
    const base = { jobId, tenantId: req.tenantId, key: key.key, documentType: key.data.serviceName, moduleName: key.data.serviceName, createdBy: actor, createdTime: started, endTime: ended };
    await recordDocuments(this.deps.db, stored.map((s, i) => ({ ...base, id: `${jobId}:${String(i).padStart(4, '0')}`, entityId: s.entityId, fileStoreId: s.fileStoreId })));
    return { jobid: jobId, tenantid: req.tenantId, key: key.key, filestoreids: stored.map((s) => s.fileStoreId), entityids: stored.map((s) => s.entityId), documentType: base.documentType, moduleName: base.moduleName, createdtime: started, endtime: ended, totalcount: stored.length };
  }

  search(tenantId: string, criteria: { jobIds?: string[]; entityId?: string }, limit: number): Promise<PdfJob[]> {
    return findJobs(this.deps.db, tenantId, criteria, limit);
  }

  /** An entity as the key's public reads give it; a key without them prints only for its roles. */
  private async readBack(key: PdfKey, sent: unknown, tenantId: string): Promise<unknown> {
    const reads = key.data.public ?? [];
    if (reads.length === 0) throw forbidden('ACCESS_DENIED', `PDF key '${key.key}' prints only for the roles ${(key.data.roles ?? []).join(', ') || '(none)'} at ${tenantId}`);
    let entity: Record<string, unknown> = sent && typeof sent === 'object' ? { ...(sent as Record<string, unknown>) } : {};
    for (const read of reads) {
      const query: Record<string, string> = { tenantId };
      for (const [name, path] of Object.entries(read.query ?? {})) {
        const value = path.startsWith('$') ? findFirst(path, sent) : path;
        if (value !== undefined && value !== null && value !== '') query[name] = String(value);
      }
      const caller = read.as === 'system' ? this.deps.systemUser() : undefined;
      const answer = await this.deps.call(read.route, { RequestInfo: { apiId: 'pdf-service', ver: '1.0' } }, caller, query);
      const value = answer.status === 200 ? findFirst(read.answer, answer.body) : undefined;
      if (value === undefined || value === null) throw notFound('PDF_DATA_NOT_FOUND', `PDF key '${key.key}': ${read.route} found nothing for ${JSON.stringify(query)} (status ${answer.status})`);
      if (read.set === '$') entity = { ...(value as Record<string, unknown>) };
      else entity[read.set] = value;
    }
    return entity;
  }

  private async image(tenantId: string, id: string): Promise<string | undefined> {
    try {
      const { file, bytes } = await this.deps.files.read(tenantId, id);
      return file.contentType.startsWith('image/') ? `data:${file.contentType};base64,${Buffer.from(bytes).toString('base64')}` : undefined;
    } catch {
      return undefined;
    }
  }
}

/** The modules a data config's labels and localised values come from. */
function labelModules(config: PdfKey['data']): string[] {
  const modules = new Set([config.serviceName]);
  for (const group of config.mappings) {
    for (const m of group.mappings ?? []) {
      for (const d of m.direct ?? []) if (d.localisation?.module) modules.add(d.localisation.module);
      for (const e of m.externalAPI ?? []) for (const r of e.responseMapping) if (r.localisation?.module) modules.add(r.localisation.module);
    }
  }
  return [...modules];
}
