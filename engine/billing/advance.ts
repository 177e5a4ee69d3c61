import { ZERO } from '../money/index.ts';
import type { WriteScope } from '../lifecycle/index.ts';
import { apportion } from './apportion.ts';
import type { BillTarget } from './bills.ts';
import { openDemandsOf } from './bills.ts';
import { applyCollections } from './collect.ts';
import type { BillingMasters } from './masters.ts';

/**
 * A consumer holding advance has it applied to new charges, oldest charges first, as a payment of
 * nothing would be apportioned. Other credits (a rebate) wait for a payment.
 */
export async function applyAdvance(w: WriteScope, target: BillTarget, masters: BillingMasters, actor: string, now: number): Promise<boolean> {
  const heads = masters.taxHeads(target.tenantId, target.businessService);
  const advanceHead = masters.businessService(target.tenantId, target.businessService)?.advanceTaxHead;
  const isAdvance = (code: string) => code === advanceHead || heads.get(code)?.category === 'ADVANCE_COLLECTION';
  const demands = await openDemandsOf(w.db, target, true);
  const hasCredit = demands.some((d) => d.demandDetails.some((x) => isAdvance(x.taxHeadMasterCode) && x.taxAmount.minus(x.collectionAmount).lessThan(0)));
  const hasCharge = demands.some((d) => d.demandDetails.some((x) => x.taxAmount.minus(x.collectionAmount).greaterThan(0)));
  if (!hasCredit || !hasCharge) return false;
  const split = apportion(demands, ZERO, heads, { creditHeads: isAdvance });
  if (split.collections.length === 0) return false;
  await applyCollections(w, demands, split.collections, ZERO, undefined, 'advance applied', actor, now);
  return true;
}
