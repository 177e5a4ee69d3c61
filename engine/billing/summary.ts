import { Money, sum, ZERO } from '../money/index.ts';
import type { Db } from '../store/index.ts';
import type { DemandDetail } from './demand.ts';
import { activeDemandsOf } from './demands.ts';

export interface BucketSpec {
  of: 'current' | 'earlier' | 'all';
  heads: string[];
  measure: 'tax' | 'collected' | 'outstanding';
  negate?: boolean;
}

const measureOf: Record<BucketSpec['measure'], (x: DemandDetail) => Money> = {
  tax: (x) => x.taxAmount,
  collected: (x) => x.collectionAmount,
  outstanding: (x) => x.taxAmount.minus(x.collectionAmount),
};

/**
 * Sums of heads over a consumer's ACTIVE demands: its current demand (the latest, by period, of
 * the given consumer types), the earlier ones, or all. Also says which demand is current.
 */
export async function consumerBuckets(
  db: Db,
  t: { tenantId: string; businessService: string; consumerCode: string },
  currentTypes: string[] | undefined,
  buckets: Record<string, BucketSpec>,
): Promise<{ values: Record<string, number>; current: { id: string; taxPeriodFrom: number; taxPeriodTo: number; createdTime: number } | null }> {
  const demands = await activeDemandsOf(db, t);
  const candidates = demands.filter((d) => !currentTypes || currentTypes.includes(d.consumerType));
  const current = candidates.reduce<(typeof demands)[number] | undefined>((latest, d) => (!latest || d.taxPeriodFrom > latest.taxPeriodFrom ? d : latest), undefined);
  const values: Record<string, number> = {};
  for (const [name, spec] of Object.entries(buckets)) {
    const of = spec.of === 'all' ? demands : spec.of === 'current' ? (current ? [current] : []) : demands.filter((d) => d !== current);
    const heads = new Set(spec.heads);
    const total = sum(of.flatMap((d) => d.demandDetails.filter((x) => heads.has(x.taxHeadMasterCode)).map(measureOf[spec.measure])));
    values[name] = (spec.negate ? ZERO.minus(total) : total).toNumber();
  }
  return { values, current: current ? { id: current.id, taxPeriodFrom: current.taxPeriodFrom, taxPeriodTo: current.taxPeriodTo, createdTime: current.auditDetails.createdTime } : null };
}
