import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import { Money, sum, ZERO } from '../money/index.ts';
import { apportion } from './apportion.ts';
import { withinAmount } from './demand-input.ts';
import type { Demand } from './demand.ts';
import type { TaxHead } from './masters.ts';

const heads = new Map<string, TaxHead>([
  ['REBATE', { code: 'REBATE', service: 'S', category: 'REBATE', order: 0, isDebit: true, isRequired: false }],
  ['PENALTY', { code: 'PENALTY', service: 'S', category: 'PENALTY', order: 1, isDebit: false, isRequired: false }],
  ['CHARGE', { code: 'CHARGE', service: 'S', category: 'CHARGES', order: 2, isDebit: false, isRequired: false }],
  ['ADVANCE', { code: 'ADVANCE', service: 'S', category: 'ADVANCE_COLLECTION', order: 3, isDebit: true, isRequired: false }],
]);
const audit = { createdBy: 'u', createdTime: 0, lastModifiedBy: 'u', lastModifiedTime: 0 };
const m = (v: number | string) => new Money(v);

function demandOf(id: string, period: number, details: [string, number, number?][]): Demand {
  return {
    id,
    tenantId: 't',
    consumerCode: 'c',
    consumerType: 'c',
    businessService: 'S',
    payer: null,
    taxPeriodFrom: period,
    taxPeriodTo: period + 1,
    billExpiryTime: null,
    minimumAmountPayable: ZERO,
    status: 'ACTIVE',
    isPaymentCompleted: false,
    additionalDetails: null,
    version: 1,
    auditDetails: audit,
    demandDetails: details.map(([code, tax, collected], i) => ({ id: `${id}-${i}`, demandId: id, tenantId: 't', taxHeadMasterCode: code, taxAmount: m(tax), collectionAmount: m(collected ?? 0), additionalDetails: null, auditDetails: audit })),
  };
}
const split = (r: ReturnType<typeof apportion>) => r.collections.map((c) => [c.demandDetailId, c.amount.toNumber()]);

describe('apportion', () => {
  it('fills the oldest period first, heads by order within a period, and keeps the rest as advance', () => {
    const demands = [demandOf('may', 2, [['CHARGE', 100], ['PENALTY', 10]]), demandOf('apr', 1, [['CHARGE', 100], ['PENALTY', 10]])];
    expect(split(apportion(demands, m(115), heads))).toEqual([['apr-1', 10], ['apr-0', 100], ['may-1', 5]]);
    const over = apportion(demands, m(250), heads);
    expect(over.advance.toNumber()).toBe(30);
  });

  it('draws on credits first, only as far as the charges need', () => {
    const demands = [demandOf('apr', 1, [['CHARGE', 100]]), demandOf('may', 2, [['CHARGE', 100], ['REBATE', -20]]), demandOf('adv', 0, [['ADVANCE', -50]])];
    const r = apportion(demands, m(100), heads);
    // 200 of charges, 100 paid: the advance (oldest) is used whole, then 30 of the rebate.
    expect(split(r)).toEqual([['adv-0', -50], ['may-1', -20], ['apr-0', 100], ['may-0', 70]]);
    expect(r.advance.toNumber()).toBe(0);
    // Enough cash: no credit is touched.
    expect(split(apportion(demands, m(250), heads))).toEqual([['apr-0', 100], ['may-0', 100]]);
  });

  // Pure arithmetic, so five times the cases of SEVA_PROPERTY_RUNS (1,000 by default).
  const runs = 5 * inject('propertyRuns');
  it(`keeps money exact and conserved for any demands and payments (${runs} cases)`, () => {
    const paise = fc.integer({ min: 1, max: 2_000_000 });
    const demandArb = fc.tuple(paise, fc.option(fc.integer({ min: 1, max: 50_000 }), { nil: undefined }), fc.option(fc.integer({ min: 1, max: 500 }), { nil: undefined }));
    fc.assert(
      fc.property(fc.array(demandArb, { minLength: 1, maxLength: 6 }), fc.array(fc.integer({ min: 1, max: 3_000_000 }), { minLength: 1, maxLength: 6 }), (specs, payments) => {
        let demands = specs.map(([charge, penalty, rebate], i) =>
          demandOf(`d${i}`, i, [['CHARGE', charge / 100], ...(penalty ? [['PENALTY', penalty / 100] as [string, number]] : []), ...(rebate ? [['REBATE', -rebate / 100] as [string, number]] : [])]),
        );
        let paid = ZERO;
        let advances = ZERO;
        for (const [k, p] of payments.entries()) {
          const amount = m(p).dividedBy(100);
          const r = apportion(demands, amount, heads);
          paid = paid.plus(amount);
          advances = advances.plus(r.advance);
          // Conservation: what the charges get equals cash plus credits used, minus what becomes advance.
          const toCharges = sum(r.collections.filter((c) => c.amount.greaterThan(0)).map((c) => c.amount));
          const creditsUsed = sum(r.collections.filter((c) => c.amount.lessThan(0)).map((c) => c.amount.negated()));
          expect(toCharges.equals(amount.plus(creditsUsed).minus(r.advance))).toBe(true);
          demands = demands.map((d) => ({
            ...d,
            demandDetails: d.demandDetails.map((x) => ({ ...x, collectionAmount: x.collectionAmount.plus(sum(r.collections.filter((c) => c.demandDetailId === x.id).map((c) => c.amount))) })),
          }));
          if (r.advance.greaterThan(0)) demands.push(demandOf(`adv${k}`, 100 + k, [['ADVANCE', -r.advance.toNumber()]]));
        }
        const details = demands.flatMap((d) => d.demandDetails);
        for (const x of details) {
          expect(withinAmount(x.collectionAmount, x.taxAmount)).toBe(true);
          expect(x.collectionAmount.decimalPlaces()).toBeLessThanOrEqual(2);
        }
        // Signed total collected equals total paid minus advance created.
        const collected = sum(details.map((x) => x.collectionAmount));
        expect(collected.equals(paid.minus(advances))).toBe(true);
        // Nothing is both owed and left as credit: either the charges are paid or the credits are used up.
        const owed = sum(details.filter((x) => x.taxAmount.greaterThan(0)).map((x) => x.taxAmount.minus(x.collectionAmount)));
        const credit = sum(details.filter((x) => x.taxAmount.lessThan(0)).map((x) => x.taxAmount.minus(x.collectionAmount)));
        expect(owed.isZero() || credit.isZero()).toBe(true);
      }),
      { numRuns: runs, seed: 20261121 },
    );
  });
});
