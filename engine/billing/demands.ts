import type { WriteScope } from '../lifecycle/index.ts';
import type { DomainEvent } from '../events/index.ts';
import { BILLING_TOPICS } from './topics.ts';
import { randomUUID } from 'node:crypto';
import { exactFilters, inFilters, insertRecord, searchRecords, updateRecord, type SortKey } from '../persister/index.ts';
import { conflict, invalid, invalidFields, notFound, type ErrorDetail } from '../errors/index.ts';
import { ZERO } from '../money/index.ts';
import { uniqueViolationOf, type Db } from '../store/index.ts';
import { listCriterion as list } from '../validation/index.ts';
import { demandJson, isSettled, outstandingOf, versionOf, type Demand, type DemandDetail } from './demand.ts';
import { demandTable, demandVersionTable } from './demand-tables.ts';
import { readDemand, withinAmount, type DemandInput } from './demand-input.ts';
import type { BillingMasters } from './masters.ts';
import { roundOffDemand } from './round-off.ts';

type Raw = Record<string, any>;

/** Oldest period first: the order demands are billed, apportioned and answered in. */
const OLDEST_FIRST: SortKey<Demand>[] = [['taxPeriodFrom', 'asc'], ['auditDetails.createdTime', 'asc'], ['id', 'asc']];

/** Loads demands with their details; locked for update when asked. */
export function loadDemands(db: Db, ids: string[], forUpdate = false): Promise<Demand[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return searchRecords(db, demandTable, { filters: inFilters({ id: ids }), sort: OLDEST_FIRST, forUpdate });
}

/** A consumer of a business service at a tenant. */
export interface Consumer {
  tenantId: string;
  businessService: string;
  consumerCode: string;
}

/** A consumer's ACTIVE demands, oldest period first; locked when `forUpdate`. */
export function activeDemandsOf(db: Db, c: Consumer, forUpdate = false): Promise<Demand[]> {
  return searchRecords(db, demandTable, {
    tenant: { id: c.tenantId, scope: 'exact' },
    filters: exactFilters({ consumerCode: c.consumerCode, businessService: c.businessService, status: 'ACTIVE' }),
    sort: OLDEST_FIRST,
    forUpdate,
  });
}

/** Writes a demand (insert or full replace of its row and details), a version in its history, and its event. */
export async function saveDemand(w: WriteScope, d: Demand, reason: string, isNew: boolean): Promise<void> {
  d.isPaymentCompleted = isSettled(d);
  if (isNew) await insertRecord(w.db, demandTable, d);
  else await updateRecord(w.db, demandTable, d);
  await insertRecord(w.db, demandVersionTable, versionOf(d, reason));
  w.emit(demandEvent(d, reason, isNew));
}

/** The event of a demand's version: created, cancelled, or changed (`reason` says how). */
export function demandEvent(d: Demand, reason: string, isNew: boolean): DomainEvent {
  const topic = isNew ? BILLING_TOPICS.demandCreated : reason === 'cancelled' ? BILLING_TOPICS.demandCancelled : BILLING_TOPICS.demandUpdated;
  return { topic, key: d.id, tenantId: d.tenantId, payload: { Demand: demandJson(d), reason } };
}

/** Reads and checks demands; new ones are rounded off as their business service says. */
function readAll(raws: unknown, masters: BillingMasters, forCreate: boolean): DemandInput[] {
  if (!Array.isArray(raws) || raws.length === 0) throw invalid('INVALID_REQUEST', 'Demands must be a non-empty list', '$.Demands');
  const details: ErrorDetail[] = [];
  const inputs = raws.map((raw: Raw, i) => {
    const input = readDemand(raw, `$.Demands[${i}]`, masters, details);
    return input && forCreate ? roundOffDemand(input, masters, details) : input;
  });
  if (details.length > 0) throw invalidFields(details);
  return inputs as DemandInput[];
}

/** Another ACTIVE demand of the consumer for the same service, type and period, if there is one. */
async function activeDuplicate(db: Db, d: Pick<Demand, 'tenantId' | 'consumerCode' | 'businessService' | 'consumerType' | 'taxPeriodFrom' | 'taxPeriodTo' | 'id'>): Promise<string | undefined> {
  const same = await searchRecords(db, demandTable, {
    tenant: { id: d.tenantId, scope: 'exact' },
    filters: exactFilters({ consumerCode: d.consumerCode, businessService: d.businessService, consumerType: d.consumerType, taxPeriodFrom: d.taxPeriodFrom, taxPeriodTo: d.taxPeriodTo, status: 'ACTIVE' }),
  });
  return same.find((x) => x.id !== d.id)?.id;
}

const duplicateError = (d: DemandInput, existing?: string) =>
  conflict('DUPLICATE_DEMAND', `consumer ${d.consumerCode} already has an ACTIVE ${d.businessService} demand${existing ? ` (${existing})` : ''} for this period and consumer type`, `${d.path}.consumerCode`);

/** Runs `work`, turning a clash on the one-ACTIVE-demand-per-period index into 409. */
async function guardDuplicates<T>(inputs: DemandInput[], work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (uniqueViolationOf(err) === 'seva_demand_active_period_ukey') throw duplicateError(inputs[0]!);
    throw err;
  }
}

/** A demand as first written, from what a request or a service said of it. */
export function newDemand(input: DemandInput, actor: string, now: number): Demand {
  const id = randomUUID();
  const auditDetails = { createdBy: actor, createdTime: now, lastModifiedBy: actor, lastModifiedTime: now };
  return {
    ...input,
    id,
    isPaymentCompleted: false,
    version: 1,
    auditDetails,
    demandDetails: input.demandDetails.map((x) => ({
      id: randomUUID(),
      demandId: id,
      tenantId: input.tenantId,
      taxHeadMasterCode: x.taxHeadMasterCode,
      taxAmount: x.taxAmount,
      collectionAmount: x.collectionAmount ?? ZERO,
      additionalDetails: x.additionalDetails,
      auditDetails,
    })),
  };
}

/** Creates demands inside the caller's transaction (the `_create` API, or a service's own write). */
export async function createDemands(w: WriteScope, raws: unknown, masters: BillingMasters, actor: string, now: number): Promise<Demand[]> {
  const inputs = readAll(raws, masters, true);
  const created: Demand[] = [];
  return guardDuplicates(inputs, async () => {
    for (const input of inputs) {
      const demand = newDemand(input, actor, now);
      if (demand.status === 'ACTIVE') {
        const existing = await activeDuplicate(w.db, demand);
        if (existing) throw duplicateError(input, existing);
      }
      await saveDemand(w, demand, 'created', true);
      created.push(demand);
    }
    return created;
  });
}

/**
 * Updates demands: amounts of existing heads (never below what is collected), new heads, status,
 * expiry, payer and details. Consumer, service, type and period are fixed once created; collected
 * amounts change only through payments.
 */
export async function updateDemands(w: WriteScope, raws: unknown, masters: BillingMasters, actor: string, now: number): Promise<Demand[]> {
  const inputs = readAll(raws, masters, false);
  const missing: ErrorDetail[] = inputs.filter((d) => !d.id).map((d) => ({ code: 'REQUIRED_FIELD_MISSING', message: `${d.path}.id is required to update a demand`, path: `${d.path}.id` }));
  if (missing.length > 0) throw invalidFields(missing);
  const updated: Demand[] = [];
  return guardDuplicates(inputs, async () => {
    for (const input of inputs) {
      const [stored] = await loadDemands(w.db, [input.id!], true);
      if (!stored || stored.tenantId !== input.tenantId) throw notFound('DEMAND_NOT_FOUND', `no demand ${input.id} at ${input.tenantId}`);
      if (input.lastModifiedTime !== undefined && input.lastModifiedTime !== stored.auditDetails.lastModifiedTime) {
        throw conflict('STALE_DEMAND', `demand ${stored.id} was changed since it was read (last modified ${new Date(stored.auditDetails.lastModifiedTime).toISOString()}); search it again`, `${input.path}.auditDetails.lastModifiedTime`);
      }
      const fixed = ['consumerCode', 'businessService', 'consumerType', 'taxPeriodFrom', 'taxPeriodTo'] as const;
      for (const field of fixed) {
        if (input[field] !== stored[field]) throw invalid('IMMUTABLE_FIELD', `${input.path}.${field} cannot change once a demand is created (it is ${String(stored[field])})`, `${input.path}.${field}`);
      }
      const details: DemandDetail[] = stored.demandDetails.map((x) => ({ ...x }));
      for (const sent of input.demandDetails) {
        const existing = sent.id ? details.find((x) => x.id === sent.id) : details.find((x) => x.taxHeadMasterCode === sent.taxHeadMasterCode);
        if (sent.id && !existing) throw invalid('UNKNOWN_DEMAND_DETAIL', `${sent.path}.id ${sent.id} is not a detail of demand ${stored.id}`, `${sent.path}.id`);
        if (existing) {
          if (existing.taxHeadMasterCode !== sent.taxHeadMasterCode) throw invalid('IMMUTABLE_FIELD', `${sent.path}.taxHeadMasterCode cannot change (it is ${existing.taxHeadMasterCode})`, `${sent.path}.taxHeadMasterCode`);
          if (!withinAmount(existing.collectionAmount, sent.taxAmount)) {
            throw invalid('INVALID_TAX_AMOUNT', `${sent.path}.taxAmount ${sent.taxAmount.toFixed()} is below the ${existing.collectionAmount.toFixed()} already collected`, `${sent.path}.taxAmount`);
          }
          if (!existing.taxAmount.equals(sent.taxAmount) || JSON.stringify(existing.additionalDetails) !== JSON.stringify(sent.additionalDetails)) {
            existing.taxAmount = sent.taxAmount;
            existing.additionalDetails = sent.additionalDetails;
            existing.auditDetails = { ...existing.auditDetails, lastModifiedBy: actor, lastModifiedTime: now };
          }
        } else {
          details.push({
            id: randomUUID(),
            demandId: stored.id,
            tenantId: stored.tenantId,
            taxHeadMasterCode: sent.taxHeadMasterCode,
            taxAmount: sent.taxAmount,
            collectionAmount: ZERO,
            additionalDetails: sent.additionalDetails,
            auditDetails: { createdBy: actor, createdTime: now, lastModifiedBy: actor, lastModifiedTime: now },
          });
        }
      }
      const demand: Demand = {
        ...stored,
        payer: input.payer ?? stored.payer,
        billExpiryTime: input.billExpiryTime ?? stored.billExpiryTime,
        minimumAmountPayable: input.minimumAmountPayable,
        status: input.status,
        additionalDetails: input.additionalDetails ?? stored.additionalDetails,
        demandDetails: details,
        version: stored.version + 1,
        auditDetails: { ...stored.auditDetails, lastModifiedBy: actor, lastModifiedTime: Math.max(now, stored.auditDetails.lastModifiedTime + 1) },
      };
      if (demand.status === 'ACTIVE' && stored.status !== 'ACTIVE') {
        const existing = await activeDuplicate(w.db, demand);
        if (existing) throw duplicateError(input, existing);
      }
      await saveDemand(w, demand, demand.status === 'CANCELLED' && stored.status !== 'CANCELLED' ? 'cancelled' : 'updated', false);
      updated.push(demand);
    }
    return updated;
  });
}

export interface DemandCriteria {
  tenantId: string;
  ids?: string[];
  consumerCodes?: string[];
  businessService?: string;
  status?: string[];
  periodFrom?: number;
  periodTo?: number;
  isPaymentCompleted?: boolean;
  offset: number;
  limit: number;
}

const integer = (v: unknown, name: string): number | undefined => {
  if (v === undefined || v === null || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n)) throw invalid('INVALID_SEARCH_CRITERIA', `${name} must be a whole number`, `$.${name}`);
  return n;
};

export function readDemandCriteria(raw: Raw): DemandCriteria {
  if (typeof raw.tenantId !== 'string' || raw.tenantId === '') throw invalid('INVALID_TENANT_ID', 'tenantId is required', '$.tenantId');
  const paid = raw.isPaymentCompleted;
  return {
    tenantId: raw.tenantId,
    ids: list(raw.demandId ?? raw.ids),
    consumerCodes: list(raw.consumerCode),
    businessService: typeof raw.businessService === 'string' && raw.businessService !== '' ? raw.businessService : undefined,
    status: list(raw.status),
    periodFrom: integer(raw.periodFrom, 'periodFrom'),
    periodTo: integer(raw.periodTo, 'periodTo'),
    isPaymentCompleted: paid === undefined || paid === '' ? undefined : paid === true || paid === 'true',
    offset: Math.max(0, integer(raw.offset, 'offset') ?? 0),
    limit: Math.min(Math.max(1, integer(raw.limit, 'limit') ?? 100), 1000),
  };
}

export function searchDemands(db: Db, c: DemandCriteria): Promise<Demand[]> {
  const range = (field: 'taxPeriodFrom' | 'taxPeriodTo', match: 'from' | 'to', value: number | undefined) => (value === undefined ? [] : [{ fields: [field], match, values: [value] }]);
  return searchRecords(db, demandTable, {
    tenant: { id: c.tenantId, scope: 'within' },
    filters: [
      ...inFilters({ id: c.ids, consumerCode: c.consumerCodes, status: c.status }),
      ...exactFilters({ businessService: c.businessService, isPaymentCompleted: c.isPaymentCompleted }),
      ...range('taxPeriodFrom', 'from', c.periodFrom),
      ...range('taxPeriodTo', 'to', c.periodTo),
    ],
    sort: OLDEST_FIRST,
    page: c,
  });
}

/** Every version of a demand, oldest first, with who changed it, when and why. */
export async function demandHistory(db: Db, tenantId: string, demandId: string) {
  const versions = await searchRecords(db, demandVersionTable, { tenant: { id: tenantId, scope: 'exact' }, filters: exactFilters({ demandId }), sort: [['version', 'asc']] });
  return versions.map((v) => ({ version: v.version, reason: v.reason, changedBy: v.changedBy, changedTime: v.changedTime, demand: v.snapshot }));
}

/**
 * Cancels a consumer's active demands that still have something to pay (partly paid ones too);
 * settled demands and credits (advance) stay. What was collected stays on the cancelled demand.
 */
export async function cancelUnpaidDemands(w: WriteScope, target: Consumer, actor: string, now: number): Promise<Demand[]> {
  const cancelled: Demand[] = [];
  for (const stored of await activeDemandsOf(w.db, target, true)) {
    if (!outstandingOf(stored).greaterThan(0)) continue;
    const demand: Demand = {
      ...stored,
      status: 'CANCELLED',
      version: stored.version + 1,
      auditDetails: { ...stored.auditDetails, lastModifiedBy: actor, lastModifiedTime: Math.max(now, stored.auditDetails.lastModifiedTime + 1) },
    };
    await saveDemand(w, demand, 'cancelled', false);
    cancelled.push(demand);
  }
  return cancelled;
}
