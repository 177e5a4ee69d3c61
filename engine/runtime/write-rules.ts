import type { CheckDefinition, ServiceDefinition, WritePhase } from '../definitions/index.ts';
import { invalidFields, SevaError, type ErrorDetail } from '../errors/index.ts';
import { setPath } from '../persister/index.ts';
import { evaluateTemplate, ruleHolds, type RuleContext } from '../rules/index.ts';
import type { WriteScope } from '../lifecycle/index.ts';
import type { Db } from '../store/index.ts';
import type { User } from '../users/index.ts';
import type { RuntimeDeps } from './context.ts';
import { demandFromSpec } from './demand-spec.ts';
import { paymentJson } from '../billing/index.ts';
import { findRelated } from './related.ts';

type Entity = Record<string, unknown>;

/** What a service's rules read during one write. */
export interface WriteData {
  entity: Entity;
  previous: Entity | null;
  related: Record<string, Entity | null>;
  now: number;
  tenantId: string;
  caller: { uuid: string; userName: string; roles: string[] };
}

const applies = (on: WritePhase[] | undefined, phase: WritePhase) => !on || on.includes(phase);

/**
 * A service's rules around a write: related records, computed fields and checks before it; demands
 * written or cancelled with it. All run inside the write's transaction.
 */
export class WriteRules {
  constructor(
    private readonly definition: ServiceDefinition,
    private readonly deps: RuntimeDeps,
  ) {}

  get isEmpty(): boolean {
    const d = this.definition;
    return !d.related && !d.compute && !d.checks && !d.effects;
  }

  private get context(): RuleContext {
    return { mdms: this.deps.mdms(), timeZone: this.deps.timeZone };
  }

  private async load(trx: Db, phase: WritePhase, entity: Entity, previous: Entity | null, caller: WriteData['caller']): Promise<WriteData> {
    const tenantId = String(entity.tenantId);
    const data: WriteData = { entity, previous, related: {}, now: this.deps.clock.now(), tenantId, caller };
    const context = this.context;
    for (const [name, spec] of Object.entries(this.definition.related ?? {})) {
      if (!applies(spec.on, phase)) continue;
      const where = Object.fromEntries(Object.entries(spec.where).map(([field, value]) => [field, evaluateTemplate(value, data, context)]));
      if (spec.billing) {
        data.related[name] = await this.relatedPayment(trx, tenantId, where);
        continue;
      }
      const other = this.deps.service(spec.service!);
      data.related[name] = await findRelated(trx, other.persister, where, tenantId, { latest: spec.latest, lock: spec.lock });
    }
    return data;
  }

  /** The one payment at the tenant matching every criterion given (none given, or no value: none), as DIGIT answers it. */
  private async relatedPayment(trx: Db, tenantId: string, where: Record<string, unknown>): Promise<Entity | null> {
    const billing = this.deps.billing;
    if (!billing) throw new Error(`service ${this.definition.service} reads a related payment but the runtime has no billing engine`);
    if (Object.values(where).some((v) => v === undefined || v === null || v === '')) return null;
    const found = await billing.searchPayments({ ...where, tenantId, limit: 2 }, trx);
    return found.length === 1 ? (paymentJson(found[0]!) as unknown as Entity) : null;
  }

  /** Loads related records, sets computed fields, and refuses the write if a check fails. */
  async prepare(trx: Db, phase: WritePhase, entity: Entity, previous: Entity | null, caller: User, path: string): Promise<WriteData> {
    const data = await this.load(trx, phase, entity, previous, { uuid: caller.uuid, userName: caller.userName, roles: caller.roles.map((r) => r.code) });
    const context = this.context;
    for (const c of this.definition.compute ?? []) {
      if (applies(c.on, phase)) setPath(entity, c.field.split('.'), evaluateTemplate(c.value, data, context));
    }
    const failed: ErrorDetail[] = (this.definition.checks ?? [])
      .filter((c) => applies(c.on, phase) && (c.when === undefined || ruleHolds(c.when, data, context)) && !ruleHolds(c.rule, data, context))
      .map((c: CheckDefinition) => ({ code: c.code, message: c.field ? `${path}.${c.field}: ${c.message}` : c.message, ...(c.field ? { path: `${path}.${c.field}` } : {}) }));
    if (failed.length > 0) throw invalidFields(failed);
    return data;
  }

  /**
   * After a workflow action taken outside `_update` (the transition API, an escalation): the update
   * effects apply; checks and computed fields belong to edits, and an action edits nothing.
   */
  async afterAction(w: WriteScope, entity: Entity, previous: Entity, actor: string, path: string): Promise<void> {
    if (!this.definition.effects) return;
    await this.apply(w, 'update', await this.load(w.db, 'update', entity, previous, { uuid: actor, userName: '', roles: [] }), path);
  }

  /** The write's billing effects, after the entity is written. */
  async apply(w: WriteScope, phase: WritePhase, data: WriteData, path: string): Promise<void> {
    const context = this.context;
    for (const effect of this.definition.effects ?? []) {
      if (!applies(effect.on, phase) || (effect.when !== undefined && !ruleHolds(effect.when, data, context))) continue;
      const billing = this.deps.billing;
      if (!billing) throw new Error(`service ${this.definition.service} has billing effects but the runtime has no billing engine`);
      const text = (value: unknown) => {
        const v = evaluateTemplate(value, data, context);
        return v === undefined || v === null || v === '' ? undefined : String(v);
      };
      const target = (spec: { businessService: unknown; consumerCode: unknown }) => ({ tenantId: data.tenantId, businessService: String(text(spec.businessService)), consumerCode: String(text(spec.consumerCode)) });
      const at = (field?: string) => (field ? `${path}.${field}` : path);
      if (effect.demand) {
        const demand = demandFromSpec(effect.demand, data, context, this.deps.rules, `service ${this.definition.service}`);
        if (demand) await refusedAt(at(effect.demand.field), 'demand', () => billing.createDemands([demand], data.caller.uuid, w));
      }
      if (effect.cancelPayments) {
        await billing.cancelConsumerPayments(target(effect.cancelPayments), text(effect.cancelPayments.reason) ?? null, data.caller.uuid, w);
      }
      if (effect.cancelUnpaidDemands) {
        await billing.cancelUnpaidDemands(target(effect.cancelUnpaidDemands), data.caller.uuid, w);
      }
      if (effect.payment) {
        const p = effect.payment;
        const date = p.transactionDate === undefined ? undefined : Number(evaluateTemplate(p.transactionDate, data, context));
        const how = { paymentMode: text(p.paymentMode) ?? 'CASH', paidBy: text(p.paidBy), payerName: text(p.payerName), mobileNumber: text(p.mobileNumber), transactionDate: Number.isInteger(date) ? date : undefined };
        await refusedAt(at(p.field), 'payment', () => billing.settleInFull(target(p), how, data.caller.uuid, w));
      }
    }
  }
}

/** A demand or payment refused by billing is refused as this write, pointing at the entity (or the field named). */
async function refusedAt<T>(path: string, what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (!(err instanceof SevaError) || err.kind === 'internal') throw err;
    throw new SevaError(err.kind, err.code, `the ${what} this ${path.replace(/^\$\./, '')} makes was refused: ${err.message}`, { path, cause: err });
  }
}
