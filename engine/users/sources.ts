import type { DataSource } from '../billing/index.ts';

/**
 * Users as a source aggregates may read, to name who made or changed a record (who cancelled or
 * deactivated it). Read whatever their tenant, since staff often sit at the state: so only who they
 * are, no contact details, no roles, nothing secret.
 */
export const USER_SOURCES: Record<string, DataSource> = {
  users: {
    tables: [{ table: 'seva_user', as: 'u' }],
    fields: {
      uuid: { column: 'u.uuid', type: 'text' },
      tenantId: { column: 'u.tenant_id', type: 'text' },
      userName: { column: 'u.user_name', type: 'text' },
      name: { column: 'u.name', type: 'text' },
      type: { column: 'u.type', type: 'text' },
    },
  },
};
