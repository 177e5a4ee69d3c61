import type { ErrorDetail } from '../errors/index.ts';
import { Money, sum } from '../money/index.ts';
import type { DemandInput } from './demand-input.ts';
import type { BillingMasters } from './masters.ts';

/**
 * A new demand made a whole number of rupees, when its business service names a round-off head
 * (`roundOffTaxHead`): that head's line is what the other lines' total lacks to the nearest rupee,
 * half a rupee rounding away from zero for a credit as for a charge (-150.5 → -151, where DIGIT's
 * ws-calculator truncates a negative total). A round-off line the demand was sent with is replaced;
 * a total already whole gets none.
 */
export function roundOffDemand(input: DemandInput, masters: BillingMasters, details: ErrorDetail[]): DemandInput {
  const head = masters.businessService(input.tenantId, input.businessService)?.roundOffTaxHead;
  if (!head) return input;
  const category = masters.taxHeads(input.tenantId, input.businessService).get(head)?.category;
  if (category !== 'SYSTEM') {
    const what = category === undefined ? 'which is not one of its tax heads' : `a head of category ${category}, not SYSTEM (a round-off moves a total either way)`;
    details.push({ code: 'INVALID_ROUND_OFF_HEAD', message: `${input.path}: BillingService.BusinessService ${input.businessService} rounds demands off with '${head}', ${what}`, path: `${input.path}.businessService` });
    return input;
  }
  const others = input.demandDetails.filter((x) => x.taxHeadMasterCode !== head);
  const total = sum(others.map((x) => x.taxAmount));
  const roundOff = total.toDecimalPlaces(0, Money.ROUND_HALF_UP).minus(total);
  if (roundOff.isZero()) return { ...input, demandDetails: others };
  const sent = input.demandDetails.find((x) => x.taxHeadMasterCode === head);
  const line = { id: sent?.id, taxHeadMasterCode: head, taxAmount: roundOff, additionalDetails: sent?.additionalDetails ?? null, path: sent?.path ?? `${input.path}.demandDetails[${input.demandDetails.length}]` };
  return { ...input, demandDetails: [...others, line] };
}
