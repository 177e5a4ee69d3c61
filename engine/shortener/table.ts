import { engineTable } from '../persister/index.ts';

/** A short link: the long URL it stands for, whose it is, and until when it works. */
export interface ShortLink {
  id: string;
  tenantId: string;
  url: string;
  validFrom: number;
  validTill: number;
  createdBy: string;
  createdTime: number;
}

export const shortLinkTable = engineTable<ShortLink>({
  table: 'seva_short_link',
  primaryKey: 'id',
  tenantColumn: 'tenant_id',
  columns: {
    id: { path: 'id', type: 'text', notNull: true },
    tenant_id: { path: 'tenantId', type: 'text', notNull: true },
    url: { path: 'url', type: 'text', notNull: true },
    valid_from: { path: 'validFrom', type: 'bigint', notNull: true },
    valid_till: { path: 'validTill', type: 'bigint', notNull: true },
    created_by: { path: 'createdBy', type: 'text', notNull: true },
    created_time: { path: 'createdTime', type: 'bigint', notNull: true },
  },
});
