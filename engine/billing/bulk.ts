import type { WriteScope } from '../lifecycle/index.ts';
import { sql } from 'kysely';
import type { ErrorDetail } from '../errors/index.ts';
import { insertRowsUnnested, rowsOf, type RecordRows } from '../persister/index.ts';
import type { Db } from '../store/index.ts';
import { demandTable, demandVersionTable } from './demand-tables.ts';
import { applyAdvance } from './advance.ts';
import { versionOf, type Demand } from './demand.ts';
import { readDemand } from './demand-input.ts';
import { demandEvent, newDemand } from './demands.ts';
import type { BillingMasters } from './masters.ts';
import { roundOffDemand } from './round-off.ts';

export interface BulkDemandOutcome {
  created: Demand[];
  /** Already had an ACTIVE demand for the period and consumer type: left as it was. */
  skipped: number[];
  /** Refused by the masters (unknown head, period outside every tax period, ...). */
  refused: { index: number; details: ErrorDetail[] }[];
}

/** Demands read, checked and turned into rows, ready to be written (all of it work without the database). */
export interface PreparedDemands {
  candidates: { index: number; demand: Demand; rows: RecordRows; version: RecordRows }[];
  refused: BulkDemandOutcome['refused'];
  actor: string;
  now: number;
}

/** Each demand is checked as `_create` checks it; the good ones become rows. */
export function prepareDemands(raws: Record<string, unknown>[], masters: BillingMasters, actor: string, now: number): PreparedDemands {
  const prepared: PreparedDemands = { candidates: [], refused: [], actor, now };
  raws.forEach((raw, index) => {
    const details: ErrorDetail[] = [];
    const read = readDemand(raw, `$.Demands[${index}]`, masters, details);
    const input = read && roundOffDemand(read, masters, details);
    if (!input || details.length > 0) {
      prepared.refused.push({ index, details });
      return;
    }
    const demand = newDemand({ ...input, status: 'ACTIVE' }, actor, now);
    prepared.candidates.push({ index, demand, rows: rowsOf(demandTable, demand), version: rowsOf(demandVersionTable, versionOf(demand, 'created')) });
  });
  return prepared;
}

/**
 * Writes prepared demands in three statements inside the write: one that meets an ACTIVE demand of its
 * consumer, type and period is skipped, not duplicated; consumers holding advance have it applied
 * to their new charges.
 */
export async function writeDemands(w: WriteScope, prepared: PreparedDemands, masters: BillingMasters): Promise<BulkDemandOutcome> {
  const { candidates, refused } = prepared;
  const trx = w.db;
  if (candidates.length === 0) return { created: [], skipped: [], refused };
  const ids = await insertRowsUnnested(trx, demandTable, candidates.map((c) => c.rows), {
    onConflict: sql`on conflict (tenant_id, consumer_code, business_service, consumer_type, tax_period_from, tax_period_to) where status = 'ACTIVE' do nothing`,
  });
  const written = candidates.filter((c) => ids.has(c.demand.id));
  const skipped = candidates.filter((c) => !ids.has(c.demand.id)).map((c) => c.index);
  if (written.length === 0) return { created: [], skipped, refused };
  await insertRowsUnnested(trx, demandVersionTable, written.map((c) => c.version));
  const created = written.map((c) => c.demand);
  for (const d of created) w.emit(demandEvent(d, 'created', true));
  for (const consumer of await consumersHoldingAdvance(trx, created, masters)) await applyAdvance(w, consumer, masters, prepared.actor, prepared.now);
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
