import { createHash, randomBytes } from 'node:crypto';
import { exactFilters, findRecord, insertRecord, updateMatching } from '../persister/index.ts';
import type { Db } from '../store/index.ts';
import { sessionTable } from './tables.ts';

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export interface SessionPolicy {
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
}

/** A session as stored: never its tokens, only their hashes. */
export interface Session {
  accessHash: string;
  refreshHash: string;
  userUuid: string;
  expiresAt: number;
  refreshExpiresAt: number;
  revoked: boolean;
  createdAt: number;
}

/** Tokens are random; only their hashes are stored, so a leaked table does not leak sessions. */
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

export async function openSession(db: Db, userUuid: string, now: number, policy: SessionPolicy): Promise<SessionTokens> {
  const accessToken = newToken();
  const refreshToken = newToken();
  await insertRecord(db, sessionTable, {
    accessHash: hashOf(accessToken),
    refreshHash: hashOf(refreshToken),
    userUuid,
    expiresAt: now + policy.accessTtlSeconds * 1000,
    refreshExpiresAt: now + policy.refreshTtlSeconds * 1000,
    revoked: false,
    createdAt: now,
  });
  return { accessToken, refreshToken, expiresIn: policy.accessTtlSeconds };
}

/** The user a live access token belongs to. */
export async function sessionUser(db: Db, accessToken: string, now: number): Promise<string | undefined> {
  const session = await findRecord(db, sessionTable, { accessHash: hashOf(accessToken) });
  if (!session || session.revoked || session.expiresAt <= now) return undefined;
  return session.userUuid;
}

/** Revokes the session a refresh token belongs to and returns its user, if the token is still good (one statement, so a token is used once). */
export async function consumeRefreshToken(db: Db, refreshToken: string, now: number): Promise<string | undefined> {
  const [session] = await updateMatching(db, sessionTable, { filters: exactFilters({ refreshHash: hashOf(refreshToken), revoked: false }), also: (eb) => eb('refresh_expires_at', '>', now) }, { revoked: true });
  return session?.userUuid;
}

export async function revokeSession(db: Db, accessToken: string): Promise<boolean> {
  const revoked = await updateMatching(db, sessionTable, { filters: exactFilters({ accessHash: hashOf(accessToken), revoked: false }) }, { revoked: true });
  return revoked.length > 0;
}

/** Ends every live session of a user (deactivated, or its password changed elsewhere). */
export async function revokeUserSessions(db: Db, userUuid: string): Promise<number> {
  const revoked = await updateMatching(db, sessionTable, { filters: exactFilters({ userUuid, revoked: false }) }, { revoked: true });
  return revoked.length;
}
