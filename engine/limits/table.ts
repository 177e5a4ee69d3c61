import { engineTable } from '../persister/index.ts';

export interface RateWindow {
  /** `<key>@<window start>`. */
  id: string;
  key: string;
  windowStart: number;
  hits: number;
}

/** Hits per key and fixed window, kept in the database so every process of a cluster counts the same. */
export const rateWindowTable = engineTable<RateWindow>({
  table: 'seva_rate_window',
  primaryKey: 'id',
  columns: {
    id: { path: 'id', type: 'text', notNull: true },
    key: { path: 'key', type: 'text', notNull: true },
    window_start: { path: 'windowStart', type: 'bigint', notNull: true },
    hits: { path: 'hits', type: 'integer', notNull: true },
  },
  indexes: [{ name: 'seva_rate_window_key_idx', expressions: ['key', 'window_start'] }],
});
