import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { withStandardFields, type PersisterDefinition, type ServiceDefinition } from '../definitions/index.ts';
import { conflict, invalid, invalidFields, notFound, type ErrorDetail } from '../errors/index.ts';
import { appendEvent } from '../events/index.ts';
import { consumerFigureSql, type ConsumerFigure } from '../billing/index.ts';
import { compilePersister, entitiesFromRows, findEntity, getPath, insertEntity, setPath, updateEntity, type CompiledPersister } from '../persister/index.ts';
import { uniqueViolationOf, type Db } from '../store/index.ts';
import { compilePayloadValidator, type PayloadValidator } from '../validation/index.ts';
import type { CallContext, RuntimeDeps } from './context.ts';
import { EntityWorkflow } from './entity-workflow.ts';
import { readSearchRequest, whereOf, type SearchRequest } from './search.ts';
import { WriteRules } from './write-rules.ts';
import type { ActionOutcome, ActionRequest } from '../workflow/index.ts';

type Entity = Record<string, unknown>;

/** One service definition, compiled: validates, enriches, persists and searches its entity. */
export class ServiceRuntime {
  readonly persister: CompiledPersister;
  private readonly validate: PayloadValidator;
  /** Set when the entity follows a workflow. */
  readonly flow?: EntityWorkflow;
  private readonly rules: WriteRules;

  constructor(
    readonly definition: ServiceDefinition,
    persister: PersisterDefinition,
    private readonly deps: RuntimeDeps,
  ) {
    this.persister = compilePersister(persister, definition);
    this.validate = compilePayloadValidator(withStandardFields(definition.entity.schema));
    this.rules = new WriteRules(definition, deps);
    if (definition.workflow) {
      if (!deps.workflow) throw new Error(`service ${definition.service} follows a workflow but the runtime has no workflow engine`);
      this.flow = new EntityWorkflow(definition, this.persister, deps.workflow, async (trx, entity, previous, actor, path) => {
        await this.rules.afterAction(trx, entity, previous, actor, path);
        await this.emit(trx, this.updateTopic, entity, deps.clock.now());
      });
    }
  }

  private get updateTopic(): string {
    return this.definition.events?.update ?? `${this.name}.updated`;
  }

  /** Takes the workflow object out of each entity before validation (it is not part of the entity). */
  private workflowRequests(items: { entity: Entity; path: string }[]): (ActionRequest | undefined)[] {
    return items.map(({ entity, path }) => this.flow?.takeRequest(entity, path));
  }

  private withProcessInstance(entity: Entity, outcome: ActionOutcome | undefined, call: CallContext): Entity {
    return outcome && this.flow ? { ...entity, processInstance: this.flow.present(outcome, call.caller, this.deps.clock.now()) } : entity;
  }

  get name(): string {
    return this.definition.service;
  }

  /** The entities of a request body, one or many, each with the JSON path it came from. */
  entitiesOf(body: Record<string, unknown>): { entity: Entity; path: string }[] {
    const key = this.definition.entity.requestKey;
    const value = body[key];
    if (Array.isArray(value) && value.length > 0 && value.every((v) => v && typeof v === 'object' && !Array.isArray(v))) {
      return value.map((entity, i) => ({ entity: entity as Entity, path: `$.${key}[${i}]` }));
    }
    if (value && typeof value === 'object' && !Array.isArray(value)) return [{ entity: value as Entity, path: `$.${key}` }];
    throw invalid('INVALID_REQUEST', `the request must carry the ${this.name} as an object under '${key}'`, `$.${key}`);
  }

  /** Validates every entity against the schema (collecting all errors) and checks its tenant exists. */
  private check(items: { entity: Entity; path: string }[]): void {
    const details: ErrorDetail[] = items.flatMap(({ entity, path }) => this.validate(entity, path));
    if (details.length === 0) {
      const tenants = this.deps.mdms().tenantCodes();
      for (const { entity, path } of items) {
        if (!tenants.has(String(entity.tenantId))) details.push({ code: 'INVALID_TENANT_ID', message: `${path}.tenantId '${String(entity.tenantId)}' is not a known tenant`, path: `${path}.tenantId` });
      }
    }
    if (details.length > 0) throw invalidFields(details);
  }

  async create(call: CallContext, items: { entity: Entity; path: string }[]): Promise<Entity[]> {
    const requests = this.workflowRequests(items);
    this.check(items);
    const now = this.deps.clock.now();
    const created: Entity[] = [];
    await this.inTransaction(items, async (trx) => {
      for (const [i, { entity, path }] of items.entries()) {
        const data = this.rules.isEmpty ? undefined : await this.rules.prepare(trx, 'create', entity, null, call.caller, path);
        entity.id = randomUUID();
        entity.auditDetails = { createdBy: call.caller.uuid, createdTime: now, lastModifiedBy: call.caller.uuid, lastModifiedTime: now };
        this.enrichChildIds(entity);
        for (const { field, format } of this.definition.idFormats ?? []) {
          const [id] = await this.deps.idgen.generate(trx, { tenantId: String(entity.tenantId), idName: format });
          setPath(entity, field.split('.'), id);
        }
        const outcome = this.flow ? await this.flow.onCreate(trx, call.caller, entity, requests[i]!, path) : undefined;
        await insertEntity(trx, this.persister, entity);
        if (data) await this.rules.apply(trx, 'create', data, path);
        await this.emit(trx, this.definition.events?.create ?? `${this.name}.created`, entity, now);
        created.push(this.withProcessInstance(entity, outcome, call));
      }
    });
    return created;
  }

  async update(call: CallContext, items: { entity: Entity; path: string }[]): Promise<Entity[]> {
    const details: ErrorDetail[] = [];
    for (const { entity, path } of items) {
      if (typeof entity.id !== 'string' || entity.id === '') details.push({ code: 'REQUIRED_FIELD_MISSING', message: `${path}.id is required to update`, path: `${path}.id` });
      if (typeof getPath(entity, ['auditDetails', 'lastModifiedTime']) !== 'number') {
        details.push({ code: 'REQUIRED_FIELD_MISSING', message: `${path}.auditDetails.lastModifiedTime is required: send it back as you received it`, path: `${path}.auditDetails.lastModifiedTime` });
      }
    }
    if (details.length > 0) throw invalidFields(details);
    const requests = this.workflowRequests(items);
    this.check(items);
    const now = this.deps.clock.now();
    const updated: Entity[] = [];
    await this.inTransaction(items, async (trx) => {
      for (const [i, { entity, path }] of items.entries()) {
        const stored = await findEntity(trx, this.persister, entity.id, String(entity.tenantId), true);
        if (!stored) throw notFound(`${this.constName()}_NOT_FOUND`, `no ${this.name} with id ${String(entity.id)} at tenant ${String(entity.tenantId)}`);
        const sent = getPath(entity, ['auditDetails', 'lastModifiedTime']) as number;
        const current = getPath(stored, ['auditDetails', 'lastModifiedTime']) as number;
        if (sent !== current) throw this.stale(path, entity.id, current);
        // Creation facts and generated numbers are the server's; the client cannot rewrite them.
        const audit = stored.auditDetails as Entity;
        entity.auditDetails = { createdBy: audit.createdBy, createdTime: audit.createdTime, lastModifiedBy: call.caller.uuid, lastModifiedTime: Math.max(now, current + 1) };
        for (const { field } of this.definition.idFormats ?? []) setPath(entity, field.split('.'), getPath(stored, field.split('.')));
        this.enrichChildIds(entity);
        const data = this.rules.isEmpty ? undefined : await this.rules.prepare(trx, 'update', entity, stored, call.caller, path);
        const outcome = this.flow ? await this.flow.onUpdate(trx, call.caller, stored, entity, requests[i]!, path) : undefined;
        if (!(await updateEntity(trx, this.persister, entity, current))) throw this.stale(path, entity.id, current);
        if (data) await this.rules.apply(trx, 'update', data, path);
        await this.emit(trx, this.updateTopic, entity, now);
        updated.push(this.withProcessInstance(entity, outcome, call));
      }
    });
    return updated;
  }

  async search(raw: Record<string, unknown>): Promise<{ items: Entity[]; totalCount: number; counts?: Record<string, number> }> {
    const request = readSearchRequest(this.definition, this.persister, raw);
    const p = this.persister;
    const table = p.root.table;
    const where = whereOf(p, request);
    const db = this.deps.db;
    // Billing figures ride along as extra columns f0, f1, ... and may be what the results sort on.
    const figures = Object.entries(this.definition.search.billing?.fields ?? {}).map(([field, figure], i) => ({ field, alias: `seva_f${i}`, figure }));
    const billing = this.definition.search.billing;
    const figureSql = (figure: ConsumerFigure) =>
      consumerFigureSql(figure, { tenant: `${table}.${p.tenantColumn.column}`, consumerCode: `${table}.${p.columnFor(billing!.consumerCode)!.column.column}` }, billing!.businessService);
    const sortRef = 'column' in request.sort ? sql.ref(`${table}.${request.sort.column}`) : sql.ref(figures.find((f) => f.field === (request.sort as { figure: string }).figure)!.alias);
    const rows = await db
      .selectFrom(table)
      .selectAll(table)
      .select(figures.map((f) => figureSql(f.figure).as(f.alias)))
      .where(where)
      .orderBy(sortRef, request.sortOrder)
      .orderBy(`${table}.${p.root.primaryKey.column}`, request.sortOrder)
      .offset(request.offset)
      .limit(request.limit)
      .execute();
    const count = await db.selectFrom(table).select(sql<string>`count(*)`.as('n')).where(where).executeTakeFirstOrThrow();
    const items = await entitiesFromRows(db, p, rows);
    rows.forEach((row, i) => {
      for (const f of figures) {
        const value = (row as Record<string, unknown>)[f.alias];
        setPath(items[i]!, f.field.split('.'), value === null || value === undefined ? null : Number(value));
      }
    });
    const counts = await this.countsOf(raw, request);
    return { items, totalCount: Number(count.n), ...(counts ? { counts } : {}) };
  }

  /** The search's counts by a field's values, when the request asks for them. */
  private async countsOf(raw: Record<string, unknown>, request: SearchRequest): Promise<Record<string, number> | undefined> {
    const spec = this.definition.search.counts;
    if (!spec || !(raw[spec.when] === true || raw[spec.when] === 'true')) return undefined;
    const p = this.persister;
    const column = sql.ref(`${p.root.table}.${p.columnFor(spec.field)!.column.column}`);
    const where = whereOf(p, { ...request, filters: request.filters.filter((f) => !spec.ignore?.includes(f.param)) });
    const rows = await this.deps.db.selectFrom(p.root.table).select([column.as('value'), sql<string>`count(*)`.as('n')]).where(where).groupBy(column).execute();
    const byValue = new Map(rows.map((r) => [String((r as { value: unknown }).value), Number((r as { n: unknown }).n)]));
    return Object.fromEntries(Object.entries(spec.values).map(([name, values]) => [name, values.reduce((n, v) => n + (byValue.get(v) ?? 0), 0)]));
  }

  private async inTransaction(items: { entity: Entity; path: string }[], work: (trx: Db) => Promise<void>): Promise<void> {
    try {
      await this.deps.db.transaction().execute(work);
    } catch (err) {
      const index = uniqueViolationOf(err);
      const rule = index && this.persister.uniqueRules.find((r) => r.index === index);
      if (rule) throw conflict(rule.code, rule.message, `${items.length === 1 ? items[0]!.path : `$.${this.definition.entity.requestKey}`}.${rule.fields[0]}`);
      throw err;
    }
  }

  private enrichChildIds(entity: Entity): void {
    for (const child of this.persister.children) {
      const items = getPath(entity, child.arrayPath);
      if (!Array.isArray(items)) continue;
      for (const item of items) {
        if (item && typeof item === 'object' && !getPath(item, child.primaryKey.path)) setPath(item as Entity, child.primaryKey.path, randomUUID());
      }
    }
  }

  private emit(trx: Db, topic: string, entity: Entity, now: number): Promise<void> {
    return appendEvent(trx, { topic, key: String(entity.id), tenantId: String(entity.tenantId), payload: { [this.definition.entity.requestKey]: entity } }, randomUUID(), now);
  }

  private stale(path: string, id: unknown, current: number) {
    return conflict(
      'STALE_RECORD',
      `${this.name} ${String(id)} was changed by someone else (last modified ${new Date(current).toISOString()}); search it again and reapply your change`,
      `${path}.auditDetails.lastModifiedTime`,
    );
  }

  private constName(): string {
    return this.name.toUpperCase().replace(/-/g, '_');
  }
}
