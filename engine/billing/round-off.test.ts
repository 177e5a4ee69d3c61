import { describe, expect, it } from 'vitest';
import type { ErrorDetail } from '../errors/index.ts';
import { Mdms } from '../mdms/index.ts';
import { Money, ZERO } from '../money/index.ts';
import type { DemandInput } from './demand-input.ts';
import { BillingMasters, BUSINESS_SERVICE_MASTER, TAX_HEAD_MASTER } from './masters.ts';
import { roundOffDemand } from './round-off.ts';

const head = (code: string, category: string, isDebit = false) => ({ code, service: 'S', category, order: 1, isDebit });
const masters = (service: Record<string, unknown>) =>
  new BillingMasters(
    () =>
      new Mdms(
        new Map([
          [
            'pb',
            new Map<string, Record<string, unknown>[]>([
              [BUSINESS_SERVICE_MASTER, [{ businessService: 'S', code: 'S', ...service }]],
              [TAX_HEAD_MASTER, [head('CHARGE', 'CHARGES'), head('ARREAR', 'CHARGES'), head('ADVANCE', 'ADVANCE_COLLECTION', true), head('ROUND', 'SYSTEM'), head('LATE', 'PENALTY')]],
            ]),
          ],
        ]),
      ),
  );
const rounding = masters({ roundOffTaxHead: 'ROUND' });

function demand(lines: [string, string][]): DemandInput {
  return {
    tenantId: 'pb',
    consumerCode: 'C-1',
    consumerType: 'c',
    businessService: 'S',
    payer: null,
    taxPeriodFrom: 0,
    taxPeriodTo: 1,
    billExpiryTime: null,
    minimumAmountPayable: ZERO,
    status: 'ACTIVE',
    additionalDetails: null,
    demandDetails: lines.map(([code, amount], i) => ({ taxHeadMasterCode: code, taxAmount: new Money(amount), additionalDetails: null, path: `$.Demands[0].demandDetails[${i}]` })),
    path: '$.Demands[0]',
  };
}
const lines = (d: DemandInput) => d.demandDetails.map((x) => [x.taxHeadMasterCode, x.taxAmount.toFixed()]);
const round = (m: BillingMasters, ls: [string, string][]) => {
  const problems: ErrorDetail[] = [];
  return { lines: lines(roundOffDemand(demand(ls), m, problems)), problems };
};

describe('round-off of a new demand', () => {
  it("adds what the total lacks to the nearest rupee, over every line (450.40 of arrears and 200 of penalty bill 650)", () => {
    expect(round(rounding, [['ARREAR', '450.40'], ['LATE', '200']]).lines).toEqual([['ARREAR', '450.4'], ['LATE', '200'], ['ROUND', '-0.4']]);
    expect(round(rounding, [['CHARGE', '117.75']]).lines).toEqual([['CHARGE', '117.75'], ['ROUND', '0.25']]);
  });

  it('rounds half a rupee away from zero, for a credit as for a charge', () => {
    expect(round(rounding, [['CHARGE', '114.5']]).lines).toEqual([['CHARGE', '114.5'], ['ROUND', '0.5']]);
    expect(round(rounding, [['ADVANCE', '-150.5']]).lines).toEqual([['ADVANCE', '-150.5'], ['ROUND', '-0.5']]);
    // DIGIT's ws-calculator truncates a negative total (-150.60 → -150); Seva rounds it.
    expect(round(rounding, [['ADVANCE', '-150.60']]).lines).toEqual([['ADVANCE', '-150.6'], ['ROUND', '-0.4']]);
    expect(round(rounding, [['ADVANCE', '-150.40']]).lines).toEqual([['ADVANCE', '-150.4'], ['ROUND', '0.4']]);
  });

  it('adds no line to a whole total, and replaces a round-off line the demand was sent with', () => {
    expect(round(rounding, [['CHARGE', '100']]).lines).toEqual([['CHARGE', '100']]);
    expect(round(rounding, [['CHARGE', '100'], ['ROUND', '0.3']]).lines).toEqual([['CHARGE', '100']]);
    expect(round(rounding, [['ROUND', '9'], ['CHARGE', '99.2']]).lines).toEqual([['CHARGE', '99.2'], ['ROUND', '-0.2']]);
  });

  it('leaves a demand alone when its business service names no round-off head', () => {
    expect(round(masters({}), [['CHARGE', '99.2']]).lines).toEqual([['CHARGE', '99.2']]);
  });

  it('refuses a round-off head that is not a SYSTEM head of the service, saying which', () => {
    expect(round(masters({ roundOffTaxHead: 'NOPE' }), [['CHARGE', '99.2']]).problems).toEqual([
      { code: 'INVALID_ROUND_OFF_HEAD', message: "$.Demands[0]: BillingService.BusinessService S rounds demands off with 'NOPE', which is not one of its tax heads", path: '$.Demands[0].businessService' },
    ]);
    expect(round(masters({ roundOffTaxHead: 'LATE' }), [['CHARGE', '99.2']]).problems[0]!.message).toContain("'LATE', a head of category PENALTY, not SYSTEM");
  });
});
