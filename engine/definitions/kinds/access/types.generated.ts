// Generated from ./schema.ts by `npm run schemas`: edit the schema, not this file.

/**
 * Who may call the engine's own endpoints (login, users, MDMS, ID generation, workflow).
 */
export interface AccessPolicyDefinition {
  endpoints: {
    [k: string]: {
      /**
       * Callable without a token.
       */
      public?: boolean;
      /**
       * Callable by any signed-in user; for endpoints that check roles themselves (a workflow action checks its own roles).
       */
      authenticated?: boolean;
      /**
       * With authenticated: a caller without a token is let through too, and the endpoint decides where that is allowed (filestore.upload: a module with an `anonymous` section in definitions/filestore; others refuse it 401). Only endpoints that decide so take it.
       */
      anonymousWhereAllowed?: boolean;
      roles?: string[];
      /**
       * Any signed-in user may also call it about their own record (user.search by the caller's own id or uuid).
       */
      self?: boolean;
      anonymous?: AnonymousLookUpDefinition;
    };
  };
}
/**
 * A narrow look-up open without the roles (DIGIT's mixed mode: the bill or receipt an SMS links to). A caller without a token, or without the roles, who names every criterion of one set (one value each) gets the answer with the masked fields starred; a caller with the roles gets it whole.
 */
export interface AnonymousLookUpDefinition {
  /**
   * Sets of request criteria (query or body); naming all of one set, each with a single value, opens the look-up.
   */
  criteria: string[][];
  /**
   * The personal data in the answer, starred for anonymous callers (a value that is not text is withheld as null).
   */
  mask: MaskRule[];
}
export interface MaskRule {
  /**
   * Dotted path in the answer; arrays on the way are walked item by item (Bill.payerName).
   */
  path: string;
  /**
   * Characters shown at the start (default 0).
   */
  keepFirst?: number;
  /**
   * Characters shown at the end (default 0): 4 shows a mobile number as ******8888.
   */
  keepLast?: number;
}
