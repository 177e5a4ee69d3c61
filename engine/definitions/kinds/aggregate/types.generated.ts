// Generated from ./schema.ts by `npm run schemas`: edit the schema, not this file.

/**
 * Named measures (sum, count, ...) over the engine's data (demands, demand details, payments) and services' records, filtered, optionally per month of a range or per record of a source, compiled to parameterised SQL scoped to the caller's tenant. Served at its path; the response is shaped by result (and row, per row).
 */
export interface AggregateDefinition {
  aggregate: string;
  description?: string;
  path: string;
  roles: string[];
  /**
   * Request parameters (query string or body) besides tenantId.
   */
  params?: {
    [k: string]: AggregateParamDefinition;
  };
  /**
   * More parameters worked out from the others, in order: rules over {params, now, tenantId} (a financial year's first and last instant from its name, say).
   */
  let?: {
    [k: string]: unknown;
  };
  /**
   * What the answer has a row for: each month of a range, or each record of a source (paged with offset/limit). Without rows the answer is one set of figures.
   */
  rows?: AggregateMonthRows | AggregateSourceRows;
  /**
   * Figures, each over a source; rows of a source may need none (a list of records).
   */
  measures: {
    [k: string]: AggregateMeasureDefinition;
  };
  /**
   * More values for each row, worked out in order before row shapes it: rules over {row, <measures>, <earlier rowLet values>, params, tenantId, now}, read by name (a figure several keys of the row repeat).
   */
  rowLet?: {
    [k: string]: unknown;
  };
  /**
   * Each row as answered: a template over {row: its fields, <measures>, <rowLet values>, params}.
   */
  row?: unknown;
  /**
   * The answer: a template over {<measures>, rows, totalCount, params, tenantId, now}.
   */
  result: unknown;
}
export interface AggregateParamDefinition {
  /**
   * date: epoch ms or dd/MM/yyyy; list: repeated or comma-separated values
   */
  type: 'integer' | 'number' | 'string' | 'boolean' | 'date' | 'list';
  required?: boolean;
  /**
   * Value when absent: a literal, or a rule over {now}.
   */
  default?: unknown;
  /**
   * A dd/MM/yyyy date means the last instant of that day.
   */
  endOfDay?: boolean;
}
export interface AggregateMonthRows {
  /**
   * Every calendar month (in the engine's time zone) from the month of param from to that of param to; rows read monthStart and monthEnd.
   */
  months: {
    from: string;
    to: string;
  };
  /**
   * Rows are answered a page at a time: offset and limit from the request.
   */
  page?: {
    defaultLimit?: number;
    maxLimit?: number;
    /**
     * DIGIT's limit=-1 (all rows) answers up to this many; without it, -1 is refused. The limit applied is stated in the answer's Pagination.
     */
    allLimit?: number;
  };
}
export interface AggregateSourceRows {
  /**
   * A source: demands, demandDetails, payments, or a service name.
   */
  from: string;
  join?: AggregateJoinDefinition;
  /**
   * A condition in json-logic form, compiled to SQL: and, or, !, ==, !=, <, <=, >, >= (<= and < also with three operands, a range), in, +, -, *, if. {"var": field} is a field of the source (as.field of a join), {"row": field} a field of the row, {"param": name} a parameter.
   */
  where?: unknown;
  /**
   * A condition on the row: its fields ({"row": field}) and measures ({"var": measure}).
   */
  having?: unknown;
  sort?: {
    /**
     * A field of the row (as.field of its join) or a measure.
     */
    by: string;
    order?: 'asc' | 'desc';
  }[];
  /**
   * One row per distinct combination of these fields (as.field of the join) among the records that pass where, instead of one per record (a consumer and a payment mode); the row has these fields only.
   */
  groupBy?: string[];
  /**
   * The request's sortOrder does not reverse the first sort (a DIGIT report that ignores it).
   */
  orderFixed?: boolean;
  /**
   * Rows are answered a page at a time: offset and limit from the request.
   */
  page?: {
    defaultLimit?: number;
    maxLimit?: number;
    /**
     * DIGIT's limit=-1 (all rows) answers up to this many; without it, -1 is refused. The limit applied is stated in the answer's Pagination.
     */
    allLimit?: number;
  };
}
/**
 * Another source joined on equal fields (a consumer joined to its payments, say); its fields are read as <as>.<field>.
 */
export interface AggregateJoinDefinition {
  as: string;
  from: string;
  /**
   * [field of the base source, field of the joined source]
   *
   * @minItems 2
   * @maxItems 2
   */
  on: [string, string];
}
export interface AggregateMeasureDefinition {
  /**
   * A source: demands, demandDetails, payments, or a service name.
   */
  from: string;
  join?: AggregateJoinDefinition;
  /**
   * A condition in json-logic form, compiled to SQL: and, or, !, ==, !=, <, <=, >, >= (<= and < also with three operands, a range), in, +, -, *, if. {"var": field} is a field of the source (as.field of a join), {"row": field} a field of the row, {"param": name} a parameter.
   */
  where?: unknown;
  /**
   * A field, or an expression of fields (+, -, *); 0 when nothing matches.
   */
  sum?: unknown;
  count?: true;
  countDistinct?: string;
  max?: unknown;
  min?: unknown;
  /**
   * The mean of a field or expression; null when nothing matches.
   */
  avg?: unknown;
  /**
   * The figure (each group's, when grouped) rounded to places: half_up (default), or down (toward zero, as Java's intValue cuts a mean).
   */
  round?: {
    places: number;
    mode?: 'half_up' | 'down';
  };
  /**
   * The matching records themselves: a list of objects with these keys, each a field or an expression of fields ([] when nothing matches).
   */
  items?: {
    /**
     * A field, or an expression of fields (+, -, *).
     */
    [k: string]: unknown;
  };
  /**
   * With items: the field the records are listed by, ascending (default: the month field, if any).
   */
  orderBy?: string;
  /**
   * One figure per value of this field, answered as an object (or, with list, a list).
   */
  groupBy?: string;
  /**
   * With groupBy: answer a list of {<key>: value of the field, <value>: figure}, in the order of the values, instead of an object (DIGIT's [{taxperiodto, count}]).
   */
  list?: {
    key: string;
    value: string;
  };
  /**
   * Month by month (rows: months): the time field whose month puts a record in a row's month. One scan answers every month.
   */
  month?: string;
  /**
   * With month: the months before the row's month, not its own (what earlier months add up to).
   */
  before?: boolean;
  /**
   * With month: rows are not calendar months for this measure, but the times a month-by-month max/min measure of this aggregate names (when each month's bill was made, say): a record goes to the row whose time is the latest at or before its own month field, and rows without a time take none. With before: everything before the row's time.
   */
  since?: string;
}
