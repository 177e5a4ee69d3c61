import type { WriteScope } from '../lifecycle/index.ts';
import { sql } from 'kysely';
import { randomUUID } from 'node:crypto';
import { parseAmount, ZERO } from '../money/index.ts';
import type { Db } from '../store/index.ts';
import { outstandingOf, type Demand } from './demand.ts';
import { loadDemands, saveDemand } from './demands.ts';

export interface AdjustableCriteria {
  tenantId: string;
  businessService: string;
  consumerTypes?: string[];
  /** One consumer only (before its bill is made). */
  consumerCode?: string;
  /** Demands already carrying this head are left alone: the adjustment happens once. */
  withoutHead: string;
  /** Only each consumer's latest demand (by period) of these types. */
  latestOnly: boolean;
  /** Lock them, to adjust them (an estimate only reads). */
  lock: boolean;
}

/** ACTIVE demands not fully paid that an adjustment may still apply to, oldest first. */
export async function adjustableDemands(trx: Db, c: AdjustableCriteria): Promise<Demand[]> {
  let q = trx
    .selectFrom('seva_demand as d')
    .select('d.id')
    .where('d.tenant_id', '=', c.tenantId)
    .where('d.business_service', '=', c.businessService)
    .where('d.status', '=', 'ACTIVE')
    .where('d.is_payment_completed', '=', false)
    .where(sql<boolean>`not exists (select 1 from seva_demand_detail x where x.demand_id = d.id and x.tax_head_code = ${c.withoutHead})`);
  if (c.consumerTypes) q = q.where('d.consumer_type', 'in', c.consumerTypes);
  if (c.consumerCode) q = q.where('d.consumer_code', '=', c.consumerCode);
  if (c.latestOnly) {
    const types = c.consumerTypes ? sql`and l.consumer_type in (${sql.join(c.consumerTypes)})` : sql``;
    q = q.where(sql<boolean>`not exists (select 1 from seva_demand l where l.tenant_id = d.tenant_id and l.consumer_code = d.consumer_code and l.business_service = d.business_service and l.status = 'ACTIVE' ${types} and l.tax_period_from > d.tax_period_from)`);
  }
  const rows = await q.orderBy('d.tax_period_from').orderBy('d.id').execute();
  return (await loadDemands(trx, rows.map((r) => r.id), c.lock)).filter((d) => outstandingOf(d).greaterThan(0));
}

/** The demand as it would be with one more detail (nothing saved). */
export function withDemandDetail(demand: Demand, detail: { taxHeadMasterCode: string; taxAmount: unknown }, actor: string, now: number): Demand {
  const taxAmount = parseAmount(detail.taxAmount, `${detail.taxHeadMasterCode}.taxAmount`);
  const auditDetails = { createdBy: actor, createdTime: now, lastModifiedBy: actor, lastModifiedTime: now };
  return {
    ...demand,
    version: demand.version + 1,
    demandDetails: [...demand.demandDetails, { id: randomUUID(), demandId: demand.id, tenantId: demand.tenantId, taxHeadMasterCode: detail.taxHeadMasterCode, taxAmount, collectionAmount: ZERO, additionalDetails: null, auditDetails }],
    auditDetails: { ...demand.auditDetails, lastModifiedBy: actor, lastModifiedTime: Math.max(now, demand.auditDetails.lastModifiedTime + 1) },
  };
}

/** Adds one detail to a demand as a new version of it, with the reason in its history. */
export async function addDemandDetail(w: WriteScope, demand: Demand, detail: { taxHeadMasterCode: string; taxAmount: unknown }, reason: string, actor: string, now: number): Promise<Demand> {
  const updated = withDemandDetail(demand, detail, actor, now);
  await saveDemand(w, updated, reason, false);
  return updated;
}

/** What a consumer still owes under a business service (credits count against it). */
export async function consumerOutstanding(trx: Db, t: { tenantId: string; businessService: string; consumerCode: string }): Promise<number> {
  const row = await trx
    .selectFrom('seva_demand as d')
    .innerJoin('seva_demand_detail as x', 'x.demand_id', 'd.id')
    .select(sql<string>`coalesce(sum(x.tax_amount - x.collection_amount), 0)`.as('n'))
    .where('d.tenant_id', '=', t.tenantId)
    .where('d.business_service', '=', t.businessService)
    .where('d.consumer_code', '=', t.consumerCode)
    .where('d.status', '=', 'ACTIVE')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
