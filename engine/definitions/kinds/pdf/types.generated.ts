// Generated from ./schema.ts by `npm run schemas`: edit the schema, not this file.

/**
 * A PDF key in DIGIT pdf-service's shape: a data config (what each variable is, from the request body, other routes, labels and formulas) and a format config (a pdfmake document with placeholders), each a file under pdf/<key>/. DIGIT's JSON files can be dropped in as they are (JSON is YAML).
 */
export type PDFDefinition = PDFDataConfig | PDFFormatConfig;

export interface PDFDataConfig {
  key: string;
  DataConfigs: {
    /**
     * Module of the labels, unless a mapping names another.
     */
    serviceName: string;
    version?: string;
    /**
     * Where the entities are in the request body: one PDF page set per entity.
     */
    baseKeyPath: string;
    /**
     * Each entity's id, as recorded in the job.
     */
    entityIdPath?: string;
    isCommonTableBorderRequired?: boolean;
    mappings: {
      topic?: string;
      mappings?: {
        direct?: DirectMapping[];
        externalAPI?: ExternalAPI[];
        derived?: DerivedValue[];
        [k: string]: unknown;
      }[];
      [k: string]: unknown;
    }[];
    /**
     * Seva: roles whose request body is printed as sent. Anyone else gets the entities read back through `public`.
     */
    roles?: string[];
    /**
     * Seva: how a caller without those roles (or without a session) gets each entity: read again from routes, so the PDF shows what the public look-ups show.
     */
    public?: PublicRead[];
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
export interface DirectMapping {
  variable: string;
  value: {
    /**
     * A JSON path into the entity; for a `label`, the message code.
     */
    path: string;
    [k: string]: unknown;
  };
  /**
   * label: the localised message `path` names; date: epoch ms shown in the tenant time zone (format: DD/MM/YYYY by default); function: `format` is a JavaScript function body reading the value as arguments[0]; image: a file store id shown as an image; setEmpty: empty instead of NA when missing; amount: Indian digit grouping with two decimals; amountInWords: in words in the document language.
   */
  type?: 'label' | 'date' | 'function' | 'image' | 'setEmpty' | 'amount' | 'amountInWords';
  format?: string;
  localisation?: Localisation;
  [k: string]: unknown;
}
/**
 * Show the value as a localised message: the code is the value (or `prefix_VALUE`, upper-cased, with `.`, `:`, `-`, spaces and `/` as `_`).
 */
export interface Localisation {
  required?: boolean;
  prefix?: string | null;
  /**
   * The message's module (default: the data config's serviceName).
   */
  module?: string | null;
  [k: string]: unknown;
}
export interface ExternalAPI {
  /**
   * A route this engine serves (DIGIT's host and port, if written, are dropped: `http://ws-services:8080/ws-services/wc/_search`).
   */
  path: string;
  /**
   * Query parameters: `a=$.x,b=$.y` or `a=$.x&b={$.y}`, the paths read from the entity.
   */
  queryParam?: string | null;
  /**
   * Body sent (besides RequestInfo).
   */
  apiRequest?: unknown;
  responseMapping: {
    variable: string;
    /**
     * A JSON path into the answer.
     */
    value: string;
    type?: 'label' | 'date' | 'function' | 'image' | 'setEmpty' | 'amount' | 'amountInWords';
    format?: string;
    localisation?: Localisation;
    [k: string]: unknown;
  }[];
  [k: string]: unknown;
}
export interface DerivedValue {
  variable: string;
  /**
   * A JavaScript expression; `{{name}}` is replaced by the value of a variable first.
   */
  formula: string;
  [k: string]: unknown;
}
export interface PublicRead {
  /**
   * The field of the entity the answer replaces; `$` replaces the whole entity.
   */
  set: string;
  route: string;
  /**
   * Query parameter → a JSON path into the entity as the caller sent it, or a fixed value.
   */
  query?: {
    [k: string]: string;
  };
  /**
   * Where in the answer the value is.
   */
  answer: string;
  /**
   * Whom the read is made as: the caller (the route’s own public look-up and masking apply; the default), or the system, for a figure the caller may already see item by item.
   */
  as?: 'caller' | 'system';
}
export interface PDFFormatConfig {
  key: string;
  /**
   * A pdfmake document. Strings are Handlebars templates over the data config's variables; a string that is only `{{name}}` takes the value as it is; an array item `{{#list}}<JSON>{{/list}}` repeats the JSON for each item of the list.
   */
  config: {
    [k: string]: unknown;
  };
  [k: string]: unknown;
}
