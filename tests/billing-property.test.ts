import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startSeva, type Seva } from '../engine/boot/index.ts';
import type { BillWrite } from '../engine/billing/index.ts';
import { Money } from '../engine/money/index.ts';
import { definitionsWith, month2026 } from './harness.ts';

const GP = 'pb.lodhipur';
const month = month2026;
const paise = (n: number) => new Money(n).dividedBy(100);
/** SEVA_PROPERTY_RUNS (vitest.config.ts): 200 by default, thousands for a long run. */
const runs = inject('propertyRuns');

/**
 * Random demands and payments through the engine on a real database (PGlite in memory): whatever
 * happens, money is conserved, no detail collects beyond its amount, and amounts stay exact.
 */
describe('billing keeps money exact and conserved for random demands and payments', () => {
  let seva: Seva;
  beforeAll(async () => {
    seva = await startSeva({ definitionsDir: definitionsWith('tests/fixtures/billing'), database: { dataDir: 'memory' }, adminPassword: 'admin-secret-1' });
  });
  afterAll(async () => {
    await seva?.close();
  });

  it("writes a service's demands inside the service's own transaction, and runs a bill write's participants before the bill is made", async () => {
    const billing = seva.billing;
    const demand = (consumerCode: string) => ({ tenantId: GP, consumerCode, businessService: 'TESTSVC', ...month(4), demandDetails: [{ taxHeadMasterCode: 'TESTSVC_CHARGE', taxAmount: 100 }] });
    const failed = await seva.lifecycle
      .transaction(async (w) => {
        await billing.createDemands([demand('TX-1')], 'service', w);
        throw new Error('the service write failed');
      })
      .catch((e: Error) => e.message);
    expect(failed).toBe('the service write failed');
    expect(await billing.searchDemands({ tenantId: GP, consumerCode: 'TX-1' })).toEqual([]);

    await billing.createDemands([demand('TX-2')], 'service');
    const seen: string[] = [];
    let joining = true;
    seva.lifecycle.use<BillWrite>({
      name: 'test penalty',
      kind: 'bill',
      phase: 'beforeWrite',
      run: async (write) => {
        if (!joining || write.subject !== 'TESTSVC') return;
        const target = write.record.target;
        seen.push(target.consumerCode);
        // A penalty rule would add its head here, in the bill's transaction.
        const [d] = await billing.searchDemands({ tenantId: target.tenantId, consumerCode: target.consumerCode }, write.scope.db);
        if (d && !d.demandDetails.some((x) => x.taxHeadMasterCode === 'TESTSVC_PENALTY')) {
          await billing.updateDemands([{ ...d, demandDetails: [{ taxHeadMasterCode: 'TESTSVC_PENALTY', taxAmount: 10 }], minimumAmountPayable: 0, auditDetails: undefined }], 'penalty', write.scope);
        }
      },
    });
    try {
      const [bill] = await billing.fetchBills(GP, ['TX-2'], 'TESTSVC', 'tester');
      expect(seen).toEqual(['TX-2']);
      expect(bill!.totalAmount.toNumber()).toBe(110);
    } finally {
      joining = false;
    }
  });

  it(`holds over ${runs} random cases`, async () => {
    const billing = seva.billing;
    let n = 0;
    const charge = fc.integer({ min: 1, max: 500_000 });
    const spec = fc.record({
      demands: fc.array(fc.record({ charge, penalty: fc.option(fc.integer({ min: 1, max: 20_000 }), { nil: undefined }), rebate: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }) }), { minLength: 1, maxLength: 3 }),
      payments: fc.array(fc.integer({ min: 1, max: 700_000 }), { minLength: 1, maxLength: 3 }),
      later: fc.option(charge, { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(spec, async ({ demands, payments, later }) => {
        const consumerCode = `PROP-${n++}`;
        const demand = (m: number, details: [string, Money][]) => ({
          tenantId: GP,
          consumerCode,
          businessService: 'TESTSVC',
          ...month(m),
          demandDetails: details.map(([taxHeadMasterCode, amount]) => ({ taxHeadMasterCode, taxAmount: amount.toFixed(2) })),
        });
        await billing.createDemands(
          demands.map((d, i) =>
            demand(i + 4, [['TESTSVC_CHARGE', paise(d.charge)], ...(d.penalty ? [['TESTSVC_PENALTY', paise(d.penalty)] as [string, Money]] : []), ...(d.rebate ? [['TESTSVC_REBATE', paise(-d.rebate)] as [string, Money]] : [])]),
          ),
          'tester',
        );
        let paid = new Money(0);
        let advance = new Money(0);
        for (const p of payments) {
          const [bill] = await billing.fetchBills(GP, [consumerCode], 'TESTSVC', 'tester');
          if (!bill) break;
          const amount = paise(p);
          const payment = await billing.createPayment({ tenantId: GP, paymentMode: 'CASH', totalAmountPaid: amount.toFixed(2), paymentDetails: [{ businessService: 'TESTSVC', billId: bill.id, totalAmountPaid: amount.toFixed(2) }] }, 'tester');
          paid = paid.plus(amount);
          advance = advance.plus(payment.details[0]!.advance?.amount ?? 0);
        }
        if (later) await billing.createDemands([demand(9, [['TESTSVC_CHARGE', paise(later)]])], 'tester');
        const stored = await billing.searchDemands({ tenantId: GP, consumerCode });
        const details = stored.flatMap((d) => d.demandDetails);
        let collected = new Money(0);
        for (const x of details) {
          const [lo, hi] = x.taxAmount.greaterThanOrEqualTo(0) ? [new Money(0), x.taxAmount] : [x.taxAmount, new Money(0)];
          expect(x.collectionAmount.greaterThanOrEqualTo(lo) && x.collectionAmount.lessThanOrEqualTo(hi), `${x.taxHeadMasterCode} collected ${x.collectionAmount} of ${x.taxAmount}`).toBe(true);
          expect(x.collectionAmount.decimalPlaces()).toBeLessThanOrEqual(2);
          expect(x.taxAmount.decimalPlaces()).toBeLessThanOrEqual(2);
          collected = collected.plus(x.collectionAmount);
        }
        // Total collected (credits used count against it) equals total paid minus advance created.
        expect(collected.toFixed(2)).toBe(paid.minus(advance).toFixed(2));
      }),
      { numRuns: runs, seed: 4242 },
    );
  }, Math.max(60_000, runs * 240));
});
