import { min, type Money, ZERO } from '../money/index.ts';
import type { Demand } from './demand.ts';
import type { TaxHead } from './masters.ts';

/** A change to one demand detail's collected amount. */
export interface Collection {
  demandId: string;
  demandDetailId: string;
  taxHeadCode: string;
  /** Added to the detail's collectionAmount: positive for a charge, negative for a credit used. */
  amount: Money;
}

export interface Apportionment {
  collections: Collection[];
  /** What is left over once every charge is paid: it becomes advance (a credit) on the latest demand. */
  advance: Money;
}

interface Bucket {
  demand: Demand;
  detailId: string;
  taxHeadCode: string;
  order: number;
  outstanding: Money;
}

/**
 * Splits an amount over a consumer's open demands (DIGIT's apportioning): demands oldest period
 * first, and within a period heads by their `order`. Credits (negative outstanding: advance,
 * rebate) are drawn on first, but only as far as the charges need them; then each charge is
 * filled up to its outstanding amount. Whatever remains is advance. `creditHeads` limits which
 * credits may be drawn on.
 */
export function apportion(demands: Demand[], amount: Money, heads: Map<string, TaxHead>, options: { creditHeads?: (code: string) => boolean } = {}): Apportionment {
  const buckets: Bucket[] = [...demands]
    .sort((a, b) => a.taxPeriodFrom - b.taxPeriodFrom || a.auditDetails.createdTime - b.auditDetails.createdTime || a.id.localeCompare(b.id))
    .flatMap((demand) =>
      demand.demandDetails
        .map((x) => ({ demand, detailId: x.id, taxHeadCode: x.taxHeadMasterCode, order: heads.get(x.taxHeadMasterCode)?.order ?? Number.MAX_SAFE_INTEGER, outstanding: x.taxAmount.minus(x.collectionAmount) }))
        .sort((a, b) => a.order - b.order),
    );
  const charges = buckets.filter((b) => b.outstanding.greaterThan(0));
  const credits = buckets.filter((b) => b.outstanding.lessThan(0) && (!options.creditHeads || options.creditHeads(b.taxHeadCode)));
  const needed = charges.reduce((s, b) => s.plus(b.outstanding), ZERO);
  const collections: Collection[] = [];
  const collect = (b: Bucket, value: Money) => collections.push({ demandId: b.demand.id, demandDetailId: b.detailId, taxHeadCode: b.taxHeadCode, amount: value });

  let available = amount;
  for (const credit of credits) {
    if (available.greaterThanOrEqualTo(needed)) break;
    const use = min(credit.outstanding.negated(), needed.minus(available));
    collect(credit, use.negated());
    available = available.plus(use);
  }
  for (const charge of charges) {
    if (available.lessThanOrEqualTo(0)) break;
    const take = min(charge.outstanding, available);
    collect(charge, take);
    available = available.minus(take);
  }
  return { collections, advance: available };
}
