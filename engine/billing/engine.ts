import type { Clock } from '../clock/index.ts';
import type { IdGenerator } from '../idgen/index.ts';
import type { Mdms } from '../mdms/index.ts';
import type { Db } from '../store/index.ts';
import type { Demand } from './demand.ts';
import { createDemands, demandHistory, readDemandCriteria, searchDemands, updateDemands } from './demands.ts';
import { BillingMasters } from './masters.ts';

export interface BillingDeps {
  db: Db;
  clock: Clock;
  mdms: () => Mdms;
  idgen: IdGenerator;
}

/**
 * Demands, bills and payments as one engine capability, configured by the BillingService masters.
 * Every write runs in one transaction: the caller's, when a service writes a demand with its entity.
 */
export class BillingEngine {
  readonly masters: BillingMasters;

  constructor(private readonly deps: BillingDeps) {
    this.masters = new BillingMasters(deps.mdms);
  }

  /** Creates demands inside `trx` (a service's own transaction) or in a new one. */
  createDemands(raws: unknown, actor: string, trx?: Db): Promise<Demand[]> {
    const now = this.deps.clock.now();
    if (trx) return createDemands(trx, raws, this.masters, actor, now);
    return this.deps.db.transaction().execute((t) => createDemands(t, raws, this.masters, actor, now));
  }

  updateDemands(raws: unknown, actor: string, trx?: Db): Promise<Demand[]> {
    const now = this.deps.clock.now();
    if (trx) return updateDemands(trx, raws, this.masters, actor, now);
    return this.deps.db.transaction().execute((t) => updateDemands(t, raws, this.masters, actor, now));
  }

  searchDemands(raw: Record<string, unknown>): Promise<Demand[]> {
    return searchDemands(this.deps.db, readDemandCriteria(raw));
  }

  demandHistory(tenantId: string, demandId: string) {
    return demandHistory(this.deps.db, tenantId, demandId);
  }
}
