/**
 * The one error type of the engine. A `kind` says how a caller should read it (and so which HTTP
 * status it becomes); a `code` says exactly what went wrong, for clients to branch on.
 */
export type ErrorKind =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'gone'
  | 'too-large'
  | 'too-many'
  | 'internal';

export interface ErrorDetail {
  code: string;
  message: string;
  /** JSON path of the offending field, e.g. `$.asset.owner.mobileNumber`. */
  path?: string;
}

export class SevaError extends Error {
  readonly kind: ErrorKind;
  readonly code: string;
  /** Further errors reported together with this one (e.g. every failed field of a payload). */
  readonly details: ErrorDetail[];
  readonly path?: string;
  /** For `too-many`: when the caller may try again (sent as Retry-After). */
  readonly retryAfterSeconds?: number;

  constructor(kind: ErrorKind, code: string, message: string, options: { path?: string; details?: ErrorDetail[]; cause?: unknown; retryAfterSeconds?: number } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SevaError';
    this.kind = kind;
    this.code = code;
    this.path = options.path;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.details = options.details ?? [{ code, message, ...(options.path ? { path: options.path } : {}) }];
  }
}

export const invalid = (code: string, message: string, path?: string) => new SevaError('invalid', code, message, { path });
export const notFound = (code: string, message: string) => new SevaError('not-found', code, message);
export const conflict = (code: string, message: string, path?: string) => new SevaError('conflict', code, message, { path });
export const forbidden = (code: string, message: string) => new SevaError('forbidden', code, message);
export const unauthenticated = (code: string, message: string) => new SevaError('unauthenticated', code, message);

export const tooMany = (code: string, message: string, retryAfterSeconds: number) => new SevaError('too-many', code, message, { retryAfterSeconds });

/** Several field errors at once, reported as one invalid request. */
export function invalidFields(details: ErrorDetail[]): SevaError {
  const first = details[0] ?? { code: 'INVALID_REQUEST', message: 'the request is invalid' };
  return new SevaError('invalid', first.code, first.message, { path: first.path, details });
}

export const httpStatusOf: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  gone: 410,
  'too-large': 413,
  'too-many': 429,
  internal: 500,
};
