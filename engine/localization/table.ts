import { auditColumns, engineTable } from '../persister/index.ts';

/** A message stored over the shipped ones, as `_upsert` writes it: one per tenant, locale, module and code. */
export interface StoredMessage {
  /** The tenant, locale, module and code, as one key. */
  id: string;
  tenantId: string;
  locale: string;
  module: string;
  code: string;
  message: string;
  auditDetails: { createdBy: string; createdTime: number; lastModifiedBy: string; lastModifiedTime: number };
}

export const messageTable = engineTable<StoredMessage>({
  table: 'seva_localization_message',
  primaryKey: 'id',
  tenantColumn: 'tenant_id',
  columns: {
    id: { path: 'id', type: 'text', notNull: true },
    tenant_id: { path: 'tenantId', type: 'text', notNull: true },
    locale: { path: 'locale', type: 'text', notNull: true },
    module: { path: 'module', type: 'text', notNull: true },
    code: { path: 'code', type: 'text', notNull: true },
    message: { path: 'message', type: 'text', notNull: true },
    ...auditColumns,
  },
  indexes: [{ name: 'seva_localization_message_locale_tenant_idx', expressions: ['locale', 'tenant_id'] }],
});
