import type { Hono } from 'hono';
import type { Clock } from '../clock/index.ts';
import type { Db } from '../store/index.ts';
import { openSession, type User } from '../users/index.ts';

const SESSION_SECONDS = 3600;

/**
 * Lets jobs call the engine's own routes as the system user, through the same door as any client
 * (access checks included). A session is opened when needed and reused until near its expiry.
 */
export function systemCaller(app: Hono, db: Db, clock: Clock, systemUser: User | undefined) {
  let session: { token: string; expiresAt: number } | undefined;
  return async (path: string, body: Record<string, unknown>) => {
    if (!systemUser) throw new Error('there is no system user (the tenant or SYSTEM role master is missing)');
    const now = clock.now();
    if (!session || session.expiresAt - now < 60_000) {
      const tokens = await openSession(db, systemUser.uuid, now, { accessTtlSeconds: SESSION_SECONDS, refreshTtlSeconds: SESSION_SECONDS });
      session = { token: tokens.accessToken, expiresAt: now + SESSION_SECONDS * 1000 };
    }
    const res = await app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
      body: JSON.stringify({ RequestInfo: { apiId: 'seva-jobs', ver: '1.0', msgId: `job|en_IN` }, ...body }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
}
