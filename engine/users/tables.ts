import { engineTable } from '../persister/index.ts';
import type { Session } from './sessions.ts';
import type { AuthEvent } from './audit.ts';
import type { StoredUser } from './user.ts';

/** Users as DIGIT's egov-user keeps them; a user name is unique (case-insensitively) per tenant. */
export const userTable = engineTable<StoredUser>({
  table: 'seva_user',
  primaryKey: 'uuid',
  tenantColumn: 'tenant_id',
  // A user's absent details (name, mobile number, ...) are left out of it, as DIGIT clients expect.
  nulls: 'omitted',
  columns: {
    uuid: { path: 'uuid', type: 'text', notNull: true },
    id: { path: 'id', type: 'bigint', notNull: true },
    tenant_id: { path: 'tenantId', type: 'text', notNull: true },
    user_name: { path: 'userName', type: 'text', notNull: true },
    name: { path: 'name', type: 'text' },
    mobile_number: { path: 'mobileNumber', type: 'text' },
    email_id: { path: 'emailId', type: 'text' },
    gender: { path: 'gender', type: 'text' },
    type: { path: 'type', type: 'text', notNull: true },
    roles: { path: 'roles', type: 'json', notNull: true },
    active: { path: 'active', type: 'boolean', notNull: true },
    default_pwd_chgd: { path: 'defaultPwdChgd', type: 'boolean' },
    dob: { path: 'dob', type: 'text' },
    locale: { path: 'locale', type: 'text' },
    profile: { path: 'profile', type: 'json' },
    password_hash: { path: 'passwordHash', type: 'text' },
    // DIGIT's lockout: set by too many failed logins, lifted lazily at a login after the cool-down.
    account_locked: { path: 'accountLocked', type: 'boolean' },
    account_locked_date: { path: 'accountLockedDate', type: 'bigint' },
    created_by: { path: 'auditDetails.createdBy', type: 'text' },
    created_time: { path: 'auditDetails.createdTime', type: 'bigint' },
    last_modified_by: { path: 'auditDetails.lastModifiedBy', type: 'text' },
    last_modified_time: { path: 'auditDetails.lastModifiedTime', type: 'bigint' },
  },
  indexes: [
    { name: 'seva_user_tenant_id_lower_user_name_ukey', expressions: ['tenant_id', 'lower(user_name)'], unique: true },
    { name: 'seva_user_mobile_number_idx', expressions: ['mobile_number'] },
  ],
});

/** A login's tokens, by their hashes. */
export const sessionTable = engineTable<Session>({
  table: 'seva_session',
  primaryKey: 'access_hash',
  columns: {
    access_hash: { path: 'accessHash', type: 'text', notNull: true },
    refresh_hash: { path: 'refreshHash', type: 'text', notNull: true },
    user_uuid: { path: 'userUuid', type: 'text', notNull: true },
    expires_at: { path: 'expiresAt', type: 'bigint', notNull: true },
    refresh_expires_at: { path: 'refreshExpiresAt', type: 'bigint', notNull: true },
    revoked: { path: 'revoked', type: 'boolean', notNull: true },
    created_at: { path: 'createdAt', type: 'bigint', notNull: true },
  },
  indexes: [
    { name: 'seva_session_refresh_hash_ukey', expressions: ['refresh_hash'], unique: true },
    { name: 'seva_session_user_uuid_idx', expressions: ['user_uuid'] },
  ],
});

/** Sign-in events (logins, lockouts) and changes of roles, for the record and for the lockout count. */
export const authAuditTable = engineTable<AuthEvent>({
  table: 'seva_auth_audit',
  primaryKey: 'id',
  columns: {
    id: { path: 'id', type: 'text', notNull: true },
    at: { path: 'at', type: 'bigint', notNull: true },
    event: { path: 'event', type: 'text', notNull: true },
    user_uuid: { path: 'userUuid', type: 'text' },
    user_name: { path: 'userName', type: 'text' },
    tenant_id: { path: 'tenantId', type: 'text' },
    client_address: { path: 'clientAddress', type: 'text' },
    actor: { path: 'actor', type: 'text' },
    detail: { path: 'detail', type: 'json' },
  },
  indexes: [{ name: 'seva_auth_audit_user_uuid_at_idx', expressions: ['user_uuid', 'at'] }],
});
