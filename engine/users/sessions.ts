import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../store/index.ts';

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export interface SessionPolicy {
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
}

/** Tokens are random; only their hashes are stored, so a leaked table does not leak sessions. */
const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(32).toString('base64url');

export async function openSession(db: Db, userUuid: string, now: number, policy: SessionPolicy): Promise<SessionTokens> {
  const accessToken = newToken();
  const refreshToken = newToken();
  await db
    .insertInto('seva_session')
    .values({
      access_hash: hashOf(accessToken),
      refresh_hash: hashOf(refreshToken),
      user_uuid: userUuid,
      expires_at: now + policy.accessTtlSeconds * 1000,
      refresh_expires_at: now + policy.refreshTtlSeconds * 1000,
      revoked: false,
      created_at: now,
    })
    .execute();
  return { accessToken, refreshToken, expiresIn: policy.accessTtlSeconds };
}

/** The user a live access token belongs to. */
export async function sessionUser(db: Db, accessToken: string, now: number): Promise<string | undefined> {
  const row = await db.selectFrom('seva_session').select(['user_uuid', 'expires_at', 'revoked']).where('access_hash', '=', hashOf(accessToken)).executeTakeFirst();
  if (!row || row.revoked || Number(row.expires_at) <= now) return undefined;
  return String(row.user_uuid);
}

/** Revokes the session a refresh token belongs to and returns its user, if the token is still good. */
export async function consumeRefreshToken(db: Db, refreshToken: string, now: number): Promise<string | undefined> {
  const row = await db
    .updateTable('seva_session')
    .set({ revoked: true })
    .where('refresh_hash', '=', hashOf(refreshToken))
    .where('revoked', '=', false)
    .where('refresh_expires_at', '>', now)
    .returning('user_uuid')
    .executeTakeFirst();
  return row ? String(row.user_uuid) : undefined;
}

export async function revokeSession(db: Db, accessToken: string): Promise<boolean> {
  const r = await db.updateTable('seva_session').set({ revoked: true }).where('access_hash', '=', hashOf(accessToken)).where('revoked', '=', false).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}
