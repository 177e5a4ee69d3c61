import { Money, sum, ZERO } from '../money/index.ts';
import type { Db } from '../store/index.ts';
import { demandJson, type Demand, type DemandDetail } from './demand.ts';
import { activeDemandsOf, type Consumer } from './demands.ts';

export interface BucketSpec {
  of: 'current' | 'earlier' | 'all';
  heads: string[];
  /** Sum of taxAmount, collectionAmount or their difference; or `count`: how many demands have one of the heads still open. */
  measure: 'tax' | 'collected' | 'outstanding' | 'count';
  negate?: boolean;
}

const measureOf: Record<Exclude<BucketSpec['measure'], 'count'>, (x: DemandDetail) => Money> = {
  tax: (x) => x.taxAmount,
  collected: (x) => x.collectionAmount,
  outstanding: (x) => x.taxAmount.minus(x.collectionAmount),
};

const isOpen = (x: DemandDetail) => !x.taxAmount.equals(x.collectionAmount);

/**
 * Each bucket over a consumer's demands: `current` (one demand, or none), the `earlier` ones (all
 * but current), or `all`.
 */
export function sumBuckets(demands: Demand[], current: Demand | undefined, buckets: Record<string, BucketSpec>): Record<string, number> {
  const values: Record<string, number> = {};
  for (const [name, spec] of Object.entries(buckets)) {
    const of = spec.of === 'all' ? demands : spec.of === 'current' ? (current ? [current] : []) : demands.filter((d) => d.id !== current?.id);
    const heads = new Set(spec.heads);
    const lines = (d: Demand) => d.demandDetails.filter((x) => heads.has(x.taxHeadMasterCode));
    const total = spec.measure === 'count' ? new Money(of.filter((d) => lines(d).some(isOpen)).length) : sum(of.flatMap((d) => lines(d).map(measureOf[spec.measure as keyof typeof measureOf])));
    values[name] = (spec.negate ? ZERO.minus(total) : total).toNumber();
  }
  return values;
}

export interface SummaryOptions {
  /** The current demand is the latest (by period) of these consumer types (default any). */
  currentTypes?: string[];
  /** Lines settled (tax = collected) are left out, and so are demands with none left (DIGIT's aggregate dues). */
  openLinesOnly?: boolean;
}

/** A demand as a summary's rules read it. */
export interface DemandBrief {
  id: string;
  consumerType: string;
  taxPeriodFrom: number;
  taxPeriodTo: number;
  createdTime: number;
  /** Its lines by head: when each was added, its amount and what is collected of it. */
  lines: Record<string, { createdTime: number; taxAmount: number; collectionAmount: number }>;
}

export interface ConsumerSummary {
  values: Record<string, number>;
  /** The current demand (of those the buckets read). */
  current: DemandBrief | null;
  /** The latest ACTIVE demand of the current types, settled or not. */
  latest: DemandBrief | null;
  /** The demands the buckets read, latest period first, as DIGIT clients read demands. */
  demands: ReturnType<typeof demandJson>[];
}

const latestOf = (demands: Demand[]) => demands.reduce<Demand | undefined>((latest, d) => (!latest || d.taxPeriodFrom > latest.taxPeriodFrom ? d : latest), undefined);

function brief(d: Demand | undefined): DemandBrief | null {
  if (!d) return null;
  const lines = Object.fromEntries(d.demandDetails.map((x) => [x.taxHeadMasterCode, { createdTime: x.auditDetails.createdTime, taxAmount: x.taxAmount.toNumber(), collectionAmount: x.collectionAmount.toNumber() }]));
  return { id: d.id, consumerType: d.consumerType, taxPeriodFrom: d.taxPeriodFrom, taxPeriodTo: d.taxPeriodTo, createdTime: d.auditDetails.createdTime, lines };
}

/**
 * Sums of heads over a consumer's ACTIVE demands (see `sumBuckets`), the current one being the
 * latest, by period, of the given consumer types; with the demands read and the latest one.
 */
export async function consumerBuckets(db: Db, consumer: Consumer, options: SummaryOptions, buckets: Record<string, BucketSpec>): Promise<ConsumerSummary> {
  const active = await activeDemandsOf(db, consumer);
  const ofType = (d: Demand) => !options.currentTypes || options.currentTypes.includes(d.consumerType);
  const demands = options.openLinesOnly
    ? active.map((d) => ({ ...d, demandDetails: d.demandDetails.filter(isOpen) })).filter((d) => d.demandDetails.length > 0)
    : active;
  const current = latestOf(demands.filter(ofType));
  return {
    values: sumBuckets(demands, current, buckets),
    current: brief(current),
    latest: brief(latestOf(active.filter(ofType))),
    demands: [...demands].reverse().map(demandJson),
  };
}
