import type { JsonSchema } from '../../kind.ts';

const jsonPath = { type: 'string', pattern: '^\\$', description: 'A JSON path, as DIGIT writes them: `$.Bill.*`, `$.billDetails[0].amount`, `$.items[?(@.code == "X")].amount`.' };

const localisation = {
  title: 'Localisation',
  type: 'object',
  description: 'Show the value as a localised message: the code is the value (or `prefix_VALUE`, upper-cased, with `.`, `:`, `-`, spaces and `/` as `_`).',
  properties: {
    required: { type: 'boolean' },
    prefix: { type: ['string', 'null'] },
    module: { type: ['string', 'null'], description: "The message's module (default: the data config's serviceName)." },
  },
};

const valueTypes = ['label', 'date', 'function', 'image', 'setEmpty', 'amount', 'amountInWords'];

const direct = {
  title: 'Direct mapping',
  type: 'object',
  required: ['variable', 'value'],
  properties: {
    variable: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_-]*$' },
    value: { type: 'object', required: ['path'], properties: { path: { type: 'string', description: 'A JSON path into the entity; for a `label`, the message code.' } } },
    type: {
      enum: valueTypes,
      description:
        'label: the localised message `path` names; date: epoch ms shown in the tenant time zone (format: DD/MM/YYYY by default); function: `format` is a JavaScript function body reading the value as arguments[0]; image: a file store id shown as an image; setEmpty: empty instead of NA when missing; amount: Indian digit grouping with two decimals; amountInWords: in words in the document language.',
    },
    format: { type: 'string' },
    localisation,
  },
};

const external = {
  title: 'External API',
  type: 'object',
  required: ['path', 'responseMapping'],
  properties: {
    path: { type: 'string', description: "A route this engine serves (DIGIT's host and port, if written, are dropped: `http://ws-services:8080/ws-services/wc/_search`)." },
    queryParam: { type: ['string', 'null'], description: "Query parameters: `a=$.x,b=$.y` or `a=$.x&b={$.y}`, the paths read from the entity." },
    apiRequest: { description: 'Body sent (besides RequestInfo).' },
    responseMapping: {
      type: 'array',
      items: {
        type: 'object',
        required: ['variable', 'value'],
        properties: { variable: { type: 'string' }, value: { type: 'string', description: 'A JSON path into the answer.' }, type: { enum: valueTypes }, format: { type: 'string' }, localisation },
      },
    },
  },
};

const derived = {
  title: 'Derived value',
  type: 'object',
  required: ['variable', 'formula'],
  properties: { variable: { type: 'string' }, formula: { type: 'string', description: 'A JavaScript expression; `{{name}}` is replaced by the value of a variable first.' } },
};

const publicRead = {
  title: 'Public read',
  type: 'object',
  additionalProperties: false,
  required: ['set', 'route', 'answer'],
  properties: {
    set: { type: 'string', description: 'The field of the entity the answer replaces; `$` replaces the whole entity.' },
    route: { type: 'string', pattern: '^/' },
    query: { type: 'object', additionalProperties: { type: 'string' }, description: 'Query parameter → a JSON path into the entity as the caller sent it, or a fixed value.' },
    answer: { type: 'string', pattern: '^\\$', description: 'Where in the answer the value is.' },
    as: { enum: ['caller', 'system'], description: 'Whom the read is made as: the caller (the route’s own public look-up and masking apply; the default), or the system, for a figure the caller may already see item by item.' },
  },
};

const dataConfig = {
  title: 'PDF data config',
  type: 'object',
  required: ['key', 'DataConfigs'],
  properties: {
    key: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' },
    DataConfigs: {
      type: 'object',
      required: ['serviceName', 'baseKeyPath', 'mappings'],
      properties: {
        serviceName: { type: 'string', description: 'Module of the labels, unless a mapping names another.' },
        version: { type: 'string' },
        baseKeyPath: { ...jsonPath, description: 'Where the entities are in the request body: one PDF page set per entity.' },
        entityIdPath: { ...jsonPath, description: "Each entity's id, as recorded in the job." },
        isCommonTableBorderRequired: { type: 'boolean' },
        mappings: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              topic: { type: 'string' },
              mappings: {
                type: 'array',
                items: { type: 'object', properties: { direct: { type: 'array', items: direct }, externalAPI: { type: 'array', items: external }, derived: { type: 'array', items: derived } } },
              },
            },
          },
        },
        roles: { type: 'array', items: { type: 'string' }, description: 'Seva: roles whose request body is printed as sent. Anyone else gets the entities read back through `public`.' },
        public: { type: 'array', items: publicRead, description: 'Seva: how a caller without those roles (or without a session) gets each entity: read again from routes, so the PDF shows what the public look-ups show.' },
      },
    },
  },
};

const formatConfig = {
  title: 'PDF format config',
  type: 'object',
  required: ['key', 'config'],
  properties: {
    key: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' },
    config: {
      type: 'object',
      required: ['content'],
      description: "A pdfmake document. Strings are Handlebars templates over the data config's variables; a string that is only `{{name}}` takes the value as it is; an array item `{{#list}}<JSON>{{/list}}` repeats the JSON for each item of the list.",
    },
  },
};

export const pdfSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://seva.dev/schemas/pdf.schema.json',
  title: 'PDF definition',
  description:
    "A PDF key in DIGIT pdf-service's shape: a data config (what each variable is, from the request body, other routes, labels and formulas) and a format config (a pdfmake document with placeholders), each a file under pdf/<key>/. DIGIT's JSON files can be dropped in as they are (JSON is YAML).",
  oneOf: [dataConfig, formatConfig],
};
