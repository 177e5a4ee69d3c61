import { activeDemandsOf, addDemandDetail, adjustableDemands, consumerOutstanding, outstandingOf, sumBuckets, type BillWrite, type Demand } from '../billing/index.ts';
import type { AdjustmentDefinition } from '../definitions/index.ts';
import { notFound, SevaError } from '../errors/index.ts';
import type { Mdms } from '../mdms/index.ts';
import { evaluateTemplate, type RuleSets } from '../rules/index.ts';
import type { Participant, WriteLifecycle, WriteScope } from '../lifecycle/index.ts';

export interface AdjustmentDeps {
  lifecycle: WriteLifecycle;
  mdms: () => Mdms;
  timeZone: string;
  rules: RuleSets;
  /** The user adjustments made before a bill are recorded as made by. */
  systemUuid: () => string;
}

export interface AdjustmentReport {
  /** Unpaid demands that could take the head. */
  examined: number;
  adjusted: number;
}

/**
 * Adds a head once to unpaid demands, its amount from a rule set: for a tenant (a job), or for one
 * consumer right before its bill is made (a participant of `bill` writes).
 */
export class AdjustmentRunner {
  private readonly byName: Map<string, AdjustmentDefinition>;
  private readonly beforeBill: Map<string, AdjustmentDefinition>;

  constructor(definitions: AdjustmentDefinition[], private readonly deps: AdjustmentDeps) {
    this.byName = new Map(definitions.map((d) => [d.adjustment, d]));
    this.beforeBill = new Map(definitions.filter((d) => d.beforeBill).map((d) => [d.businessService, d]));
  }

  /** Joins each bill about to be made: its business service's before-bill adjustment, for that consumer. */
  get billParticipant(): Participant<BillWrite> {
    return {
      name: 'adjustments (beforeBill)',
      kind: 'bill',
      phase: 'beforeWrite',
      run: async (write) => {
        const def = this.beforeBill.get(write.subject);
        const { tenantId, consumerCode } = write.record.target;
        if (def) await this.apply(write.scope, def, tenantId, consumerCode, write.scope.now, this.deps.systemUuid());
      },
    };
  }

  /** Applies an adjustment to a tenant's demands, in one transaction. */
  run(name: string, tenantId: string, actor: string): Promise<AdjustmentReport> {
    const def = this.byName.get(name);
    if (!def) throw notFound('ADJUSTMENT_NOT_FOUND', `no adjustment '${name}' (known: ${[...this.byName.keys()].join(', ') || 'none'})`);
    return this.deps.lifecycle.transaction((w) => this.apply(w, def, tenantId, undefined, w.now, actor));
  }

  private async apply(w: WriteScope, def: AdjustmentDefinition, tenantId: string, consumerCode: string | undefined, now: number, actor: string): Promise<AdjustmentReport> {
    const trx = w.db;
    const demands = await adjustableDemands(trx, { tenantId, businessService: def.businessService, consumerTypes: def.consumerTypes, consumerCode, withoutHead: def.once, latestOnly: def.latestOnly === true });
    const context = { mdms: this.deps.mdms(), timeZone: this.deps.timeZone };
    const rules = this.deps.rules.get(def.details.rules);
    const owed = new Map<string, number>();
    // The consumer's demands, read again once an adjustment changed one of them.
    const demandsOf = new Map<string, Demand[]>();
    let adjusted = 0;
    for (const d of demands) {
      const consumer = { tenantId: d.tenantId, businessService: d.businessService, consumerCode: d.consumerCode };
      if (!owed.has(d.consumerCode)) owed.set(d.consumerCode, await consumerOutstanding(trx, consumer));
      let buckets: Record<string, number> | undefined;
      if (def.buckets) {
        if (!demandsOf.has(d.consumerCode)) demandsOf.set(d.consumerCode, await activeDemandsOf(trx, consumer));
        buckets = sumBuckets(demandsOf.get(d.consumerCode)!, d, def.buckets);
      }
      const data = {
        now,
        tenantId: d.tenantId,
        demand: { tenantId: d.tenantId, consumerCode: d.consumerCode, consumerType: d.consumerType, taxPeriodFrom: d.taxPeriodFrom, taxPeriodTo: d.taxPeriodTo, createdTime: d.auditDetails.createdTime, outstanding: outstandingOf(d).toNumber() },
        consumer: { outstanding: owed.get(d.consumerCode) },
        buckets,
      };
      const lines = rules.evaluate({ now, ...(evaluateTemplate(def.details.input ?? {}, data, context) as Record<string, unknown>) }, context);
      if (!Array.isArray(lines)) throw new SevaError('internal', 'INVALID_RULE_RESULT', `rule set ${def.details.rules} must give a list of {taxHeadCode, amount}, gave ${JSON.stringify(lines)}`);
      for (const line of lines as { taxHeadCode?: unknown; amount?: unknown }[]) {
        if (line.taxHeadCode !== def.once) throw new SevaError('internal', 'INVALID_RULE_RESULT', `adjustment ${def.adjustment} adds ${def.once} only; rule set ${def.details.rules} gave ${JSON.stringify(line)}`);
        if (line.amount === null || line.amount === undefined || Number(line.amount) === 0) continue;
        await addDemandDetail(w, d, { taxHeadMasterCode: def.once, taxAmount: line.amount }, `${def.adjustment} applied`, actor, now);
        owed.set(d.consumerCode, owed.get(d.consumerCode)! + Number(line.amount));
        demandsOf.delete(d.consumerCode);
        adjusted++;
      }
    }
    return { examined: demands.length, adjusted };
  }
}
