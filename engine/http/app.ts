import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { notFound, SevaError } from '../errors/index.ts';
import type { Logger } from '../log/index.ts';
import { errorBody, statusOf } from './envelope.ts';
import { mount, type Authenticator, type Route } from './route.ts';
import { siteRoutes } from './openapi/site.ts';

export interface HttpAppOptions {
  routes: Route[];
  auth: Authenticator;
  logger: Logger;
  maxBodyBytes: number;
  /** Deepest nesting of objects and lists a JSON body may have; deeper is refused before it is parsed. */
  maxBodyDepth: number;
  /** Take the client address from X-Forwarded-For (only behind a proxy that sets it). */
  trustForwardedFor?: boolean;
}

/** The Hono app: every route mounted, and every failure turned into the DIGIT error envelope here. */
export function createHttpApp(options: HttpAppOptions): Hono {
  const app = new Hono();
  // An answer given without reading the request's body (too large, no such route) leaves the rest of
  // it on the connection, which is then unfit for a next request: the client is told to open another.
  app.use('*', async (c, next) => {
    await next();
    if (c.req.raw.body && !c.req.raw.bodyUsed) c.res.headers.set('connection', 'close');
  });
  app.use(
    '*',
    bodyLimit({
      maxSize: options.maxBodyBytes,
      onError: (c) => c.json(errorBody(new SevaError('too-large', 'PAYLOAD_TOO_LARGE', `the request body is larger than ${options.maxBodyBytes} bytes`)), 413),
    }),
  );
  // `/`, `/health`, and the published contract with its docs page (GET routes of the server itself).
  for (const route of siteRoutes(options.routes)) app.get(route.doc.path, route.handle);
  for (const route of options.routes) mount(app, route, options.auth, { maxBodyDepth: options.maxBodyDepth, trustForwardedFor: options.trustForwardedFor === true });

  app.notFound((c) => {
    const err = notFound('NOT_FOUND', `no route ${c.req.method} ${c.req.path}`);
    return c.json(errorBody(err), 404);
  });
  app.onError((err, c) => {
    if (err instanceof SevaError) {
      if (err.retryAfterSeconds !== undefined) c.header('retry-after', String(err.retryAfterSeconds));
      return c.json(errorBody(err), statusOf(err) as 400);
    }
    const correlationId = c.req.header('x-correlation-id') ?? randomUUID();
    options.logger.error({ err, correlationId, method: c.req.method, path: c.req.path }, 'unexpected failure');
    const internal = new SevaError('internal', 'INTERNAL_SERVER_ERROR', `an unexpected error occurred; quote correlation id ${correlationId} when reporting it`);
    return c.json(errorBody(internal), 500);
  });
  return app;
}
