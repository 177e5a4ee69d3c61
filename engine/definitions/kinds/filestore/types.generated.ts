// Generated from ./schema.ts by `npm run schemas`: edit the schema, not this file.

/**
 * What DIGIT's egov-filestore accepts: for each module a client names when uploading, the file types (checked by content) and the largest size. An upload naming a module not listed is refused; without a policy no upload is accepted.
 */
export interface FileStorePolicyDefinition {
  /**
   * Module name (the `module` form field) → its limits.
   */
  modules: {
    [k: string]: FileModule;
  };
}
export interface FileModule {
  /**
   * Media types accepted, as read from the bytes (magic numbers), never from the name or the declared type: e.g. application/pdf, image/png, image/jpeg.
   */
  types: string[];
  /**
   * Largest file accepted, in bytes (the server’s body limit bounds a whole upload too).
   */
  maxBytes: number;
  anonymous?: AnonymousUploads;
}
/**
 * Uploads without a token are taken for this module (DIGIT’s filestore is open, and some clients upload without one), recorded as made by `anonymous`. Without this section an upload needs a session (401). Needs `anonymousWhereAllowed` on filestore.upload in the access policy.
 */
export interface AnonymousUploads {
  perAddress: AnonymousUploadLimit;
}
/**
 * Anonymous uploads from one client address (429 TOO_MANY_UPLOADS beyond).
 */
export interface AnonymousUploadLimit {
  requests: number;
  seconds: number;
}
