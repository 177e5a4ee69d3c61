import type { JsonSchema } from '../../kind.ts';
import { fieldPath, roles } from '../schema-parts.ts';

const name = { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' };
const filter = {
  description:
    'A condition in json-logic form, compiled to SQL: and, or, !, ==, !=, <, <=, >, >= (<= and < also with three operands, a range), in, +, -, *, if. {"var": field} is a field of the source (as.field of a join), {"row": field} a field of the row, {"param": name} a parameter.',
};
const join = {
  title: 'Aggregate join definition',
  type: 'object',
  additionalProperties: false,
  required: ['as', 'from', 'on'],
  description: 'Another source joined on equal fields (a consumer joined to its payments, say); its fields are read as <as>.<field>.',
  properties: {
    as: name,
    from: { type: 'string' },
    on: { type: 'array', items: fieldPath, minItems: 2, maxItems: 2, description: '[field of the base source, field of the joined source]' },
  },
};

const page = {
  type: 'object',
  additionalProperties: false,
  description: 'Rows are answered a page at a time: offset and limit from the request.',
  properties: {
    defaultLimit: { type: 'integer', minimum: 1 },
    maxLimit: { type: 'integer', minimum: 1 },
    allLimit: { type: 'integer', minimum: 1, description: "DIGIT's limit=-1 (all rows) answers up to this many; without it, -1 is refused. The limit applied is stated in the answer's Pagination." },
  },
};

export const aggregateSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://seva.dev/schemas/aggregate.schema.json',
  title: 'Aggregate definition',
  description:
    "Named measures (sum, count, ...) over the engine's data (demands, demand details, payments) and services' records, filtered, optionally per month of a range or per record of a source, compiled to parameterised SQL scoped to the caller's tenant. Served at its path; the response is shaped by result (and row, per row).",
  type: 'object',
  additionalProperties: false,
  required: ['aggregate', 'path', 'roles', 'measures', 'result'],
  properties: {
    aggregate: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
    description: { type: 'string' },
    path: { type: 'string', pattern: '^(/[A-Za-z0-9_.-]+)+$' },
    roles,
    params: {
      type: 'object',
      propertyNames: name,
      description: 'Request parameters (query string or body) besides tenantId.',
      additionalProperties: {
        title: 'Aggregate param definition',
        type: 'object',
        additionalProperties: false,
        required: ['type'],
        properties: {
          type: { enum: ['integer', 'number', 'string', 'boolean', 'date', 'list'], description: 'date: epoch ms or dd/MM/yyyy; list: repeated or comma-separated values' },
          required: { type: 'boolean' },
          default: { description: 'Value when absent: a literal, or a rule over {now}.' },
          endOfDay: { type: 'boolean', description: 'A dd/MM/yyyy date means the last instant of that day.' },
        },
      },
    },
    let: {
      type: 'object',
      propertyNames: name,
      description: 'More parameters worked out from the others, in order: rules over {params, now, tenantId} (a financial year\'s first and last instant from its name, say).',
    },
    rows: {
      description: 'What the answer has a row for: each month of a range, or each record of a source (paged with offset/limit). Without rows the answer is one set of figures.',
      oneOf: [
        {
          title: 'Aggregate month rows',
          type: 'object',
          additionalProperties: false,
          required: ['months'],
          properties: {
            months: {
              type: 'object',
              additionalProperties: false,
              required: ['from', 'to'],
              description: "Every calendar month (in the engine's time zone) from the month of param from to that of param to; rows read monthStart and monthEnd.",
              properties: { from: name, to: name },
            },
            page,
          },
        },
        {
          title: 'Aggregate source rows',
          type: 'object',
          additionalProperties: false,
          required: ['from'],
          properties: {
            from: { type: 'string', description: 'A source: demands, demandDetails, payments, or a service name.' },
            join,
            where: filter,
            having: { ...filter, description: 'A condition on the row: its fields ({"row": field}) and measures ({"var": measure}).' },
            sort: { type: 'array', items: { type: 'object', additionalProperties: false, required: ['by'], properties: { by: { type: 'string', description: 'A field of the row (as.field of its join) or a measure.' }, order: { enum: ['asc', 'desc'] } } } },
            groupBy: {
              type: 'array',
              items: fieldPath,
              minItems: 1,
              uniqueItems: true,
              description: 'One row per distinct combination of these fields (as.field of the join) among the records that pass where, instead of one per record (a consumer and a payment mode); the row has these fields only.',
            },
            orderFixed: { type: 'boolean', description: "The request's sortOrder does not reverse the first sort (a DIGIT report that ignores it)." },
            page,
          },
        },
      ],
    },
    measures: {
      type: 'object',
      description: 'Figures, each over a source; rows of a source may need none (a list of records).',
      propertyNames: name,
      additionalProperties: {
        title: 'Aggregate measure definition',
        type: 'object',
        additionalProperties: false,
        required: ['from'],
        oneOf: [{ required: ['sum'] }, { required: ['count'] }, { required: ['countDistinct'] }, { required: ['max'] }, { required: ['min'] }, { required: ['avg'] }, { required: ['items'] }],
        properties: {
          from: { type: 'string', description: 'A source: demands, demandDetails, payments, or a service name.' },
          join,
          where: filter,
          sum: { description: 'A field, or an expression of fields (+, -, *); 0 when nothing matches.' },
          count: { const: true },
          countDistinct: fieldPath,
          max: {},
          min: {},
          avg: { description: 'The mean of a field or expression; null when nothing matches.' },
          round: {
            type: 'object',
            additionalProperties: false,
            required: ['places'],
            description: 'The figure (each group\'s, when grouped) rounded to places: half_up (default), or down (toward zero, as Java\'s intValue cuts a mean).',
            properties: { places: { type: 'integer', minimum: 0, maximum: 10 }, mode: { enum: ['half_up', 'down'] } },
          },
          items: {
            type: 'object',
            minProperties: 1,
            propertyNames: name,
            additionalProperties: { description: 'A field, or an expression of fields (+, -, *).' },
            description: 'The matching records themselves: a list of objects with these keys, each a field or an expression of fields ([] when nothing matches).',
          },
          orderBy: { ...fieldPath, description: 'With items: the field the records are listed by, ascending (default: the month field, if any).' },
          groupBy: { ...fieldPath, description: 'One figure per value of this field, answered as an object (or, with list, a list).' },
          list: {
            type: 'object',
            additionalProperties: false,
            required: ['key', 'value'],
            description: 'With groupBy: answer a list of {<key>: value of the field, <value>: figure}, in the order of the values, instead of an object (DIGIT\'s [{taxperiodto, count}]).',
            properties: { key: { type: 'string' }, value: { type: 'string' } },
          },
          month: { ...fieldPath, description: "Month by month (rows: months): the time field whose month puts a record in a row's month. One scan answers every month." },
          before: { type: 'boolean', description: "With month: the months before the row's month, not its own (what earlier months add up to)." },
          since: {
            ...name,
            description:
              "With month: rows are not calendar months for this measure, but the times a month-by-month max/min measure of this aggregate names (when each month's bill was made, say): a record goes to the row whose time is the latest at or before its own month field, and rows without a time take none. With before: everything before the row's time.",
          },
        },
      },
    },
    rowLet: {
      type: 'object',
      propertyNames: name,
      description: 'More values for each row, worked out in order before row shapes it: rules over {row, <measures>, <earlier rowLet values>, params, tenantId, now}, read by name (a figure several keys of the row repeat).',
    },
    row: { description: 'Each row as answered: a template over {row: its fields, <measures>, <rowLet values>, params}.' },
    result: { description: 'The answer: a template over {<measures>, rows, totalCount, params, tenantId, now}.' },
  },
};
