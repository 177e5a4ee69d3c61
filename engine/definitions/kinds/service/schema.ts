import type { JsonSchema } from '../../kind.ts';
import { demandEffect, fieldPath, roles } from '../schema-parts.ts';

const name = { type: 'string', pattern: '^[a-z][a-z0-9-]*$' };
const endpointPath = { type: 'string', pattern: '^/[A-Za-z0-9_/-]+$' };
const endpoint = {
  title: 'Endpoint definition',
  type: 'object',
  additionalProperties: false,
  properties: {
    roles,
    path: endpointPath,
    public: { const: true, description: 'Callable without a token (a citizen\'s feedback, say): a write is recorded as made by nobody (createdBy anonymous). Narrow it with checks.' },
    answer: {
      type: 'object',
      additionalProperties: false,
      required: ['text'],
      properties: { text: { type: 'string' } },
      description: 'Answer a write with this plain text instead of the records (DIGIT answers some calls with a bare sentence).',
    },
  },
  oneOf: [{ required: ['roles'] }, { required: ['public'] }],
};

const criterion = {
  title: 'Search criterion',
  type: 'object',
  additionalProperties: false,
  required: ['field', 'match'],
  properties: {
    field: fieldPath,
    orFields: { type: 'array', items: fieldPath, minItems: 1, description: 'More fields; a record matches when any of them does (free-text search over several fields).' },
    match: {
      title: 'Match kind',
      enum: ['exact', 'in', 'prefix', 'contains', 'from', 'to', 'settled'],
      description: 'settled: on a billing figure, given true the records whose figure is zero, negative or none; given false, the others (DIGIT\'s isBillPaid).',
    },
    caseInsensitive: { type: 'boolean' },
  },
};
const criterionNames = { type: 'array', items: { type: 'string' }, minItems: 1, uniqueItems: true };

const namedSearch = {
  title: 'Named search definition',
  type: 'object',
  additionalProperties: false,
  required: ['path', 'roles'],
  description: "Another search route over the same records (DIGIT's fuzzy and plain searches, the records a bulk run left out): its own criteria, fixed conditions and response keys; paging and sorting as the service's search.",
  properties: {
    path: { ...endpointPath, description: 'Route under basePath, e.g. /fuzzy/_search.' },
    description: { type: 'string' },
    roles,
    criteria: { type: 'object', additionalProperties: criterion, description: 'Criteria of this search alone (a name may also be taken from search.criteria with use).' },
    use: { ...criterionNames, description: 'Criteria of search.criteria this search also takes.' },
    require: { ...criterionNames, description: 'Criteria every request must give.' },
    requireAny: { ...criterionNames, description: 'Criteria of which a request must give at least one.' },
    filters: {
      type: 'object',
      propertyNames: fieldPath,
      additionalProperties: { type: ['string', 'number', 'boolean', 'null'] },
      description: 'Conditions every answer meets: field → value, null meaning it has none. A field may be a billing figure of search.billing (no demand yet: null).',
    },
    defaultLimit: { type: 'integer', minimum: 1, description: "Page size when the request gives none (default the service search's)." },
    maxLimit: { type: 'integer', minimum: 1, description: "Largest page (default the service search's)." },
    responseKey: { type: 'string', description: "Key of the records in the answer (default the entity's responseKey)." },
    totalCountKey: { type: 'string', description: "Key of the number of matches (default the service search's)." },
    also: { type: 'object', description: 'Fixed keys the answer carries besides (a client that parses both DIGIT lists reads an empty one here).' },
  },
};

const figureNames = { title: 'Consumer figure', enum: ['outstanding', 'demanded', 'collected', 'lastDemandDate', 'lastPeriodTo'] };

const phases = {
  type: 'array',
  items: { title: 'Write phase', enum: ['create', 'update'] },
  minItems: 1,
  uniqueItems: true,
  description: 'On which writes it applies (default both).',
};
const rule = { description: 'A json-logic rule over {entity, previous, related, now, caller}.' };
const errorCode = { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$' };

const paymentEffect = {
  title: 'Payment effect definition',
  type: 'object',
  additionalProperties: false,
  required: ['businessService', 'consumerCode'],
  description: "A payment of the consumer's whole bill, taken in the entity's own transaction (an ordinary payment with a receipt). Each value may be a rule.",
  properties: {
    businessService: {},
    consumerCode: {},
    paymentMode: { description: 'default CASH' },
    paidBy: {},
    payerName: {},
    mobileNumber: {},
    transactionDate: { description: 'default now' },
    field: { ...fieldPath, description: 'The entity field a refused payment is reported at (default: the entity).' },
  },
};

export const serviceSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://seva.dev/schemas/service.schema.json',
  title: 'Service definition',
  description: 'An entity with its DIGIT-style _create/_update/_search endpoints.',
  type: 'object',
  additionalProperties: false,
  required: ['service', 'basePath', 'entity', 'persister', 'search', 'endpoints'],
  properties: {
    service: { ...name, description: 'Unique name of the service.' },
    description: { type: 'string' },
    basePath: { type: 'string', pattern: '^(/[A-Za-z0-9_.-]+)+$', description: 'e.g. /asset/v1' },
    entity: {
      type: 'object',
      additionalProperties: false,
      required: ['requestKey', 'responseKey', 'schema'],
      properties: {
        requestKey: { type: 'string', description: 'Key of the entity in a request body, e.g. asset.' },
        responseKey: { type: 'string', description: 'Key of the entity array in a response.' },
        schema: { type: 'object', description: 'JSON Schema of the entity (id, tenantId and auditDetails are added).' },
        pii: { type: 'array', items: fieldPath, uniqueItems: true, description: 'Fields holding personal data.' },
        nullAsAbsent: {
          type: 'boolean',
          description:
            'A null anywhere in a written entity means the field is not given: it is removed before the schema is checked, so a field declared as a string takes a null too (DIGIT clients send every key of their models). Null items of a list stay, and are checked. Default false.',
        },
        staleCheck: {
          enum: ['required', 'whenSent'],
          description:
            "How an update proves it saw the latest record. required (default): it must send auditDetails.lastModifiedTime back, and a stale one is refused (409). whenSent: a stale one sent is refused, but an update without it applies to the record as stored, the last write winning (DIGIT clients whose models carry no auditDetails).",
        },
        keysIgnoreCase: { type: 'boolean', description: "Read a request's keys whatever their case (connectionno as connectionNo), as DIGIT services configured to accept case-insensitive properties do." },
      },
    },
    persister: { ...name, description: 'Name of the persister that maps the entity to tables.' },
    unique: {
      type: 'array',
      items: {
        title: 'Unique definition',
        type: 'object',
        additionalProperties: false,
        required: ['fields', 'code', 'message'],
        properties: {
          fields: { type: 'array', items: fieldPath, minItems: 1 },
          caseInsensitive: { type: 'boolean' },
          code: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$' },
          message: { type: 'string' },
        },
      },
    },
    idFormats: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['field', 'format'],
        properties: { field: fieldPath, format: { type: 'string', description: 'idname in common-masters.IdFormat' } },
      },
    },
    search: {
      type: 'object',
      additionalProperties: false,
      required: ['criteria'],
      properties: {
        criteria: { type: 'object', additionalProperties: criterion },
        billing: {
          title: 'Search billing definition',
          type: 'object',
          additionalProperties: false,
          required: ['businessService', 'consumerCode', 'fields'],
          description: "Figures of the entity as a billing consumer, added to each result (and sortable): e.g. what it still owes.",
          properties: {
            businessService: { type: 'string' },
            consumerCode: { ...fieldPath, description: 'The entity field that is its consumer code.' },
            fields: {
              type: 'object',
              minProperties: 1,
              propertyNames: fieldPath,
              additionalProperties: {
                oneOf: [
                  figureNames,
                  {
                    title: 'Consumer figure definition',
                    type: 'object',
                    additionalProperties: false,
                    required: ['figure', 'consumerTypes'],
                    properties: {
                      figure: figureNames,
                      consumerTypes: { type: 'array', items: { type: 'string' }, minItems: 1, uniqueItems: true, description: 'Only demands of these consumer types count (the monthly charges, not the opening balance).' },
                    },
                  },
                ],
              },
              description:
                'Entity field → figure: outstanding (what active demands still ask), demanded (what they ask in all), collected (what payments not cancelled paid, within the window), lastDemandDate (when the latest was made), lastPeriodTo; or {figure, consumerTypes}.',
            },
            window: {
              type: 'object',
              additionalProperties: false,
              description: 'Request parameters (epoch ms) bounding the receipts the collected figure adds up.',
              properties: { from: { type: 'string' }, to: { type: 'string' } },
            },
            valueType: { enum: ['number', 'string'], description: 'JSON type of the figures in the answer (default number; some DIGIT services answer text).' },
          },
        },
        counts: {
          type: 'array',
          minItems: 1,
          items: {
            title: 'Search counts definition',
            type: 'object',
            additionalProperties: false,
            required: ['key', 'when', 'field'],
            description:
              'Counts of the matches by a field, answered under key when the request sets when=true: by named lists of values, by each value found (groupBy), or, for a billing figure, by whether it is settled.',
            oneOf: [{ required: ['values'] }, { required: ['groupBy'] }, { required: ['settled'] }],
            properties: {
              key: { type: 'string', description: 'Response key of the counts object, e.g. billData.' },
              when: { type: 'string', description: 'Request parameter that asks for the counts, e.g. isBillCount.' },
              field: fieldPath,
              values: { type: 'object', minProperties: 1, additionalProperties: { type: 'array', items: { type: 'string' }, minItems: 1 }, description: 'Count name → the field values it counts.' },
              groupBy: { const: true, description: "A count per value of the field found among the matches (DIGIT's propertyCount)." },
              settled: {
                type: 'object',
                minProperties: 1,
                additionalProperties: { type: 'boolean' },
                description: "On a billing figure: count name → true to count the matches whose figure is zero, negative or none, false the others (DIGIT's collectionPaid / collectionPending).",
              },
              ignore: { type: 'array', items: { type: 'string' }, description: 'Criteria not applied when counting.' },
              valueType: { enum: ['number', 'string'], description: 'JSON type of each count in the answer (default number; some DIGIT services answer strings).' },
            },
          },
        },
        totalCountKey: { type: 'string', description: 'Response key of the number of matches (default totalCount, as DIGIT services and their clients read it).' },
        defaultLimit: { type: 'integer', minimum: 1 },
        maxLimit: { type: 'integer', minimum: 1 },
        allLimit: { type: 'integer', minimum: 1, description: "DIGIT's limit=-1 (all matches) answers up to this many; without it, -1 is refused. The limit applied is stated in the answer's Pagination." },
        sort: {
          type: 'object',
          additionalProperties: false,
          required: ['fields', 'default'],
          properties: {
            fields: { type: 'object', additionalProperties: fieldPath, description: 'sortBy value → entity field; several values may name one field (aliases).' },
            default: { type: 'string' },
            order: { enum: ['asc', 'desc'] },
            ignoreCase: { type: 'boolean', description: 'sortBy values match whatever their case (DIGIT clients send e.g. createdtime for createdTime).' },
          },
        },
      },
    },
    endpoints: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: { create: endpoint, update: endpoint, search: endpoint },
    },
    searches: { type: 'array', items: namedSearch, description: 'More search routes over the same records, each with its own criteria, conditions and keys.' },
    events: {
      type: 'object',
      additionalProperties: false,
      properties: { create: { type: 'string' }, update: { type: 'string' } },
    },
    related: {
      type: 'object',
      description: 'Records of other services (or this one) that computed fields, checks and effects read as related.<name>.',
      propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
      additionalProperties: {
        title: 'Related definition',
        type: 'object',
        additionalProperties: false,
        required: ['where'],
        oneOf: [{ required: ['service'] }, { required: ['billing'] }],
        properties: {
          service: { type: 'string' },
          billing: { enum: ['payment'], description: "A billing record instead of a service's: payment (read as DIGIT answers it, with its paid bills)." },
          where: {
            type: 'object',
            minProperties: 1,
            additionalProperties: true,
            description: 'Field of that service → value (a rule); same tenant as the entity. For a payment, its search criteria: ids, receiptNumbers, consumerCodes, businessServices.',
          },
          latest: { ...fieldPath, description: 'Of several matches, take the one with the greatest value of this field (default: there is at most one).' },
          lock: { type: 'boolean', description: 'Lock the record until the write commits (serialises writes that depend on it).' },
          on: phases,
        },
      },
    },
    compute: {
      type: 'array',
      description: 'Fields the server sets, in order, before the checks: a client cannot choose them.',
      items: {
        title: 'Compute definition',
        type: 'object',
        additionalProperties: false,
        required: ['field', 'value'],
        properties: { field: fieldPath, value: rule, on: phases },
      },
    },
    checks: {
      type: 'array',
      description: 'Rules beyond the schema; each that does not hold refuses the write with its code, message and field.',
      items: {
        title: 'Check definition',
        type: 'object',
        additionalProperties: false,
        required: ['rule', 'code', 'message'],
        properties: { rule, code: errorCode, message: { type: 'string' }, field: { ...fieldPath, description: 'The field the error points at.' }, on: phases, when: { ...rule, description: 'Only check when this holds.' } },
      },
    },
    effects: {
      type: 'array',
      description: 'Billing the write causes, committed with it.',
      items: {
        title: 'Effect definition',
        type: 'object',
        additionalProperties: false,
        required: ['on'],
        properties: {
          on: phases,
          when: { ...rule, description: 'Only when this holds.' },
          demand: demandEffect,
          cancelUnpaidDemands: {
            type: 'object',
            additionalProperties: false,
            required: ['businessService', 'consumerCode'],
            description: "Cancel the consumer's active demands not fully paid.",
            properties: { businessService: {}, consumerCode: {} },
          },
          payment: paymentEffect,
          cancelPayments: {
            type: 'object',
            additionalProperties: false,
            required: ['businessService', 'consumerCode'],
            description: "Cancel the consumer's payments that are not cancelled yet: their collections are taken back.",
            properties: { businessService: {}, consumerCode: {}, reason: {} },
          },
        },
        oneOf: [{ required: ['demand'] }, { required: ['cancelUnpaidDemands'] }, { required: ['payment'] }, { required: ['cancelPayments'] }],
      },
    },
    workflow: {
      title: 'Workflow binding',
      type: 'object',
      additionalProperties: false,
      required: ['businessService'],
      description: "The workflow the entity follows: _create and _update carry DIGIT's processInstance (or workflow) object and the transition commits with the entity.",
      properties: {
        businessService: { type: 'string', description: 'businessService of a workflow in workflows/.' },
        businessIdField: { ...fieldPath, description: 'Entity field that identifies the application (default id).' },
        statusField: { ...fieldPath, description: "Entity field that follows the state's applicationStatus (default applicationStatus)." },
        actionsByStatus: {
          type: 'object',
          minProperties: 1,
          additionalProperties: { type: 'string', minLength: 1 },
          description: 'Status value a client sends on _update → the action that moves the entity there (DIGIT clients change a status by sending it, e.g. Inactive: DEACTIVATE).',
        },
        moduleName: { type: 'string', description: 'moduleName on process instances (default: the service name).' },
      },
    },
  },
};
