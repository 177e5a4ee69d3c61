import type { TableSpec } from '../store/index.ts';

export const userTable: TableSpec = {
  name: 'seva_user',
  primaryKey: ['uuid'],
  columns: [
    { name: 'uuid', type: 'text', notNull: true },
    { name: 'id', type: 'bigint', notNull: true },
    { name: 'tenant_id', type: 'text', notNull: true },
    { name: 'user_name', type: 'text', notNull: true },
    { name: 'name', type: 'text' },
    { name: 'mobile_number', type: 'text' },
    { name: 'email_id', type: 'text' },
    { name: 'gender', type: 'text' },
    { name: 'type', type: 'text', notNull: true },
    { name: 'roles', type: 'json', notNull: true },
    { name: 'active', type: 'boolean', notNull: true },
    { name: 'password_hash', type: 'text' },
    { name: 'created_by', type: 'text' },
    { name: 'created_time', type: 'bigint' },
    { name: 'last_modified_by', type: 'text' },
    { name: 'last_modified_time', type: 'bigint' },
  ],
  indexes: [
    { name: 'seva_user_tenant_id_lower_user_name_ukey', expressions: ['tenant_id', 'lower(user_name)'], unique: true },
    { name: 'seva_user_mobile_number_idx', expressions: ['mobile_number'] },
  ],
};

export const sessionTable: TableSpec = {
  name: 'seva_session',
  primaryKey: ['access_hash'],
  columns: [
    { name: 'access_hash', type: 'text', notNull: true },
    { name: 'refresh_hash', type: 'text', notNull: true },
    { name: 'user_uuid', type: 'text', notNull: true },
    { name: 'expires_at', type: 'bigint', notNull: true },
    { name: 'refresh_expires_at', type: 'bigint', notNull: true },
    { name: 'revoked', type: 'boolean', notNull: true },
    { name: 'created_at', type: 'bigint', notNull: true },
  ],
  indexes: [
    { name: 'seva_session_refresh_hash_ukey', expressions: ['refresh_hash'], unique: true },
    { name: 'seva_session_user_uuid_idx', expressions: ['user_uuid'] },
  ],
};
