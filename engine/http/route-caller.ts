import { maskAnswer } from '../access/index.ts';
import { notFound, SevaError } from '../errors/index.ts';
import type { User } from '../users/index.ts';
import { errorBody, responseInfo, statusOf, type RequestInfo } from './envelope.ts';
import { admitted, RedirectAnswer, TextAnswer, type Route } from './route.ts';

/**
 * Calls a route in the process, as `caller` (none: an anonymous caller): the same access check
 * and handler an HTTP request meets, without a socket, a token or JSON in between (scheduled jobs
 * and documents call routes this way). Refusals come back as DIGIT's error body with their HTTP
 * status, as a client would see them.
 */
export function routeCaller(routes: Route[]) {
  const patterns = routes.map((route) => ({ route, names: [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]!), pattern: new RegExp(`^${route.path.replace(/:\w+/g, '([^/]+)')}$`) }));
  const find = (path: string) => {
    for (const { route, names, pattern } of patterns) {
      const match = pattern.exec(path);
      if (match) return { route, params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(match[i + 1]!)])) };
    }
    return undefined;
  };
  return async (path: string, body: Record<string, unknown>, caller: User | undefined, query: Record<string, string> = {}): Promise<{ status: number; body: unknown }> => {
    const requestInfo = { ...((body.RequestInfo ?? { apiId: 'seva', ver: '1.0' }) as RequestInfo), ...(caller ? { userInfo: caller } : {}) };
    try {
      const found = find(path);
      if (!found) throw notFound('NOT_FOUND', `no route POST ${path}`);
      const { route, params } = found;
      const req = {
        body: { ...body, RequestInfo: requestInfo },
        files: [],
        query,
        params,
        requestInfo,
        caller,
        token: undefined,
        // A call made inside the server (a job's) comes from no client.
        clientAddress: undefined,
        header: () => undefined,
        respond: (extra: Record<string, unknown>) => ({ ResponseInfo: responseInfo(requestInfo, true), ...extra }),
      };
      const admission = admitted(route, req);
      const answer = await route.handle(req);
      if (answer instanceof TextAnswer) return { status: 200, body: answer.text };
      if (answer instanceof RedirectAnswer) return { status: 302, body: answer.location };
      return { status: 200, body: admission.masked ? maskAnswer(answer, admission.rules) : answer };
    } catch (err) {
      if (err instanceof SevaError) return { status: statusOf(err), body: errorBody(err, requestInfo) };
      throw err;
    }
  };
}
