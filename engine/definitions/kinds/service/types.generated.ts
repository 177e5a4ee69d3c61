// Generated from ./schema.ts by `npm run schemas`: edit the schema, not this file.

/**
 * settled: on a billing figure, given true the records whose figure is zero, negative or none; given false, the others (DIGIT's isBillPaid).
 */
export type MatchKind = 'exact' | 'in' | 'prefix' | 'contains' | 'from' | 'to' | 'settled';
export type ConsumerFigure = 'outstanding' | 'demanded' | 'collected' | 'lastDemandDate' | 'lastPeriodTo';
export type WritePhase = 'create' | 'update';

/**
 * An entity with its DIGIT-style _create/_update/_search endpoints.
 */
export interface ServiceDefinition {
  /**
   * Unique name of the service.
   */
  service: string;
  description?: string;
  /**
   * e.g. /asset/v1
   */
  basePath: string;
  entity: {
    /**
     * Key of the entity in a request body, e.g. asset.
     */
    requestKey: string;
    /**
     * Key of the entity array in a response.
     */
    responseKey: string;
    /**
     * JSON Schema of the entity (id, tenantId and auditDetails are added).
     */
    schema: {
      [k: string]: unknown;
    };
    /**
     * Fields holding personal data.
     */
    pii?: string[];
    /**
     * A null anywhere in a written entity means the field is not given: it is removed before the schema is checked, so a field declared as a string takes a null too (DIGIT clients send every key of their models). Null items of a list stay, and are checked. Default false.
     */
    nullAsAbsent?: boolean;
    /**
     * How an update proves it saw the latest record. required (default): it must send auditDetails.lastModifiedTime back, and a stale one is refused (409). whenSent: a stale one sent is refused, but an update without it applies to the record as stored, the last write winning (DIGIT clients whose models carry no auditDetails).
     */
    staleCheck?: 'required' | 'whenSent';
    /**
     * Read a request's keys whatever their case (connectionno as connectionNo), as DIGIT services configured to accept case-insensitive properties do.
     */
    keysIgnoreCase?: boolean;
  };
  /**
   * Name of the persister that maps the entity to tables.
   */
  persister: string;
  unique?: UniqueDefinition[];
  idFormats?: {
    field: string;
    /**
     * idname in common-masters.IdFormat
     */
    format: string;
  }[];
  search: {
    criteria: {
      [k: string]: SearchCriterion;
    };
    billing?: SearchBillingDefinition;
    counts?: SearchCountsDefinition[];
    /**
     * Response key of the number of matches (default totalCount, as DIGIT services and their clients read it).
     */
    totalCountKey?: string;
    defaultLimit?: number;
    maxLimit?: number;
    /**
     * DIGIT's limit=-1 (all matches) answers up to this many; without it, -1 is refused. The limit applied is stated in the answer's Pagination.
     */
    allLimit?: number;
    sort?: {
      /**
       * sortBy value → entity field; several values may name one field (aliases).
       */
      fields: {
        [k: string]: string;
      };
      default: string;
      order?: 'asc' | 'desc';
      /**
       * sortBy values match whatever their case (DIGIT clients send e.g. createdtime for createdTime).
       */
      ignoreCase?: boolean;
    };
  };
  endpoints: {
    create?: EndpointDefinition;
    update?: EndpointDefinition;
    search?: EndpointDefinition;
  };
  /**
   * More search routes over the same records, each with its own criteria, conditions and keys.
   */
  searches?: NamedSearchDefinition[];
  events?: {
    create?: string;
    update?: string;
  };
  /**
   * Records of other services (or this one) that computed fields, checks and effects read as related.<name>.
   */
  related?: {
    [k: string]: RelatedDefinition;
  };
  /**
   * Fields the server sets, in order, before the checks: a client cannot choose them.
   */
  compute?: ComputeDefinition[];
  /**
   * Rules beyond the schema; each that does not hold refuses the write with its code, message and field.
   */
  checks?: CheckDefinition[];
  /**
   * Billing the write causes, committed with it.
   */
  effects?: EffectDefinition[];
  workflow?: WorkflowBinding;
}
export interface UniqueDefinition {
  fields: string[];
  caseInsensitive?: boolean;
  code: string;
  message: string;
}
export interface SearchCriterion {
  field: string;
  /**
   * More fields; a record matches when any of them does (free-text search over several fields).
   */
  orFields?: string[];
  match: MatchKind;
  caseInsensitive?: boolean;
}
/**
 * Figures of the entity as a billing consumer, added to each result (and sortable): e.g. what it still owes.
 */
export interface SearchBillingDefinition {
  businessService: string;
  /**
   * The entity field that is its consumer code.
   */
  consumerCode: string;
  /**
   * Entity field → figure: outstanding (what active demands still ask), demanded (what they ask in all), collected (what payments not cancelled paid, within the window), lastDemandDate (when the latest was made), lastPeriodTo; or {figure, consumerTypes}.
   */
  fields: {
    [k: string]: ConsumerFigure | ConsumerFigureDefinition;
  };
  /**
   * Request parameters (epoch ms) bounding the receipts the collected figure adds up.
   */
  window?: {
    from?: string;
    to?: string;
  };
  /**
   * JSON type of the figures in the answer (default number; some DIGIT services answer text).
   */
  valueType?: 'number' | 'string';
}
export interface ConsumerFigureDefinition {
  figure: ConsumerFigure;
  /**
   * Only demands of these consumer types count (the monthly charges, not the opening balance).
   */
  consumerTypes: string[];
}
/**
 * Counts of the matches by a field, answered under key when the request sets when=true: by named lists of values, by each value found (groupBy), or, for a billing figure, by whether it is settled.
 */
export interface SearchCountsDefinition {
  /**
   * Response key of the counts object, e.g. billData.
   */
  key: string;
  /**
   * Request parameter that asks for the counts, e.g. isBillCount.
   */
  when: string;
  field: string;
  /**
   * Count name → the field values it counts.
   */
  values?: {
    [k: string]: string[];
  };
  /**
   * A count per value of the field found among the matches (DIGIT's propertyCount).
   */
  groupBy?: true;
  /**
   * On a billing figure: count name → true to count the matches whose figure is zero, negative or none, false the others (DIGIT's collectionPaid / collectionPending).
   */
  settled?: {
    [k: string]: boolean;
  };
  /**
   * Criteria not applied when counting.
   */
  ignore?: string[];
  /**
   * JSON type of each count in the answer (default number; some DIGIT services answer strings).
   */
  valueType?: 'number' | 'string';
}
export interface EndpointDefinition {
  roles?: string[];
  path?: string;
  /**
   * Callable without a token (a citizen's feedback, say): a write is recorded as made by nobody (createdBy anonymous). Narrow it with checks.
   */
  public?: true;
  /**
   * Answer a write with this plain text instead of the records (DIGIT answers some calls with a bare sentence).
   */
  answer?: {
    text: string;
  };
}
/**
 * Another search route over the same records (DIGIT's fuzzy and plain searches, the records a bulk run left out): its own criteria, fixed conditions and response keys; paging and sorting as the service's search.
 */
export interface NamedSearchDefinition {
  /**
   * Route under basePath, e.g. /fuzzy/_search.
   */
  path: string;
  description?: string;
  roles: string[];
  /**
   * Criteria of this search alone (a name may also be taken from search.criteria with use).
   */
  criteria?: {
    [k: string]: SearchCriterion;
  };
  /**
   * Criteria of search.criteria this search also takes.
   */
  use?: string[];
  /**
   * Criteria every request must give.
   */
  require?: string[];
  /**
   * Criteria of which a request must give at least one.
   */
  requireAny?: string[];
  /**
   * Conditions every answer meets: field → value, null meaning it has none. A field may be a billing figure of search.billing (no demand yet: null).
   */
  filters?: {
    [k: string]: string | number | boolean | null;
  };
  /**
   * Page size when the request gives none (default the service search's).
   */
  defaultLimit?: number;
  /**
   * Largest page (default the service search's).
   */
  maxLimit?: number;
  /**
   * Key of the records in the answer (default the entity's responseKey).
   */
  responseKey?: string;
  /**
   * Key of the number of matches (default the service search's).
   */
  totalCountKey?: string;
  /**
   * Fixed keys the answer carries besides (a client that parses both DIGIT lists reads an empty one here).
   */
  also?: {
    [k: string]: unknown;
  };
}
export interface RelatedDefinition {
  service?: string;
  /**
   * A billing record instead of a service's: payment (read as DIGIT answers it, with its paid bills).
   */
  billing?: 'payment';
  /**
   * Field of that service → value (a rule); same tenant as the entity. For a payment, its search criteria: ids, receiptNumbers, consumerCodes, businessServices.
   */
  where: {
    [k: string]: unknown;
  };
  /**
   * Of several matches, take the one with the greatest value of this field (default: there is at most one).
   */
  latest?: string;
  /**
   * Lock the record until the write commits (serialises writes that depend on it).
   */
  lock?: boolean;
  /**
   * On which writes it applies (default both).
   */
  on?: WritePhase[];
}
export interface ComputeDefinition {
  field: string;
  /**
   * A json-logic rule over {entity, previous, related, now, caller}.
   */
  value: unknown;
  /**
   * On which writes it applies (default both).
   */
  on?: WritePhase[];
}
export interface CheckDefinition {
  /**
   * A json-logic rule over {entity, previous, related, now, caller}.
   */
  rule: unknown;
  code: string;
  message: string;
  /**
   * The field the error points at.
   */
  field?: string;
  /**
   * On which writes it applies (default both).
   */
  on?: WritePhase[];
  /**
   * Only check when this holds.
   */
  when?: unknown;
}
export interface EffectDefinition {
  /**
   * On which writes it applies (default both).
   */
  on: WritePhase[];
  /**
   * Only when this holds.
   */
  when?: unknown;
  demand?: DemandEffectDefinition;
  /**
   * Cancel the consumer's active demands not fully paid.
   */
  cancelUnpaidDemands?: {
    businessService: unknown;
    consumerCode: unknown;
  };
  payment?: PaymentEffectDefinition;
  /**
   * Cancel the consumer's payments that are not cancelled yet: their collections are taken back.
   */
  cancelPayments?: {
    businessService: unknown;
    consumerCode: unknown;
    reason?: unknown;
  };
}
/**
 * A demand (DIGIT billing) written in the entity's own transaction. Each value may be a rule.
 */
export interface DemandEffectDefinition {
  /**
   * A BillingService.BusinessService code, or a rule giving one.
   */
  businessService: unknown;
  consumerType?: unknown;
  consumerCode: unknown;
  payer?: unknown;
  taxPeriodFrom: unknown;
  taxPeriodTo: unknown;
  minimumAmountPayable?: unknown;
  additionalDetails?: unknown;
  /**
   * The demand details: a list of {taxHeadCode, amount} (rules allowed); {rules, input} naming a rule set whose result is that list; or {each, taxHeadCode, amount}: one line per item of a list in the data (each), its rules reading the item as item. Details of 0 are left out; a demand left with none is not written.
   */
  details:
    | {
        taxHeadCode: unknown;
        amount: unknown;
      }[]
    | {
        rules: string;
        input?: {
          [k: string]: unknown;
        };
      }
    | {
        each: unknown;
        taxHeadCode: unknown;
        amount: unknown;
      };
  /**
   * The entity field a refused demand is reported at (default: the entity).
   */
  field?: string;
}
/**
 * A payment of the consumer's whole bill, taken in the entity's own transaction (an ordinary payment with a receipt). Each value may be a rule.
 */
export interface PaymentEffectDefinition {
  businessService: unknown;
  consumerCode: unknown;
  /**
   * default CASH
   */
  paymentMode?: unknown;
  paidBy?: unknown;
  payerName?: unknown;
  mobileNumber?: unknown;
  /**
   * default now
   */
  transactionDate?: unknown;
  /**
   * The entity field a refused payment is reported at (default: the entity).
   */
  field?: string;
}
/**
 * The workflow the entity follows: _create and _update carry DIGIT's processInstance (or workflow) object and the transition commits with the entity.
 */
export interface WorkflowBinding {
  /**
   * businessService of a workflow in workflows/.
   */
  businessService: string;
  /**
   * Entity field that identifies the application (default id).
   */
  businessIdField?: string;
  /**
   * Entity field that follows the state's applicationStatus (default applicationStatus).
   */
  statusField?: string;
  /**
   * Status value a client sends on _update → the action that moves the entity there (DIGIT clients change a status by sending it, e.g. Inactive: DEACTIVATE).
   */
  actionsByStatus?: {
    [k: string]: string;
  };
  /**
   * moduleName on process instances (default: the service name).
   */
  moduleName?: string;
}
