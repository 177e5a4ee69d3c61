import { httpStatusOf, SevaError } from '../errors/index.ts';

export type RequestInfo = Record<string, unknown> & { apiId?: string; ver?: string; msgId?: string; authToken?: string };

/** DIGIT's ResponseInfo, echoing what the client sent in RequestInfo. */
export function responseInfo(requestInfo: RequestInfo | undefined, ok: boolean) {
  return {
    apiId: requestInfo?.apiId ?? null,
    ver: requestInfo?.ver ?? null,
    ts: Date.now(),
    resMsgId: 'uief87324',
    msgId: requestInfo?.msgId ?? null,
    status: ok ? 'successful' : 'failed',
  };
}

/** The one error shape: `{ResponseInfo, Errors: [{code, message, description, params}]}`. */
export function errorBody(err: SevaError, requestInfo?: RequestInfo) {
  return {
    ResponseInfo: responseInfo(requestInfo, false),
    Errors: err.details.map((d) => ({ code: d.code, message: d.message, description: d.message, params: d.path ? [d.path] : null })),
  };
}

export function statusOf(err: SevaError): number {
  return httpStatusOf[err.kind];
}
