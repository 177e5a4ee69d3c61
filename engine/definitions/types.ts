/** The definition kinds as written in YAML (after schema validation). */
import type { SourceFile } from './source.ts';

export type JsonSchema = Record<string, unknown>;

export type MatchKind = 'exact' | 'in' | 'prefix' | 'contains' | 'from' | 'to';

export interface SearchCriterion {
  /** Path of the entity field the criterion filters on. */
  field: string;
  /** More fields: the criterion matches when any of them does (a free-text search, say). */
  orFields?: string[];
  match: MatchKind;
  caseInsensitive?: boolean;
}

export interface EndpointDefinition {
  roles?: string[];
  /** Path below the service's basePath; defaults to `/_create`, `/_update`, `/_search`. */
  path?: string;
}

export interface UniqueDefinition {
  fields: string[];
  caseInsensitive?: boolean;
  code: string;
  message: string;
}

export interface ServiceDefinition {
  service: string;
  description?: string;
  basePath: string;
  entity: {
    requestKey: string;
    responseKey: string;
    schema: JsonSchema;
    pii?: string[];
  };
  persister: string;
  unique?: UniqueDefinition[];
  idFormats?: { field: string; format: string }[];
  search: {
    criteria: Record<string, SearchCriterion>;
    defaultLimit?: number;
    maxLimit?: number;
    sort?: { fields: Record<string, string>; default: string; order?: 'asc' | 'desc' };
    billing?: SearchBillingDefinition;
    totalCountKey?: string;
    counts?: SearchCountsDefinition;
  };
  endpoints: { create?: EndpointDefinition; update?: EndpointDefinition; search?: EndpointDefinition };
  events?: { create?: string; update?: string };
  workflow?: WorkflowBinding;
  related?: Record<string, RelatedDefinition>;
  compute?: ComputeDefinition[];
  checks?: CheckDefinition[];
  effects?: EffectDefinition[];
}

export type WritePhase = 'create' | 'update';

/** A record of another service that a service's rules read. */
export interface RelatedDefinition {
  service: string;
  /** Field of that service → value (a rule over the write's data). */
  where: Record<string, unknown>;
  latest?: string;
  lock?: boolean;
  on?: WritePhase[];
}

export interface ComputeDefinition {
  field: string;
  value: unknown;
  on?: WritePhase[];
}

export interface CheckDefinition {
  rule: unknown;
  code: string;
  message: string;
  field?: string;
  on?: WritePhase[];
  when?: unknown;
}

export interface DemandEffectDefinition {
  /** A business service code, or a rule giving one. */
  businessService: unknown;
  consumerType?: unknown;
  consumerCode: unknown;
  payer?: unknown;
  taxPeriodFrom: unknown;
  taxPeriodTo: unknown;
  minimumAmountPayable?: unknown;
  additionalDetails?: unknown;
  details: { taxHeadCode: unknown; amount: unknown }[] | { rules: string; input?: Record<string, unknown> } | DemandLinesFromList;
  /** The entity field a refused demand is reported at (default: the entity). */
  field?: string;
}

/** Demand details made from a list in the write's data: one line per item, read as `item`. */
export interface DemandLinesFromList {
  each: unknown;
  taxHeadCode: unknown;
  amount: unknown;
}

/** A payment of everything a consumer owes, taken in the write's transaction. */
export interface PaymentEffectDefinition {
  businessService: unknown;
  consumerCode: unknown;
  paymentMode?: unknown;
  paidBy?: unknown;
  payerName?: unknown;
  mobileNumber?: unknown;
  transactionDate?: unknown;
  /** The entity field a refused payment is reported at (default: the entity). */
  field?: string;
}

export interface EffectDefinition {
  on: WritePhase[];
  when?: unknown;
  demand?: DemandEffectDefinition;
  cancelUnpaidDemands?: { businessService: unknown; consumerCode: unknown };
  payment?: PaymentEffectDefinition;
  cancelPayments?: { businessService: unknown; consumerCode: unknown; reason?: unknown };
}

/**
 * Counts of the matches by a field's value, answered beside the results when the request asks
 * (a count of paid and of unpaid bills, say).
 */
export interface SearchCountsDefinition {
  /** Response key of the counts object. */
  key: string;
  /** Request parameter that asks for them (e.g. isBillCount=true). */
  when: string;
  field: string;
  /** Count name → the field values it counts. */
  values: Record<string, string[]>;
  /** Criteria left out when counting (so every count shows, whichever tab the client is on). */
  ignore?: string[];
}

/** Figures of an entity as a billing consumer, added to its search results. */
export interface SearchBillingDefinition {
  businessService: string;
  consumerCode: string;
  fields: Record<string, 'outstanding' | 'lastDemandDate' | 'lastPeriodTo'>;
}

/** The workflow a service's entity follows; its transitions commit with the entity. */
export interface WorkflowBinding {
  /** The workflow's `businessService`. */
  businessService: string;
  /** Entity field identifying the instance (DIGIT's businessId), e.g. an application number. Default `id`. */
  businessIdField?: string;
  /** Entity field that follows the state's `applicationStatus`. Default `applicationStatus`. */
  statusField?: string;
  /** DIGIT's `moduleName` on process instances. Default: the service name. */
  moduleName?: string;
}

/** Seva's guard on a workflow action: a json-logic rule over entity, caller, instance and MDMS. */
export interface ActionGuard {
  rule: unknown;
  code: string;
  message: string;
}

export type AssignTo = 'request' | 'creator' | 'previousActor';

export interface WorkflowActionDefinition {
  action: string;
  nextState: string;
  roles: string[];
  guard?: ActionGuard;
  /** Who the instance is assigned to after the action. Default: whoever the request names. */
  assignTo?: AssignTo;
  assigneeRequired?: boolean;
  // DIGIT fields carried by exported business services; read and ignored.
  uuid?: string | null;
  tenantId?: string | null;
  currentState?: string | null;
  active?: boolean;
}

export interface WorkflowStateDefinition {
  /** The start state may be unnamed (`null`), as in DIGIT. */
  state?: string | null;
  applicationStatus?: string | null;
  /** Milliseconds, or an ISO-8601 duration such as `P2D` or `PT12H`. */
  sla?: number | string | null;
  isStartState?: boolean;
  isTerminateState?: boolean;
  isStateUpdatable?: boolean;
  docUploadRequired?: boolean;
  actions?: WorkflowActionDefinition[] | null;
  /** Seva: outbox topics written when an instance enters the state. */
  onEnter?: { events: string[] };
  uuid?: string | null;
  tenantId?: string | null;
  businessServiceId?: string | null;
}

export interface EscalationDefinition {
  state: string;
  action: string;
  /** Escalate once the instance has been in the state this long (default: the state's SLA). */
  stateSla?: number | string;
  /** ... or once the whole application has taken this long. */
  businessSla?: number | string;
}

/** DIGIT's BusinessService, with Seva's extensions (guards, assignment, events, escalation). */
export interface WorkflowDefinition {
  businessService: string;
  business?: string;
  businessServiceSla?: number | string | null;
  tenantId?: string;
  description?: string;
  states: WorkflowStateDefinition[];
  escalations?: EscalationDefinition[];
  uuid?: string | null;
  getUri?: string | null;
  postUri?: string | null;
}

/** A workflow file: one business service, or DIGIT's `_create` body with several. */
export type WorkflowFile = WorkflowDefinition | { BusinessServices: WorkflowDefinition[]; RequestInfo?: unknown };

/** A scheduled job: when it runs and what it does (exactly one of the actions). */
export interface JobDefinition {
  job: string;
  description?: string;
  /** Cron expression (5 or 6 fields). */
  schedule: string;
  timeZone?: string;
  enabled?: boolean;
  escalate?: { workflows?: string[] };
  /** Apply a demand adjustment to every GP's unpaid demands. */
  adjust?: { adjustment: string };
  request?: {
    path: string;
    /** Which tenants to call it for: every GP, the state tenants, or a list. */
    tenants: 'gps' | 'states' | string[];
    /** The body; values may be json-logic over `{tenantId, now}`. */
    body: Record<string, unknown>;
  };
}

export type ColumnType = 'text' | 'integer' | 'bigint' | 'numeric' | 'boolean' | 'json';

export interface ColumnDefinition {
  path: string;
  type?: ColumnType;
}

/** A JSON column keeping every key of the entity (or child item) that no mapped column stores. */
export interface RestColumnDefinition {
  column: string;
}

export interface ChildTableDefinition {
  /** Path of the array in the entity whose items become rows. */
  path: string;
  table: string;
  primaryKey?: string;
  /** Column holding the parent's primary key. */
  parentColumn: string;
  columns: Record<string, string | ColumnDefinition>;
  rest?: RestColumnDefinition;
}

export interface PersisterDefinition {
  persister: string;
  service: string;
  table: string;
  primaryKey?: string;
  columns: Record<string, string | ColumnDefinition>;
  rest?: RestColumnDefinition;
  children?: ChildTableDefinition[];
}

/** An MDMS v2 style master schema. */
export interface MasterSchemaDefinition {
  /** `<module>.<master>`, e.g. `tenant.tenants`. */
  code: string;
  description?: string;
  definition: JsonSchema & { 'x-unique'?: string[]; 'x-ref-schema'?: { fieldPath: string; schemaCode: string }[] };
}

/** A DIGIT MDMS data file: `{tenantId, moduleName, <master>: [...]}`. */
export interface MasterDataFile {
  tenantId: string;
  moduleName: string;
  [master: string]: unknown;
}

export interface AccessPolicyDefinition {
  /** Grants for the engine's own endpoints, by endpoint id (e.g. `user.create`). */
  endpoints: Record<string, { public?: boolean; authenticated?: boolean; roles?: string[] }>;
}

/** A definition together with the file it came from, so later checks can point into it. */
export interface Sourced<T> {
  value: T;
  source: SourceFile;
}

/** An online payment gateway: redirect, signature scheme and callback mapping. */
export interface GatewayDefinition {
  gateway: string;
  description?: string;
  enabled?: boolean;
  redirectUrl: string;
  signature: { algorithm: 'sha256' | 'sha512'; secret?: string; secretEnv?: string; fields: string[]; separator?: string; param: string };
  callback: { txnId: string; status: string; amount: string; gatewayTxnId?: string; statusMap: Record<string, 'SUCCESS' | 'FAILURE' | 'PENDING'> };
}

/** A named computation in json-logic, with examples that `seva test` checks. */
export interface RuleSetDefinition {
  rules: string;
  description?: string;
  /** Named steps, evaluated in order; each sees the input and the steps before it. */
  let?: Record<string, unknown>;
  result: unknown;
  examples?: RuleExampleDefinition[];
}

export interface RuleExampleDefinition {
  name: string;
  /** Local date or date-time in the engine's time zone. */
  now?: string;
  /** tenant → `module.master` → records, replacing the shipped ones for this example. */
  masters?: Record<string, Record<string, Record<string, unknown>[]>>;
  input: Record<string, unknown>;
  expect?: unknown;
  expectError?: string;
}

/** A bulk operation: a demand for each matching record of a service, per tenant. */
export interface BatchDefinition {
  batch: string;
  description?: string;
  path: string;
  roles: string[];
  params: JsonSchema;
  let?: Record<string, unknown>;
  checks?: { rule: unknown; code: string; message: string; field?: string }[];
  runKey?: unknown;
  over: { service: string; where?: Record<string, unknown>; consumerCode: string };
  batchSize?: number;
  demand: Omit<DemandEffectDefinition, 'consumerCode' | 'businessService' | 'field'> & { consumerCode?: unknown; businessService: string };
}

/** A head added once to unpaid demands, its amount from a rule set (a penalty). */
export interface AdjustmentDefinition {
  adjustment: string;
  description?: string;
  businessService: string;
  consumerTypes?: string[];
  latestOnly?: boolean;
  once: string;
  details: { rules: string; input?: Record<string, unknown> };
  beforeBill?: boolean;
}

/** Sums of tax heads over one consumer's demands, shaped into a response. */
export interface SummaryDefinition {
  summary: string;
  description?: string;
  path: string;
  roles: string[];
  businessService: string;
  current?: { consumerTypes?: string[] };
  buckets: Record<string, { of: 'current' | 'earlier' | 'all'; heads: string[]; measure: 'tax' | 'collected' | 'outstanding'; negate?: boolean }>;
  result?: unknown;
  /** A rule set giving the response instead of `result`. */
  rules?: string;
}

/** A parameter of an aggregate query, read from the request's query string or body. */
export interface AggregateParamDefinition {
  /** `date`: epoch ms, or a dd/MM/yyyy date (its first instant, or its last with `endOfDay`). */
  type: 'integer' | 'number' | 'string' | 'boolean' | 'date' | 'list';
  required?: boolean;
  default?: unknown;
  endOfDay?: boolean;
}

/** Another source joined to a measure's or the rows' source, one record per base record at most. */
export interface AggregateJoinDefinition {
  as: string;
  from: string;
  /** [field of the base source, field of the joined source] that must be equal. */
  on: [string, string];
}

/** One figure: an aggregate over a source's records that pass `where`, optionally per value of a field. */
export interface AggregateMeasureDefinition {
  from: string;
  join?: AggregateJoinDefinition;
  where?: unknown;
  sum?: unknown;
  count?: true;
  countDistinct?: string;
  max?: unknown;
  min?: unknown;
  groupBy?: string;
  /** In a month-by-month aggregate: the field whose month puts a record in a row's month. */
  month?: string;
  /** With `month`: every month before the row's, not the row's own (a running total). */
  before?: boolean;
}

export interface AggregateMonthRows {
  months: { from: string; to: string };
  page?: { defaultLimit?: number; maxLimit?: number };
}

export interface AggregateSourceRows {
  from: string;
  join?: AggregateJoinDefinition;
  where?: unknown;
  /** A condition on the row's measures. */
  having?: unknown;
  sort?: { by: string; order?: 'asc' | 'desc' }[];
  page?: { defaultLimit?: number; maxLimit?: number };
}

/**
 * A configured aggregate query (dashboards, reports): named measures over the engine's data,
 * optionally for each row of a month series or of a source, compiled to tenant-scoped SQL.
 */
export interface AggregateDefinition {
  aggregate: string;
  description?: string;
  path: string;
  roles: string[];
  params?: Record<string, AggregateParamDefinition>;
  /** More parameters, worked out in order from the others (rules over {params, now, tenantId}). */
  let?: Record<string, unknown>;
  rows?: AggregateMonthRows | AggregateSourceRows;
  measures: Record<string, AggregateMeasureDefinition>;
  row?: unknown;
  result: unknown;
}
