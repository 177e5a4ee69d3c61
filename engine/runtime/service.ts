import { randomUUID } from 'node:crypto';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { withStandardFields, type PersisterDefinition, type SearchCountsDefinition, type ServiceDefinition } from '../definitions/index.ts';
import { conflict, invalid, invalidFields, notFound, type ErrorDetail } from '../errors/index.ts';
import type { Write, WriteScope } from '../lifecycle/index.ts';
import { consumerFigureSql, consumerFigureText, type ConsumerFigure } from '../billing/index.ts';
import { compilePersister, entitiesFromRows, findEntity, findEntityBy, getPath, insertEntity, setPath, updateEntity, whereOf, type CompiledPersister } from '../persister/index.ts';
import { uniqueViolationOf } from '../store/index.ts';
import { compilePayloadValidator, withoutNulls, type PayloadValidator } from '../validation/index.ts';
import type { CallContext, RuntimeDeps } from './context.ts';
import { EntityWorkflow } from './entity-workflow.ts';
import { criteriaOf, readSearchRequest, type SearchRequest, type SearchView } from './search.ts';
import { WriteRules } from './write-rules.ts';
import { matchKeyCase } from './key-case.ts';
import { actorUuid, type ActionOutcome, type ActionRequest, type Actor } from '../workflow/index.ts';

type Entity = Record<string, unknown>;
type Item = { entity: Entity; path: string };

/** A billing figure as declared: its name alone, or with the consumer types it counts. */
function figureOf(spec: ConsumerFigure | { figure: ConsumerFigure; consumerTypes: string[] }): { figure: ConsumerFigure; consumerTypes?: string[] } {
  return typeof spec === 'string' ? { figure: spec } : spec;
}

/** The entity event topics of a service: the definition's, or `<service>.created` / `.updated`. */
function topicsOf(definition: ServiceDefinition) {
  return { create: definition.events?.create ?? `${definition.service}.created`, update: definition.events?.update ?? `${definition.service}.updated` };
}

/**
 * One service definition, compiled: validates, enriches, persists and searches its entity. Its
 * writes are `entity` writes of the lifecycle: the runtime does the writing itself, the service's
 * rules, ID formats and workflow join as participants (see participants.ts).
 */
export class ServiceRuntime {
  readonly persister: CompiledPersister;
  private readonly validate: PayloadValidator;
  /** Set when the entity follows a workflow. */
  readonly flow?: EntityWorkflow;
  readonly rules: WriteRules;
  private readonly topics: { create: string; update: string };

  constructor(
    readonly definition: ServiceDefinition,
    persister: PersisterDefinition,
    private readonly deps: RuntimeDeps,
  ) {
    this.persister = compilePersister(persister, definition);
    this.validate = compilePayloadValidator(withStandardFields(definition.entity.schema));
    this.rules = new WriteRules(definition, deps);
    this.topics = topicsOf(definition);
    if (definition.workflow) {
      if (!deps.workflow) throw new Error(`service ${definition.service} follows a workflow but the runtime has no workflow engine`);
      this.flow = new EntityWorkflow(definition, this.persister, deps.workflow);
    }
  }

  get name(): string {
    return this.definition.service;
  }

  /**
   * The entities of a request body, one or many, each with the JSON path it came from; without
   * their nulls when the service reads null as absent.
   */
  entitiesOf(body: Record<string, unknown>): Item[] {
    const key = this.definition.entity.requestKey;
    const value = body[key];
    if (this.definition.entity.keysIgnoreCase) matchKeyCase(value, this.definition.entity.schema);
    const read = (entity: unknown) => (this.definition.entity.nullAsAbsent ? withoutNulls(entity) : entity) as Entity;
    if (Array.isArray(value) && value.length > 0 && value.every((v) => v && typeof v === 'object' && !Array.isArray(v))) {
      return value.map((entity, i) => ({ entity: read(entity), path: `$.${key}[${i}]` }));
    }
    if (value && typeof value === 'object' && !Array.isArray(value)) return [{ entity: read(value), path: `$.${key}` }];
    throw invalid('INVALID_REQUEST', `the request must carry the ${this.name} as an object under '${key}'`, `$.${key}`);
  }

  /** Validates every entity against the schema (collecting all errors) and checks its tenant exists. */
  private check(items: Item[]): void {
    const details: ErrorDetail[] = items.flatMap(({ entity, path }) => this.validate(entity, path));
    if (details.length === 0) {
      const tenants = this.deps.mdms().tenantCodes();
      for (const { entity, path } of items) {
        if (!tenants.has(String(entity.tenantId))) details.push({ code: 'INVALID_TENANT_ID', message: `${path}.tenantId '${String(entity.tenantId)}' is not a known tenant`, path: `${path}.tenantId` });
      }
    }
    if (details.length > 0) throw invalidFields(details);
  }

  /** One entity write of the lifecycle. The workflow object of the request rides along, not stored. */
  private write(w: WriteScope, call: CallContext, operation: 'create' | 'update', item: Item, workflowRequest: ActionRequest | undefined): Write<Entity> {
    return { kind: 'entity', subject: this.name, operation, record: item.entity, path: item.path, writer: { uuid: call.caller.uuid, user: call.caller }, scope: w, answer: {}, request: workflowRequest ? { workflow: workflowRequest } : {} };
  }

  async create(call: CallContext, items: Item[]): Promise<Entity[]> {
    const requests = items.map(({ entity, path }) => this.flow?.takeRequest(entity, path));
    this.check(items);
    return this.inTransaction(items, async (w) => {
      const created: Entity[] = [];
      for (const [i, item] of items.entries()) {
        const write = await this.deps.lifecycle.run(this.write(w, call, 'create', item, requests[i]), {
          enrich: async ({ record: entity }) => {
            entity.id = randomUUID();
            entity.auditDetails = { createdBy: call.caller.uuid, createdTime: w.now, lastModifiedBy: call.caller.uuid, lastModifiedTime: w.now };
            this.enrichChildIds(entity);
          },
          write: async ({ record }) => insertEntity(w.db, this.persister, record),
        });
        this.emit(w, this.topics.create, item.entity);
        created.push({ ...item.entity, ...write.answer });
      }
      return created;
    });
  }

  async update(call: CallContext, items: Item[]): Promise<Entity[]> {
    const details: ErrorDetail[] = [];
    const staleCheckRequired = (this.definition.entity.staleCheck ?? 'required') === 'required';
    for (const { entity, path } of items) {
      if (typeof entity.id !== 'string' || entity.id === '') details.push({ code: 'REQUIRED_FIELD_MISSING', message: `${path}.id is required to update`, path: `${path}.id` });
      // Sent or not, its type is the schema's to check.
      if (staleCheckRequired && typeof getPath(entity, ['auditDetails', 'lastModifiedTime']) !== 'number') {
        details.push({ code: 'REQUIRED_FIELD_MISSING', message: `${path}.auditDetails.lastModifiedTime is required: send it back as you received it`, path: `${path}.auditDetails.lastModifiedTime` });
      }
    }
    if (details.length > 0) throw invalidFields(details);
    const requests = items.map(({ entity, path }) => this.flow?.takeRequest(entity, path));
    this.check(items);
    return this.inTransaction(items, async (w) => {
      const updated: Entity[] = [];
      for (const [i, item] of items.entries()) {
        // Without a time sent (staleCheck whenSent), the update applies to the record as stored.
        const sent = getPath(item.entity, ['auditDetails', 'lastModifiedTime']) as number | undefined;
        let current = 0;
        const write = await this.deps.lifecycle.run(this.write(w, call, 'update', item, requests[i]), {
          validate: async (write) => {
            const { record: entity, path } = write;
            const stored = await findEntity(w.db, this.persister, entity.id, String(entity.tenantId), true);
            if (!stored) throw notFound(`${this.constName()}_NOT_FOUND`, `no ${this.name} with id ${String(entity.id)} at tenant ${String(entity.tenantId)}`);
            current = getPath(stored, ['auditDetails', 'lastModifiedTime']) as number;
            if (sent !== undefined && sent !== current) throw this.stale(path, entity.id, current);
            write.previous = stored;
            // Creation facts and generated numbers are the server's; the client cannot rewrite them.
            const audit = stored.auditDetails as Entity;
            entity.auditDetails = { createdBy: audit.createdBy, createdTime: audit.createdTime, lastModifiedBy: call.caller.uuid, lastModifiedTime: Math.max(w.now, current + 1) };
            for (const { field } of this.definition.idFormats ?? []) setPath(entity, field.split('.'), getPath(stored, field.split('.')));
            this.enrichChildIds(entity);
          },
          write: async ({ record, path }) => {
            if (!(await updateEntity(w.db, this.persister, record, current))) throw this.stale(path, record.id, current);
          },
        });
        this.emit(w, this.topics.update, item.entity);
        updated.push({ ...item.entity, ...write.answer });
      }
      return updated;
    });
  }

  /**
   * A workflow step asked of the `_transition` API or an escalation, for an entity following the
   * workflow: the entity is locked, the step taken, and the entity written with its new status, as
   * an `entity` write whose operation is `action` (the service's update effects join it).
   */
  async takeStep(w: WriteScope, target: { tenantId: string; businessId: string }, request: ActionRequest, actor: Actor, options: { escalated?: boolean }): Promise<ActionOutcome> {
    const flow = this.flow!;
    const entity = await findEntityBy(w.db, this.persister, flow.businessIdColumn, target.businessId, target.tenantId, true);
    if (!entity) throw notFound('PROCESS_INSTANCE_NOT_FOUND', `no ${this.name} with ${flow.businessIdField} ${target.businessId} at ${target.tenantId}`);
    const previous = structuredClone(entity);
    const lastModified = (previous.auditDetails as { lastModifiedTime: number }).lastModifiedTime;
    let outcome: ActionOutcome | undefined;
    const path = `$.ProcessInstances[${flow.businessIdField}=${target.businessId}]`;
    await this.deps.lifecycle.run<Entity>(
      { kind: 'entity', subject: this.name, operation: 'action', record: entity, previous, path, writer: { uuid: actorUuid(actor), ...(actor.kind === 'user' ? { user: actor.user } : {}) }, scope: w, answer: {}, request: {} },
      {
        beforeWrite: async () => {
          outcome = await flow.onAction(w, entity, request, actor, options);
        },
        write: async () => {
          if (!(await updateEntity(w.db, this.persister, entity, lastModified))) throw conflict('STALE_RECORD', `${this.name} ${target.businessId} changed while the action was being taken; try again`);
        },
      },
    );
    this.emit(w, this.topics.update, entity);
    return outcome!;
  }

  /**
   * The record's billing figures (search.billing) as fields an aggregate source reads: SQL over
   * the root table under alias `t` (collected over all receipts: a source has no request window).
   */
  figureFields(): Record<string, { column: string; type: 'number' }> {
    const billing = this.definition.search.billing;
    if (!billing) return {};
    const p = this.persister;
    const refs = { tenant: `t."${p.tenantColumn.column}"`, consumerCode: `t."${p.columnFor(billing.consumerCode)!.column.column}"` };
    return Object.fromEntries(
      Object.entries(billing.fields).map(([field, spec]) => {
        const { figure, consumerTypes } = figureOf(spec);
        return [field, { column: consumerFigureText(figure, refs, billing.businessService, {}, consumerTypes), type: 'number' as const }];
      }),
    );
  }

  /**
   * The service's search, or (with `view`) one of its named searches: the page asked for, each
   * record with its billing figures, the number of matches, and the counts asked for.
   */
  async search(raw: Record<string, unknown>, view?: SearchView): Promise<{ items: Entity[]; totalCount: number; page: { offset: number; limit: number }; counts: Record<string, Record<string, number | string>> }> {
    const request = readSearchRequest(this.definition, this.persister, raw, view);
    const p = this.persister;
    const table = p.root.table;
    const db = this.deps.db;
    // Billing figures ride along as extra columns f0, f1, ... and may be what the results sort on.
    const figures = Object.entries(this.definition.search.billing?.fields ?? {}).map(([field, figure], i) => ({ field, alias: `seva_f${i}`, figure }));
    const figureSql = this.figureSqlFor(request);
    const matching = this.whereFor(request, request.filters);
    // A named search's fixed conditions, on the record's own columns or its billing figures.
    const fixed = Object.entries(view?.filters ?? {}).map(([field, value]) => {
      const ref = figures.some((f) => f.field === field) ? figureSql(field) : sql.ref(`${table}.${p.columnFor(field)!.column.column}`);
      return value === null ? sql<SqlBool>`${ref} is null` : sql<SqlBool>`${ref} = ${value}`;
    });
    const where = (eb: Parameters<typeof matching>[0]) => eb.and([matching(eb), ...fixed]);
    const sortRef = 'column' in request.sort ? sql.ref(`${table}.${request.sort.column}`) : sql.ref(figures.find((f) => f.field === (request.sort as { figure: string }).figure)!.alias);
    const rows = await db
      .selectFrom(table)
      .selectAll(table)
      .select(figures.map((f) => figureSql(f.field).as(f.alias)))
      .where(where)
      // Records without a figure come last either way, as ws-services sorts them.
      .orderBy(sortRef, (ob) => ('figure' in request.sort ? (request.sortOrder === 'asc' ? ob.asc() : ob.desc()).nullsLast() : request.sortOrder === 'asc' ? ob.asc() : ob.desc()))
      .orderBy(`${table}.${p.root.primaryKey.column}`, request.sortOrder)
      .offset(request.offset)
      .limit(request.limit)
      .execute();
    const count = await db.selectFrom(table).select(sql<string>`count(*)`.as('n')).where(where).executeTakeFirstOrThrow();
    const items = await entitiesFromRows(db, p, rows);
    const asText = this.definition.search.billing?.valueType === 'string';
    rows.forEach((row, i) => {
      for (const f of figures) {
        const value = (row as Record<string, unknown>)[f.alias];
        setPath(items[i]!, f.field.split('.'), value === null || value === undefined ? null : asText ? String(Number(value)) : Number(value));
      }
    });
    const counts = await this.countsOf(raw, request);
    return { items, totalCount: Number(count.n), page: { offset: request.offset, limit: request.limit }, counts };
  }

  /** A billing figure of each record, by the entity field it fills, as a correlated subquery. */
  private figureSqlFor(request: SearchRequest): (field: string) => RawBuilder<unknown> {
    const p = this.persister;
    const table = p.root.table;
    const billing = this.definition.search.billing;
    return (field) => {
      const { figure, consumerTypes } = figureOf(billing!.fields[field]!);
      return consumerFigureSql(figure, { tenant: `${table}.${p.tenantColumn.column}`, consumerCode: `${table}.${p.columnFor(billing!.consumerCode)!.column.column}` }, billing!.businessService, request.window, consumerTypes);
    };
  }

  /** The request's conditions: its criteria, and its figures asked to be settled or not. */
  private whereFor(request: SearchRequest, filters: SearchRequest['filters'], settled = request.settled) {
    const base = whereOf(this.persister, criteriaOf({ ...request, filters }));
    const figureSql = this.figureSqlFor(request);
    return (eb: Parameters<typeof base>[0]) => eb.and([base(eb), ...settled.map((s) => settledSql(figureSql(s.field), s.settled))]);
  }

  /** The search's counts, each asked for by its own request flag. */
  private async countsOf(raw: Record<string, unknown>, request: SearchRequest): Promise<Record<string, Record<string, number | string>>> {
    const answers: Record<string, Record<string, number | string>> = {};
    for (const spec of this.definition.search.counts ?? []) {
      if (!(raw[spec.when] === true || raw[spec.when] === 'true')) continue;
      const ignored = (param: string) => spec.ignore?.includes(param) === true;
      const where = this.whereFor(request, request.filters.filter((f) => !ignored(f.param)), request.settled.filter((s) => !ignored(s.param)));
      const counted = await this.countBy(spec, request, where);
      answers[spec.key] = Object.fromEntries(Object.entries(counted).map(([name, n]) => [name, spec.valueType === 'string' ? String(n) : n]));
    }
    return answers;
  }

  private async countBy(spec: SearchCountsDefinition, request: SearchRequest, where: ReturnType<ServiceRuntime['whereFor']>): Promise<Record<string, number>> {
    const p = this.persister;
    const db = this.deps.db;
    if (spec.settled) {
      const isSettled = settledSql(this.figureSqlFor(request)(spec.field), true);
      const [row] = await db.selectFrom(p.root.table).select([sql<string>`count(*) filter (where ${isSettled})`.as('yes'), sql<string>`count(*) filter (where not (${isSettled}))`.as('no')]).where(where).execute();
      return Object.fromEntries(Object.entries(spec.settled).map(([name, settled]) => [name, Number(settled ? row!.yes : row!.no)]));
    }
    const column = sql.ref(`${p.root.table}.${p.columnFor(spec.field)!.column.column}`);
    const rows = await db.selectFrom(p.root.table).select([column.as('value'), sql<string>`count(*)`.as('n')]).where(where).groupBy(column).execute();
    const byValue = new Map(rows.map((r) => [String((r as { value: unknown }).value), Number((r as { n: unknown }).n)]));
    if (spec.groupBy) return Object.fromEntries([...byValue].filter(([value]) => value !== 'null'));
    return Object.fromEntries(Object.entries(spec.values ?? {}).map(([name, values]) => [name, values.reduce((n, v) => n + (byValue.get(v) ?? 0), 0)]));
  }

  private async inTransaction<T>(items: Item[], work: (w: WriteScope) => Promise<T>): Promise<T> {
    try {
      return await this.deps.lifecycle.transaction(work);
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

  private emit(w: WriteScope, topic: string, entity: Entity): void {
    w.emit({ topic, key: String(entity.id), tenantId: String(entity.tenantId), payload: { [this.definition.entity.requestKey]: structuredClone(entity) } });
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

/** A figure zero, negative or none (settled), or above zero (not). */
function settledSql(figure: RawBuilder<unknown>, settled: boolean): RawBuilder<SqlBool> {
  return settled ? sql<SqlBool>`coalesce(${figure}, 0) <= 0` : sql<SqlBool>`coalesce(${figure}, 0) > 0`;
}
