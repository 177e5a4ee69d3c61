// Generated from ./schema.ts by `npm run schemas`: edit the schema, not this file.

/**
 * Messages of one module in one locale, as code: message; each is served as DIGIT's {code, message, module, locale}. Without tenantId they are the default every tenant sees; with one, they override it for that tenant and the tenants below it.
 */
export interface LocalizationFile {
  /**
   * The locale, as DIGIT writes it: en_IN, hi_IN, pn_IN. The file sits in the folder of that name.
   */
  locale: string;
  /**
   * The module a client asks for, e.g. rainmaker-common.
   */
  module: string;
  /**
   * The tenant whose own texts these are (a state, or a tenant below it); absent: the default.
   */
  tenantId?: string;
  /**
   * code: message. A code is any text a client looks up (usually UPPER_SNAKE_CASE).
   */
  messages: {
    [k: string]: string;
  };
}
