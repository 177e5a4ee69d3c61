import { activeDemandsOf, addDemandDetail, adjustableDemands, consumerOutstanding, outstandingOf, sumBuckets, withDemandDetail, type BillWrite, type Demand } from '../billing/index.ts';
import type { AdjustmentDefinition } from '../definitions/index.ts';
import { notFound, SevaError } from '../errors/index.ts';
import type { Mdms } from '../mdms/index.ts';
import { Money, parseAmount, sum } from '../money/index.ts';
import { evaluateTemplate, type RuleSets } from '../rules/index.ts';
import type { Participant, WriteLifecycle, WriteScope } from '../lifecycle/index.ts';
import type { Db } from '../store/index.ts';

export interface AdjustmentDeps {
  db: Db;
  lifecycle: WriteLifecycle;
  mdms: () => Mdms;
  now: () => number;
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

/** One line an adjustment would add, and the demand it would go to. */
export interface EstimatedLine {
  demandId: string;
  taxHeadMasterCode: string;
  taxAmount: Money;
}

/** What an adjustment would add now to some consumers: nothing of it is saved. */
export interface EstimateResult {
  /** The consumers' ACTIVE demands as they stand, oldest period first. */
  demands: Demand[];
  lines: EstimatedLine[];
  /** The adjustment's head still owed over those demands, the estimated lines included. */
  total: Money;
}

/** Adds a line to a demand and gives the demand as it then is. */
type AddLine = (demand: Demand, amount: unknown) => Promise<Demand>;

/**
 * Adds a head once to unpaid demands, its amount from a rule set: for a tenant (a job), or for one
 * consumer right before its bill is made (a participant of `bill` writes); or tells what it would
 * add now, without adding it (an estimate).
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
    const def = this.definition(name);
    return this.deps.lifecycle.transaction((w) => this.apply(w, def, tenantId, undefined, w.now, actor));
  }

  /**
   * What the adjustment would add now to each consumer's demands, with its estimate input (a rule
   * set may then skip its wait), read without locking and saving nothing.
   */
  async estimate(name: string, tenantId: string, consumerCodes: string[]): Promise<EstimateResult> {
    const def = this.definition(name);
    const { db } = this.deps;
    const now = this.deps.now();
    const input = { ...def.details.input, ...def.estimate?.input };
    const demands: Demand[] = [];
    const lines: EstimatedLine[] = [];
    for (const consumerCode of new Set(consumerCodes)) {
      demands.push(...(await activeDemandsOf(db, { tenantId, businessService: def.businessService, consumerCode })));
      const open = await adjustableDemands(db, this.criteria(def, tenantId, consumerCode, false));
      await this.adjustEach(db, def, open, now, input, async (d, amount) => {
        lines.push({ demandId: d.id, taxHeadMasterCode: def.once, taxAmount: parseAmount(amount, `${def.once}.taxAmount`) });
        return withDemandDetail(d, { taxHeadMasterCode: def.once, taxAmount: amount }, this.deps.systemUuid(), now);
      });
    }
    const owed = demands.flatMap((d) => d.demandDetails.filter((x) => x.taxHeadMasterCode === def.once).map((x) => x.taxAmount.minus(x.collectionAmount)));
    return { demands, lines, total: sum([...owed, ...lines.map((l) => l.taxAmount)]) };
  }

  private definition(name: string): AdjustmentDefinition {
    const def = this.byName.get(name);
    if (!def) throw notFound('ADJUSTMENT_NOT_FOUND', `no adjustment '${name}' (known: ${[...this.byName.keys()].join(', ') || 'none'})`);
    return def;
  }

  private criteria(def: AdjustmentDefinition, tenantId: string, consumerCode: string | undefined, lock: boolean) {
    return { tenantId, businessService: def.businessService, consumerTypes: def.consumerTypes, consumerCode, withoutHead: def.once, latestOnly: def.latestOnly === true, lock };
  }

  private async apply(w: WriteScope, def: AdjustmentDefinition, tenantId: string, consumerCode: string | undefined, now: number, actor: string): Promise<AdjustmentReport> {
    const demands = await adjustableDemands(w.db, this.criteria(def, tenantId, consumerCode, true));
    const adjusted = await this.adjustEach(w.db, def, demands, now, def.details.input ?? {}, (d, amount) =>
      addDemandDetail(w, d, { taxHeadMasterCode: def.once, taxAmount: amount }, `${def.adjustment} applied`, actor, now),
    );
    return { examined: demands.length, adjusted };
  }

  /** Runs the rule set on each demand and adds what it gives; returns how many lines were added. */
  private async adjustEach(db: Db, def: AdjustmentDefinition, demands: Demand[], now: number, input: Record<string, unknown>, add: AddLine): Promise<number> {
    const context = { mdms: this.deps.mdms(), timeZone: this.deps.timeZone };
    const rules = this.deps.rules.get(def.details.rules);
    const owed = new Map<string, number>();
    // Each consumer's demands as the adjustments so far left them.
    const demandsOf = new Map<string, Demand[]>();
    let adjusted = 0;
    for (const d of demands) {
      const consumer = { tenantId: d.tenantId, businessService: d.businessService, consumerCode: d.consumerCode };
      if (!owed.has(d.consumerCode)) owed.set(d.consumerCode, await consumerOutstanding(db, consumer));
      let buckets: Record<string, number> | undefined;
      if (def.buckets) {
        if (!demandsOf.has(d.consumerCode)) demandsOf.set(d.consumerCode, await activeDemandsOf(db, consumer));
        const current = demandsOf.get(d.consumerCode)!.find((x) => x.id === d.id) ?? d;
        buckets = sumBuckets(demandsOf.get(d.consumerCode)!, current, def.buckets);
      }
      const data = {
        now,
        tenantId: d.tenantId,
        demand: { tenantId: d.tenantId, consumerCode: d.consumerCode, consumerType: d.consumerType, taxPeriodFrom: d.taxPeriodFrom, taxPeriodTo: d.taxPeriodTo, createdTime: d.auditDetails.createdTime, outstanding: outstandingOf(d).toNumber() },
        consumer: { outstanding: owed.get(d.consumerCode) },
        buckets,
      };
      const lines = rules.evaluate({ now, ...(evaluateTemplate(input, data, context) as Record<string, unknown>) }, context);
      if (!Array.isArray(lines)) throw new SevaError('internal', 'INVALID_RULE_RESULT', `rule set ${def.details.rules} must give a list of {taxHeadCode, amount}, gave ${JSON.stringify(lines)}`);
      for (const line of lines as { taxHeadCode?: unknown; amount?: unknown }[]) {
        if (line.taxHeadCode !== def.once) throw new SevaError('internal', 'INVALID_RULE_RESULT', `adjustment ${def.adjustment} adds ${def.once} only; rule set ${def.details.rules} gave ${JSON.stringify(line)}`);
        if (line.amount === null || line.amount === undefined || Number(line.amount) === 0) continue;
        const updated = await add(d, line.amount);
        owed.set(d.consumerCode, owed.get(d.consumerCode)! + Number(line.amount));
        const known = demandsOf.get(d.consumerCode);
        if (known) demandsOf.set(d.consumerCode, known.map((x) => (x.id === updated.id ? updated : x)));
        adjusted++;
      }
    }
    return adjusted;
  }
}
