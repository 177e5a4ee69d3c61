import { addDemandDetail, adjustableDemands, consumerOutstanding, outstandingOf, type BillingEngine } from '../billing/index.ts';
import type { Clock } from '../clock/index.ts';
import type { AdjustmentDefinition } from '../definitions/index.ts';
import { notFound, SevaError } from '../errors/index.ts';
import type { Mdms } from '../mdms/index.ts';
import { evaluateTemplate, type RuleSets } from '../rules/index.ts';
import type { Db } from '../store/index.ts';

export interface AdjustmentDeps {
  db: Db;
  clock: Clock;
  mdms: () => Mdms;
  timeZone: string;
  rules: RuleSets;
  billing: BillingEngine;
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
 * consumer right before its bill is made (the business service's recompute step).
 */
export class AdjustmentRunner {
  private readonly byName: Map<string, AdjustmentDefinition>;

  constructor(definitions: AdjustmentDefinition[], private readonly deps: AdjustmentDeps) {
    this.byName = new Map(definitions.map((d) => [d.adjustment, d]));
    for (const def of definitions) {
      if (def.beforeBill) deps.billing.setRecomputeStep(def.businessService, (trx, target) => this.apply(trx, def, target.tenantId, target.consumerCode, deps.clock.now(), deps.systemUuid()).then(() => undefined));
    }
  }

  /** Applies an adjustment to a tenant's demands, in one transaction. */
  run(name: string, tenantId: string, actor: string): Promise<AdjustmentReport> {
    const def = this.byName.get(name);
    if (!def) throw notFound('ADJUSTMENT_NOT_FOUND', `no adjustment '${name}' (known: ${[...this.byName.keys()].join(', ') || 'none'})`);
    return this.deps.db.transaction().execute((trx) => this.apply(trx, def, tenantId, undefined, this.deps.clock.now(), actor));
  }

  private async apply(trx: Db, def: AdjustmentDefinition, tenantId: string, consumerCode: string | undefined, now: number, actor: string): Promise<AdjustmentReport> {
    const demands = await adjustableDemands(trx, { tenantId, businessService: def.businessService, consumerTypes: def.consumerTypes, consumerCode, withoutHead: def.once, latestOnly: def.latestOnly === true });
    const context = { mdms: this.deps.mdms(), timeZone: this.deps.timeZone };
    const rules = this.deps.rules.get(def.details.rules);
    const owed = new Map<string, number>();
    let adjusted = 0;
    for (const d of demands) {
      const consumer = { tenantId: d.tenantId, businessService: d.businessService, consumerCode: d.consumerCode };
      if (!owed.has(d.consumerCode)) owed.set(d.consumerCode, await consumerOutstanding(trx, consumer));
      const data = {
        now,
        tenantId: d.tenantId,
        demand: { tenantId: d.tenantId, consumerCode: d.consumerCode, consumerType: d.consumerType, taxPeriodFrom: d.taxPeriodFrom, taxPeriodTo: d.taxPeriodTo, createdTime: d.auditDetails.createdTime, outstanding: outstandingOf(d).toNumber() },
        consumer: { outstanding: owed.get(d.consumerCode) },
      };
      const lines = rules.evaluate({ now, ...(evaluateTemplate(def.details.input ?? {}, data, context) as Record<string, unknown>) }, context);
      if (!Array.isArray(lines)) throw new SevaError('internal', 'INVALID_RULE_RESULT', `rule set ${def.details.rules} must give a list of {taxHeadCode, amount}, gave ${JSON.stringify(lines)}`);
      for (const line of lines as { taxHeadCode?: unknown; amount?: unknown }[]) {
        if (line.taxHeadCode !== def.once) throw new SevaError('internal', 'INVALID_RULE_RESULT', `adjustment ${def.adjustment} adds ${def.once} only; rule set ${def.details.rules} gave ${JSON.stringify(line)}`);
        if (line.amount === null || line.amount === undefined || Number(line.amount) === 0) continue;
        await addDemandDetail(trx, d, { taxHeadMasterCode: def.once, taxAmount: line.amount }, `${def.adjustment} applied`, actor, now);
        owed.set(d.consumerCode, owed.get(d.consumerCode)! + Number(line.amount));
        adjusted++;
      }
    }
    return { examined: demands.length, adjusted };
  }
}
