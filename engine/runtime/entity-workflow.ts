import type { ServiceDefinition } from '../definitions/index.ts';
import { invalid } from '../errors/index.ts';
import type { WriteScope } from '../lifecycle/index.ts';
import { changedFields, getPath, setPath, type CompiledPersister, type MappedColumn } from '../persister/index.ts';
import type { User } from '../users/index.ts';
import {
  actorUuid,
  findInstance,
  processInstanceJson,
  readActionRequest,
  stateOf,
  type ActionOutcome,
  type ActionRequest,
  type Actor,
  type CompiledWorkflow,
  type WorkflowEngine,
} from '../workflow/index.ts';

type Entity = Record<string, unknown>;

/** Keys under which DIGIT clients put the workflow object in an entity. */
const REQUEST_KEYS = ['processInstance', 'workflow'] as const;

/**
 * A service's entity following its workflow: the action in a `_create`/`_update` is taken in the
 * same transaction as the write, and the entity's status field always shows the state's status.
 */
export class EntityWorkflow {
  readonly workflow: CompiledWorkflow;
  private readonly businessIdPath: string[];
  private readonly statusPath: string[];
  readonly businessIdColumn: MappedColumn;
  private readonly moduleName: string;
  private readonly actionsByStatus: Record<string, string>;

  constructor(
    private readonly service: ServiceDefinition,
    private readonly persister: CompiledPersister,
    private readonly engine: WorkflowEngine,
  ) {
    const binding = service.workflow!;
    this.workflow = engine.require(binding.businessService, 'workflow');
    this.businessIdPath = (binding.businessIdField ?? 'id').split('.');
    this.statusPath = (binding.statusField ?? 'applicationStatus').split('.');
    this.businessIdColumn = persister.columnFor(this.businessIdPath.join('.'))!.column;
    this.moduleName = binding.moduleName ?? service.service;
    this.actionsByStatus = binding.actionsByStatus ?? {};
  }

  get businessIdField(): string {
    return this.businessIdPath.join('.');
  }

  /** Takes the workflow object out of the entity (it is not stored with it). */
  takeRequest(entity: Entity, path: string): ActionRequest {
    const key = REQUEST_KEYS.find((k) => entity[k] !== undefined);
    const value = key ? entity[key] : undefined;
    for (const k of REQUEST_KEYS) delete entity[k];
    return readActionRequest(value, `${path}.${key ?? REQUEST_KEYS[0]}`);
  }

  private target(entity: Entity, path: string) {
    const businessId = getPath(entity, this.businessIdPath);
    if (typeof businessId !== 'string' || businessId === '') throw invalid('REQUIRED_FIELD_MISSING', `${path}.${this.businessIdPath.join('.')} is required: it identifies the application in workflow ${this.workflow.name}`, `${path}.${this.businessIdPath.join('.')}`);
    return { tenantId: String(entity.tenantId), businessId };
  }

  /** On create: the first action, from the start state. */
  async onCreate(w: WriteScope, caller: User, entity: Entity, request: ActionRequest, path: string): Promise<ActionOutcome> {
    const outcome = await this.engine.act(w, this.workflow, this.target(entity, path), request, this.engine.context({ kind: 'user', user: caller }, this.moduleName, { entity }));
    setPath(entity, this.statusPath, outcome.state.applicationStatus);
    return outcome;
  }

  /**
   * On update: the status and business id stay the server's; edits need an updatable state; an
   * action, if any, moves the application on.
   */
  async onUpdate(w: WriteScope, caller: User, stored: Entity, entity: Entity, asked: ActionRequest, path: string): Promise<ActionOutcome | undefined> {
    const request = this.actionForStatus(stored, entity, asked);
    setPath(entity, this.statusPath, getPath(stored, this.statusPath));
    setPath(entity, this.businessIdPath, getPath(stored, this.businessIdPath));
    const target = this.target(stored, path);
    const current = stateOf(this.workflow, await findInstance(w.db, this.workflow.name, target.tenantId, target.businessId, true));
    if (!current.isUpdatable) {
      const edited = changedFields(this.persister, stored, entity, ['auditDetails', this.statusPath.join('.')]);
      if (edited.length > 0) {
        throw invalid('STATE_NOT_UPDATABLE', `${this.service.service} ${target.businessId} cannot be edited in state ${current.name ?? 'start'}; the request changes ${edited.join(', ')}`, `${path}.${edited[0]}`);
      }
    }
    if (!request.action) return undefined;
    const outcome = await this.engine.act(w, this.workflow, target, request, this.engine.context({ kind: 'user', user: caller }, this.moduleName, { entity }));
    setPath(entity, this.statusPath, outcome.state.applicationStatus);
    return outcome;
  }

  /**
   * DIGIT clients change a status by sending the new value (the mGramSeva app sends
   * `status: "Inactive"` with SUBMIT): where the binding maps that value to an action, the action taken
   * is that one, whatever the request named.
   */
  private actionForStatus(stored: Entity, entity: Entity, request: ActionRequest): ActionRequest {
    const sent = getPath(entity, this.statusPath);
    if (sent === undefined || sent === null || sent === getPath(stored, this.statusPath)) return request;
    const action = this.actionsByStatus[String(sent)];
    return action ? { ...request, action } : request;
  }

  /**
   * An action asked of the `_transition` API or an escalation, on the entity already locked: the
   * step is taken and the entity's status and audit move with it (the caller writes it).
   */
  async onAction(w: WriteScope, entity: Entity, request: ActionRequest, actor: Actor, options: { escalated?: boolean }): Promise<ActionOutcome> {
    const target = this.target(entity, '$');
    const ctx = this.engine.context(actor, this.moduleName, { entity, escalated: options.escalated, now: w.now });
    const outcome = await this.engine.act(w, this.workflow, target, request, ctx);
    const audit = entity.auditDetails as { lastModifiedTime: number };
    setPath(entity, this.statusPath, outcome.state.applicationStatus);
    entity.auditDetails = { ...audit, lastModifiedBy: actorUuid(actor), lastModifiedTime: Math.max(ctx.now, audit.lastModifiedTime + 1) };
    return outcome;
  }

  /** The step just taken, as DIGIT's ProcessInstance, for the entity in the response. */
  present(outcome: ActionOutcome, caller: User, now: number) {
    return processInstanceJson(this.workflow, outcome.transition, { users: new Map([[caller.uuid, caller]]), current: outcome.instance, viewer: caller, now });
  }
}
