import { sql } from 'kysely';
import type { ErrorDetail } from '../errors/index.ts';
import type { Db } from '../store/index.ts';
import { applyAdvance } from './advance.ts';
import { demandRow, detailRow, type Demand } from './demand.ts';
import { readDemand } from './demand-input.ts';
import { historyRow, newDemand } from './demands.ts';
import type { BillingMasters } from './masters.ts';

export interface BulkDemandOutcome {
  created: Demand[];
  /** Already had an ACTIVE demand for the period and consumer type: left as it was. */
  skipped: number[];
  /** Refused by the masters (unknown head, period outside every tax period, ...). */
  refused: { index: number; details: ErrorDetail[] }[];
}

/**
 * Many demands in a few multi-row statements, inside `trx`: each is checked as `_create` checks it;
 * one that meets an ACTIVE demand of its consumer, type and period is skipped, not duplicated; the
 * consumers holding advance have it applied to their new charges.
 */
export async function createDemandsInBulk(trx: Db, raws: Record<string, unknown>[], masters: BillingMasters, actor: string, now: number): Promise<BulkDemandOutcome> {
  const refused: BulkDemandOutcome['refused'] = [];
  const candidates: { index: number; demand: Demand }[] = [];
  raws.forEach((raw, index) => {
    const details: ErrorDetail[] = [];
    const input = readDemand(raw, `$.Demands[${index}]`, masters, details);
    if (!input || details.length > 0) refused.push({ index, details });
    else candidates.push({ index, demand: newDemand({ ...input, status: 'ACTIVE' }, actor, now) });
  });
  if (candidates.length === 0) return { created: [], skipped: [], refused };

  const inserted = await trx
    .insertInto('seva_demand')
    .values(candidates.map((c) => demandRow(c.demand)))
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'consumer_code', 'business_service', 'consumer_type', 'tax_period_from', 'tax_period_to'])
        .where('status', '=', 'ACTIVE')
        .doNothing(),
    )
    .returning('id')
    .execute();
  const ids = new Set(inserted.map((r) => r.id as string));
  const created = candidates.filter((c) => ids.has(c.demand.id)).map((c) => c.demand);
  const skipped = candidates.filter((c) => !ids.has(c.demand.id)).map((c) => c.index);
  if (created.length === 0) return { created, skipped, refused };

  await trx.insertInto('seva_demand_detail').values(created.flatMap((d) => d.demandDetails.map((x, i) => detailRow(x, i)))).execute();
  await trx.insertInto('seva_demand_history').values(created.map((d) => historyRow(d, 'created'))).execute();
  for (const consumer of await consumersHoldingAdvance(trx, created, masters)) await applyAdvance(trx, consumer, masters, actor, now);
  return { created, skipped, refused };
}

/** Of the consumers of these demands, those with advance left to use (one query for the lot). */
async function consumersHoldingAdvance(trx: Db, demands: Demand[], masters: BillingMasters) {
  const out: { tenantId: string; businessService: string; consumerCode: string }[] = [];
  const groups = new Map<string, { tenantId: string; businessService: string; codes: Set<string> }>();
  for (const d of demands) {
    const key = `${d.tenantId}|${d.businessService}`;
    const g = groups.get(key) ?? { tenantId: d.tenantId, businessService: d.businessService, codes: new Set<string>() };
    g.codes.add(d.consumerCode);
    groups.set(key, g);
  }
  for (const g of groups.values()) {
    const heads = masters.taxHeads(g.tenantId, g.businessService);
    const advanceHead = masters.businessService(g.tenantId, g.businessService)?.advanceTaxHead;
    const advanceHeads = [...heads.values()].filter((h) => h.code === advanceHead || h.category === 'ADVANCE_COLLECTION').map((h) => h.code);
    if (advanceHeads.length === 0) continue;
    const rows = await trx
      .selectFrom('seva_demand as d')
      .innerJoin('seva_demand_detail as x', 'x.demand_id', 'd.id')
      .select('d.consumer_code')
      .distinct()
      .where('d.tenant_id', '=', g.tenantId)
      .where('d.business_service', '=', g.businessService)
      .where('d.status', '=', 'ACTIVE')
      .where('d.consumer_code', 'in', [...g.codes])
      .where('x.tax_head_code', 'in', advanceHeads)
      .where(sql<boolean>`x.tax_amount - x.collection_amount < 0`)
      .execute();
    for (const r of rows) out.push({ tenantId: g.tenantId, businessService: g.businessService, consumerCode: r.consumer_code as string });
  }
  return out;
}
