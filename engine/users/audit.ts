import { randomUUID } from 'node:crypto';
import { insertRecord } from '../persister/index.ts';
import type { Db } from '../store/index.ts';
import { authAuditTable } from './tables.ts';
import type { RoleGrant, User } from './user.ts';

export type AuthEventName = 'LOGIN_SUCCEEDED' | 'LOGIN_FAILED' | 'ACCOUNT_LOCKED' | 'ACCOUNT_UNLOCKED' | 'ROLES_CHANGED';

/** One line of the sign-in audit: who (if known), from where, what happened, and by whom for a change. */
export interface AuthEvent {
  id: string;
  at: number;
  event: AuthEventName;
  userUuid?: string;
  userName?: string;
  tenantId?: string;
  clientAddress?: string;
  /** Who made a change (a role change's caller). */
  actor?: string;
  detail?: unknown;
}

export async function recordAuthEvent(db: Db, event: Omit<AuthEvent, 'id'>): Promise<void> {
  await insertRecord(db, authAuditTable, { id: randomUUID(), ...event });
}

/** A change of a user's roles goes into the sign-in audit, with who made it (nothing when none changed). */
export async function recordRoleChange(db: Db, user: User, change: { added: RoleGrant[]; removed: RoleGrant[] }, actor: string | undefined, clientAddress: string | undefined): Promise<void> {
  if (change.added.length === 0 && change.removed.length === 0) return;
  const at = user.auditDetails?.lastModifiedTime ?? 0;
  await recordAuthEvent(db, { at, event: 'ROLES_CHANGED', userUuid: user.uuid, userName: user.userName, tenantId: user.tenantId, clientAddress, actor, detail: change });
}
