// Generated from ./schema.ts by `npm run schemas`: edit the schema, not this file.

/**
 * How long short links (DIGIT's eus/shortener) live: for every tenant, and for some tenants (a GP or a state) their own; a link's tenant is the request's tenantId, else the long URL's tenantId parameter.
 */
export interface ShortenerPolicyDefinition {
  validity: ShortLinkValidity;
  /**
   * Validity for a tenant and the tenants below it (the nearest wins).
   */
  byTenant?: {
    [k: string]: ShortLinkValidity;
  };
}
export interface ShortLinkValidity {
  /**
   * How long a link lives when the request names no end (validTill).
   */
  defaultDays: number;
  /**
   * The longest a link may live, whatever the request asks.
   */
  maxDays: number;
}
