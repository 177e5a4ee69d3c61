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
      roles?: string[];
      /**
       * Any signed-in user may also call it about their own record (user.search by the caller's own id or uuid).
       */
      self?: boolean;
    };
  };
}
