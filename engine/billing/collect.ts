import { randomUUID } from 'node:crypto';
import { conflict, invalid } from '../errors/index.ts';
import { Money, sum, ZERO } from '../money/index.ts';
import type { WriteScope } from '../lifecycle/index.ts';
import type { Collection } from './apportion.ts';
import type { Demand } from './demand.ts';
import { saveDemand } from './demands.ts';

/** Where an over-payment went: a credit on the consumer's latest demand. */
export interface AdvancePosting {
  demandId: string;
  demandDetailId: string;
  amount: Money;
}

function touch(d: Demand, actor: string, now: number): Demand {
  return { ...d, version: d.version + 1, auditDetails: { ...d.auditDetails, lastModifiedBy: actor, lastModifiedTime: Math.max(now, d.auditDetails.lastModifiedTime + 1) } };
}

/**
 * Adds collections to the demands they name, and books `advance` (if any) as a credit under the
 * advance head on the latest demand; each changed demand gets a new version with `reason`.
 */
export async function applyCollections(w: WriteScope, demands: Demand[], collections: Collection[], advance: Money, advanceHead: string | undefined, reason: string, actor: string, now: number): Promise<AdvancePosting | undefined> {
  const changed = new Map<string, Demand>();
  const demandFor = (id: string) => changed.get(id) ?? touch(demands.find((d) => d.id === id)!, actor, now);
  for (const c of collections) {
    const d = demandFor(c.demandId);
    d.demandDetails = d.demandDetails.map((x) => (x.id === c.demandDetailId ? { ...x, collectionAmount: x.collectionAmount.plus(c.amount), auditDetails: { ...x.auditDetails, lastModifiedBy: actor, lastModifiedTime: now } } : x));
    changed.set(d.id, d);
  }
  let posting: AdvancePosting | undefined;
  if (advance.greaterThan(0)) {
    if (!advanceHead) throw invalid('ADVANCE_TAX_HEAD_MISSING', 'the business service allows advance but names no advanceTaxHead to book it under');
    const latest = [...demands].sort((a, b) => b.taxPeriodFrom - a.taxPeriodFrom || b.auditDetails.createdTime - a.auditDetails.createdTime)[0]!;
    const d = demandFor(latest.id);
    const existing = d.demandDetails.find((x) => x.taxHeadMasterCode === advanceHead);
    if (existing) {
      d.demandDetails = d.demandDetails.map((x) => (x === existing ? { ...x, taxAmount: x.taxAmount.minus(advance), auditDetails: { ...x.auditDetails, lastModifiedBy: actor, lastModifiedTime: now } } : x));
      posting = { demandId: d.id, demandDetailId: existing.id, amount: advance };
    } else {
      const detailId = randomUUID();
      const auditDetails = { createdBy: actor, createdTime: now, lastModifiedBy: actor, lastModifiedTime: now };
      d.demandDetails = [...d.demandDetails, { id: detailId, demandId: d.id, tenantId: d.tenantId, taxHeadMasterCode: advanceHead, taxAmount: advance.negated(), collectionAmount: ZERO, additionalDetails: null, auditDetails }];
      posting = { demandId: d.id, demandDetailId: detailId, amount: advance };
    }
    changed.set(d.id, d);
  }
  for (const d of changed.values()) await saveDemand(w, d, reason, false);
  return posting;
}

/** Takes back what a payment collected and the advance it booked (for a cancellation). */
export async function reverseCollections(w: WriteScope, demands: Demand[], collections: Collection[], advance: AdvancePosting | undefined, reason: string, actor: string, now: number): Promise<void> {
  const changed = new Map<string, Demand>();
  const demandFor = (id: string) => {
    const found = changed.get(id) ?? demands.find((d) => d.id === id);
    if (!found) throw conflict('DEMAND_NOT_FOUND', `demand ${id} the payment was collected against no longer exists`);
    return changed.get(id) ?? touch(found, actor, now);
  };
  for (const c of collections) {
    const d = demandFor(c.demandId);
    d.demandDetails = d.demandDetails.map((x) => (x.id === c.demandDetailId ? { ...x, collectionAmount: x.collectionAmount.minus(c.amount), auditDetails: { ...x.auditDetails, lastModifiedBy: actor, lastModifiedTime: now } } : x));
    changed.set(d.id, d);
  }
  if (advance) {
    const d = demandFor(advance.demandId);
    const detail = d.demandDetails.find((x) => x.id === advance.demandDetailId);
    const unused = detail ? detail.collectionAmount.minus(detail.taxAmount) : ZERO;
    if (!detail || unused.lessThan(advance.amount)) {
      throw conflict('ADVANCE_ALREADY_USED', `the ${advance.amount.toFixed(2)} advance this payment left has since been used by a later payment or demand: cancel that first`);
    }
    const taxAmount = detail.taxAmount.plus(advance.amount);
    d.demandDetails = taxAmount.isZero() && detail.collectionAmount.isZero() ? d.demandDetails.filter((x) => x !== detail) : d.demandDetails.map((x) => (x === detail ? { ...x, taxAmount } : x));
    changed.set(d.id, d);
  }
  for (const d of changed.values()) await saveDemand(w, d, reason, false);
}

export const totalOf = (collections: Collection[]) => sum(collections.map((c) => c.amount));
