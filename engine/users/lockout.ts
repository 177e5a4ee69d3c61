import { sql } from 'kysely';
import { unauthenticated } from '../errors/index.ts';
import { exactFilters, updateMatching } from '../persister/index.ts';
import type { Db } from '../store/index.ts';
import { recordAuthEvent } from './audit.ts';
import { authAuditTable, userTable } from './tables.ts';
import type { StoredUser } from './user.ts';

/** DIGIT's egov-user: `attempts` failures within `withinMinutes` lock the account for `lockMinutes`. */
export interface LockoutPolicy {
  attempts: number;
  withinMinutes: number;
  lockMinutes: number;
}

export const DEFAULT_LOCKOUT: LockoutPolicy = { attempts: 5, withinMinutes: 30, lockMinutes: 60 };

const MINUTE = 60_000;

export interface LoginAttempt {
  userName: string;
  tenantId: string;
  clientAddress?: string;
  now: number;
}

const lockedError = (user: StoredUser, policy: LockoutPolicy) =>
  unauthenticated('ACCOUNT_LOCKED', `the account ${user.userName} is locked after too many failed logins; try again after ${new Date(user.accountLockedDate! + policy.lockMinutes * MINUTE).toISOString()}`);

/**
 * Lets a login go on, or refuses it while the account is locked; a lock whose cool-down has passed
 * is lifted here, at the next login, as DIGIT does. Returns the user as it now is.
 */
export async function admitLogin(db: Db, user: StoredUser, policy: LockoutPolicy, attempt: LoginAttempt): Promise<StoredUser> {
  if (!user.accountLocked) return user;
  if (attempt.now - (user.accountLockedDate ?? 0) < policy.lockMinutes * MINUTE) {
    await recordAuthEvent(db, { at: attempt.now, event: 'LOGIN_FAILED', userUuid: user.uuid, userName: user.userName, tenantId: attempt.tenantId, clientAddress: attempt.clientAddress, detail: { reason: 'ACCOUNT_LOCKED' } });
    throw lockedError(user, policy);
  }
  await updateMatching(db, userTable, { filters: exactFilters({ uuid: user.uuid }) }, { accountLocked: false });
  await recordAuthEvent(db, { at: attempt.now, event: 'ACCOUNT_UNLOCKED', userUuid: user.uuid, userName: user.userName, tenantId: attempt.tenantId, clientAddress: attempt.clientAddress });
  return { ...user, accountLocked: false };
}

/**
 * Records a failed login; the failure that makes `attempts` since the window began (and since the
 * last success or unlock) locks the account, and is answered as locked.
 */
export async function loginFailed(db: Db, user: StoredUser | undefined, policy: LockoutPolicy, attempt: LoginAttempt, reason: string): Promise<void> {
  await recordAuthEvent(db, { at: attempt.now, event: 'LOGIN_FAILED', userUuid: user?.uuid, userName: attempt.userName, tenantId: attempt.tenantId, clientAddress: attempt.clientAddress, detail: { reason } });
  if (!user) return;
  const since = Math.max(attempt.now - policy.withinMinutes * MINUTE, await lastReset(db, user.uuid));
  const row = await db
    .selectFrom(authAuditTable.root.table)
    .select(sql<string>`count(*)`.as('n'))
    .where('user_uuid', '=', user.uuid)
    .where('event', '=', 'LOGIN_FAILED')
    .where('at', '>', since)
    .executeTakeFirstOrThrow();
  if (Number(row.n) < policy.attempts) return;
  await updateMatching(db, userTable, { filters: exactFilters({ uuid: user.uuid }) }, { accountLocked: true, accountLockedDate: attempt.now });
  await recordAuthEvent(db, { at: attempt.now, event: 'ACCOUNT_LOCKED', userUuid: user.uuid, userName: user.userName, tenantId: attempt.tenantId, clientAddress: attempt.clientAddress, detail: { failures: Number(row.n), withinMinutes: policy.withinMinutes } });
  throw lockedError({ ...user, accountLockedDate: attempt.now }, policy);
}

export async function loginSucceeded(db: Db, user: StoredUser, attempt: LoginAttempt): Promise<void> {
  await recordAuthEvent(db, { at: attempt.now, event: 'LOGIN_SUCCEEDED', userUuid: user.uuid, userName: user.userName, tenantId: attempt.tenantId, clientAddress: attempt.clientAddress });
}

/** When the failure count last started again: the user's last successful login or unlock. */
async function lastReset(db: Db, userUuid: string): Promise<number> {
  const row = await db
    .selectFrom(authAuditTable.root.table)
    .select(sql<string | null>`max(at)`.as('at'))
    .where('user_uuid', '=', userUuid)
    .where('event', 'in', ['LOGIN_SUCCEEDED', 'ACCOUNT_UNLOCKED'])
    .executeTakeFirstOrThrow();
  return row.at === null ? 0 : Number(row.at);
}
