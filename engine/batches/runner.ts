import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { activeDemandExistsSql, consumersWithDemand, type BillingEngine } from '../billing/index.ts';
import type { Clock } from '../clock/index.ts';
import type { BatchDefinition } from '../definitions/index.ts';
import { conflict, invalid, invalidFields, notFound, SevaError, type ErrorDetail } from '../errors/index.ts';
import type { Logger } from '../log/index.ts';
import type { Mdms } from '../mdms/index.ts';
import { entitiesFromRows, getPath, whereOf } from '../persister/index.ts';
import { evaluateRule, evaluateTemplate, ruleHolds, type RuleContext, type RuleSets } from '../rules/index.ts';
import { demandFromSpec, type ServiceRuntime } from '../runtime/index.ts';
import type { WriteLifecycle } from '../lifecycle/index.ts';
import { withExclusiveLock, type Database } from '../store/index.ts';
import { compilePayloadValidator, type PayloadValidator } from '../validation/index.ts';
import { insertRun, markInterrupted, MAX_FAILURES_KEPT, saveProgress, searchRuns, type BatchRun } from './runs.ts';

export interface BatchDeps {
  database: Database;
  lifecycle: WriteLifecycle;
  clock: Clock;
  mdms: () => Mdms;
  timeZone: string;
  rules: RuleSets;
  billing: BillingEngine;
  service: (name: string) => ServiceRuntime;
  logger: Logger;
}

/** The event written when a bulk run ends, whatever its status. */
export const BATCH_RUN_FINISHED_TOPIC = 'seva.batch.run-finished';

const DEFAULT_BATCH_SIZE = 500;
const WRITES_IN_FLIGHT = 2;

interface Compiled {
  definition: BatchDefinition;
  validate: PayloadValidator;
}

/**
 * Runs bulk operations: for one tenant, a demand for every matching record that has none for the
 * period, in transactions of `batchSize`. One run per batch, tenant and run key at a time (a lock
 * held for the run); a run left behind by a dead process is marked INTERRUPTED and the next run
 * picks up where it stopped, because records already demanded are skipped.
 */
export class BatchRunner {
  private readonly batches: Map<string, Compiled>;

  constructor(definitions: BatchDefinition[], private readonly deps: BatchDeps) {
    this.batches = new Map(
      definitions.map((d) => {
        const params = d.params as { required?: string[]; properties?: Record<string, unknown> };
        const schema = { ...params, type: 'object', required: [...new Set(['tenantId', ...(params.required ?? [])])], properties: { tenantId: { type: 'string', minLength: 1 }, ...(params.properties ?? {}) } };
        return [d.batch, { definition: d, validate: compilePayloadValidator(schema) }];
      }),
    );
  }

  get definitions(): BatchDefinition[] {
    return [...this.batches.values()].map((b) => b.definition);
  }

  private get context(): RuleContext {
    return { mdms: this.deps.mdms(), timeZone: this.deps.timeZone };
  }

  /** Checks a request, then runs it to the end; answers the run as recorded. */
  async run(name: string, raw: Record<string, unknown>, actor: string): Promise<BatchRun> {
    const compiled = this.batches.get(name);
    if (!compiled) throw notFound('BATCH_NOT_FOUND', `no bulk operation named '${name}' (known: ${[...this.batches.keys()].join(', ') || 'none'})`);
    const def = compiled.definition;
    const params = Object.fromEntries(Object.entries(raw).filter(([k]) => k !== 'RequestInfo'));
    const problems = compiled.validate(params, '$');
    if (problems.length > 0) throw invalidFields(problems);
    const tenantId = String(params.tenantId);
    if (!this.deps.mdms().tenantCodes().has(tenantId)) throw invalid('INVALID_TENANT_ID', `tenantId '${tenantId}' is not a known tenant`, '$.tenantId');

    const now = this.deps.clock.now();
    const context = this.context;
    const data: Record<string, unknown> & { tenantId: string; now: number } = { ...params, params, now, tenantId };
    for (const [key, rule] of Object.entries(def.let ?? {})) data[key] = evaluateRule(rule, data, context);
    const failed: ErrorDetail[] = (def.checks ?? [])
      .filter((c) => !ruleHolds(c.rule, data, context))
      .map((c) => ({ code: c.code, message: c.field ? `$.${c.field}: ${c.message}` : c.message, ...(c.field ? { path: `$.${c.field}` } : {}) }));
    if (failed.length > 0) throw invalidFields(failed);
    const runKey = def.runKey === undefined ? JSON.stringify(params, Object.keys(params).sort()) : String(evaluateTemplate(def.runKey, data, context));
    const period = {
      businessService: def.demand.businessService,
      consumerType: String(evaluateTemplate(def.demand.consumerType ?? def.demand.businessService, data, context)),
      taxPeriodFrom: Number(evaluateTemplate(def.demand.taxPeriodFrom, data, context)),
      taxPeriodTo: Number(evaluateTemplate(def.demand.taxPeriodTo, data, context)),
    };
    if (!Number.isInteger(period.taxPeriodFrom) || !Number.isInteger(period.taxPeriodTo)) {
      throw new SevaError('internal', 'INVALID_BATCH_PERIOD', `bulk operation ${name} gave a period that is not two times: ${JSON.stringify(period)}`);
    }

    const lock = await withExclusiveLock(this.deps.database, `seva.batch:${name}:${tenantId}:${runKey}`, async () => {
      const db = this.deps.database.db;
      const interrupted = await markInterrupted(db, name, tenantId, runKey, now);
      if (interrupted > 0) this.deps.logger.warn({ batch: name, tenantId, runKey, interrupted }, 'resuming a bulk run left unfinished');
      return this.execute(def, data, period, runKey, actor);
    });
    if (!lock.acquired) throw conflict('BATCH_RUN_IN_PROGRESS', `${name} is already running for ${tenantId} (${runKey}); wait for it to finish, then look at its run`);
    return lock.result;
  }

  private async execute(def: BatchDefinition, data: Record<string, unknown> & { tenantId: string; now: number }, period: { businessService: string; consumerType: string; taxPeriodFrom: number; taxPeriodTo: number }, runKey: string, actor: string): Promise<BatchRun> {
    const db = this.deps.database.db;
    const context = this.context;
    const runtime = this.deps.service(def.over.service);
    const p = runtime.persister;
    const table = p.root.table;
    const pk = `${table}.${p.root.primaryKey.column}`;
    const codeColumn = `${table}.${p.columnFor(def.over.consumerCode)!.column.column}`;
    // The tenant's own records (not its GPs') with the fields the batch names.
    const criteria = whereOf(p, {
      tenant: { id: data.tenantId, scope: 'exact' },
      filters: Object.entries(def.over.where ?? {}).map(([field, value]) => ({ fields: [field], match: 'exact', values: [evaluateTemplate(value, data, context)] })),
    });
    const matching = () => db.selectFrom(table).where(criteria);
    const demanded = activeDemandExistsSql({ tenant: `${table}.${p.tenantColumn.column}`, consumerCode: codeColumn }, period);
    const size = def.batchSize ?? DEFAULT_BATCH_SIZE;
    const { n: total } = await matching().select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow();
    const { n: pending } = await matching().select(sql<string>`count(*)`.as('n')).where(sql<boolean>`not ${demanded}`).executeTakeFirstOrThrow();

    const run: BatchRun = {
      id: randomUUID(),
      batch: def.batch,
      tenantId: data.tenantId,
      runKey,
      params: data.params as Record<string, unknown>,
      status: 'RUNNING',
      startedBy: actor,
      startedAt: data.now,
      finishedAt: null,
      total: Number(total),
      processed: Number(total) - Number(pending),
      created: 0,
      skipped: Number(total) - Number(pending),
      failed: 0,
      failures: [],
      error: null,
    };
    await insertRun(db, run);
    const charges = new Map<string, unknown>();
    const codeOf = (row: Record<string, unknown>) => String(row[codeColumn.slice(table.length + 1)]);
    /** The next page of records after `after` (by primary key), with the demands for those not yet demanded. */
    const prepare = async (after: string | undefined) => {
      let q = matching().selectAll(table);
      if (after !== undefined) q = q.where(pk, '>', after);
      const page = await q.orderBy(pk).limit(size).execute();
      if (page.length === 0) return undefined;
      const last = String((page[page.length - 1] as Record<string, unknown>)[p.root.primaryKey.column]);
      // Those already demanded (an earlier run, a crashed one, by hand) drop out.
      const done = await consumersWithDemand(db, data.tenantId, period, page.map(codeOf));
      const rows = page.filter((row) => !done.has(codeOf(row)));
      const raws: Record<string, unknown>[] = [];
      const codes: string[] = [];
      for (const entity of rows.length > 0 ? await entitiesFromRows(db, p, rows) : []) {
        const consumerCode = String(getPath(entity, def.over.consumerCode.split('.')));
        try {
          const each = { ...data, entity };
          const demand = demandFromSpec(def.demand, each, context, this.deps.rules, `batch ${def.batch}`, { consumerCode, ...period }, charges);
          if (demand) {
            raws.push(demand);
            codes.push(consumerCode);
          } else run.skipped++;
        } catch (err) {
          this.fail(run, consumerCode, err);
        }
      }
      return { last, count: rows.length, prepared: this.deps.billing.prepareDemands(raws, actor), codes };
    };
    const writing = new Set<Promise<void>>();
    try {
      // While one page is written, the next is read and charged: the database and the rules overlap.
      let next = Number(pending) > 0 ? prepare(undefined) : Promise.resolve(undefined);
      for (;;) {
        const batch = await next;
        if (!batch) break;
        next = prepare(batch.last);
        next.catch(() => undefined); // its failure is met when it is awaited
        const write: Promise<void> = this.deps.lifecycle
          .transaction(async (w) => {
            const trx = w.db;
            const outcome = await this.deps.billing.writeDemands(batch.prepared, w);
            run.created += outcome.created.length;
            run.skipped += outcome.skipped.length;
            for (const r of outcome.refused) this.fail(run, batch.codes[r.index]!, new SevaError('invalid', r.details[0]?.code ?? 'INVALID_DEMAND', r.details.map((d) => d.message).join('; ')));
            run.processed += batch.count;
            await saveProgress(trx, run);
          })
          .finally(() => writing.delete(write));
        writing.add(write);
        // Two writes at once keep the database busy while the next page is serialised.
        if (writing.size >= WRITES_IN_FLIGHT) await Promise.race(writing);
      }
      await Promise.all(writing);
      run.status = 'SUCCEEDED';
    } catch (err) {
      await Promise.allSettled(writing);
      run.status = 'FAILED';
      run.error = (err as Error).message;
      this.deps.logger.error({ batch: def.batch, tenantId: data.tenantId, err }, 'bulk run failed');
    }
    run.finishedAt = this.deps.clock.now();
    await this.deps.lifecycle.transaction(async (w) => {
      await saveProgress(w.db, run);
      w.emit({ topic: BATCH_RUN_FINISHED_TOPIC, key: run.id, tenantId: run.tenantId, payload: { run } });
    });
    return run;
  }

  private fail(run: BatchRun, consumerCode: string, err: unknown): void {
    if (!(err instanceof SevaError)) throw err;
    run.failed++;
    if (run.failures.length < MAX_FAILURES_KEPT) run.failures.push({ consumerCode, code: err.code, message: err.message });
  }

  runs(criteria: { tenantId: string; batch?: string; ids?: string[]; limit?: number; offset?: number }): Promise<BatchRun[]> {
    return searchRuns(this.deps.database.db, { limit: 100, offset: 0, ...criteria });
  }
}
