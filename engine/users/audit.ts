import { randomUUID } from 'node:crypto';
import { insertRecord } from '../persister/index.ts';
import type { Db } from '../store/index.ts';
import { authAuditTable } from './tables.ts';

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
