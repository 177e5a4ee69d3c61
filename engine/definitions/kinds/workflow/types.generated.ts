// Generated from ./schema.ts by `npm run schemas`: edit the schema, not this file.

/**
 * A state machine in DIGIT's BusinessService shape: one business service, or a `BusinessServices` list as in DIGIT's _create body.
 */
export type WorkflowFile =
  | {
      RequestInfo?: unknown;
      BusinessServices: WorkflowDefinition[];
    }
  | WorkflowDefinition;
/**
 * Seva: who is assigned after the action. request (default): the assignes the request names; creator: who started the application; previousActor: who took the action before this one.
 */
export type AssignTo = 'request' | 'creator' | 'previousActor';

export interface WorkflowDefinition {
  uuid?: string | null;
  tenantId?: string | null;
  auditDetails?: {
    [k: string]: unknown;
  } | null;
  /**
   * Name of the workflow, e.g. NewWS1.
   */
  businessService: string;
  /**
   * The module it belongs to (DIGIT business).
   */
  business?: string;
  businessServiceSla?: (number | string) | null;
  description?: string;
  getUri?: string | null;
  postUri?: string | null;
  states: WorkflowStateDefinition[];
  /**
   * Seva: actions the escalation job takes on applications past their SLA.
   */
  escalations?: EscalationDefinition[];
}
export interface WorkflowStateDefinition {
  uuid?: string | null;
  tenantId?: string | null;
  auditDetails?: {
    [k: string]: unknown;
  } | null;
  businessServiceId?: string | null;
  state?: string | null;
  applicationStatus?: string | null;
  sla?: (number | string) | null;
  isStartState?: boolean;
  isTerminateState?: boolean;
  /**
   * The entity may be edited in this state.
   */
  isStateUpdatable?: boolean;
  /**
   * Actions taken in this state must carry documents.
   */
  docUploadRequired?: boolean;
  actions?: WorkflowActionDefinition[] | null;
  /**
   * Seva: outbox topics written when an application enters this state.
   */
  onEnter?: {
    events: string[];
  };
}
export interface WorkflowActionDefinition {
  uuid?: string | null;
  tenantId?: string | null;
  auditDetails?: {
    [k: string]: unknown;
  } | null;
  currentState?: string | null;
  active?: boolean;
  /**
   * Name of the action, e.g. APPROVE.
   */
  action: string;
  /**
   * Name of the state the action leads to.
   */
  nextState: string;
  /**
   * Roles that may take the action (held at the tenant or above it).
   */
  roles: string[];
  guard?: ActionGuard;
  assignTo?: AssignTo;
  /**
   * Seva: the request must name an assignee.
   */
  assigneeRequired?: boolean;
}
/**
 * Seva: a json-logic rule over {entity, caller, instance, action}; the action is refused (400 with code and message) unless it holds.
 */
export interface ActionGuard {
  rule: unknown;
  code: string;
  message: string;
}
export interface EscalationDefinition {
  state: string;
  action: string;
  /**
   * Time in the state after which to escalate (default: the state's sla).
   */
  stateSla?: number | string;
  /**
   * Time since the application started after which to escalate.
   */
  businessSla?: number | string;
}
