import { tenantChain } from '../tenancy/index.ts';

/** A message in DIGIT's shape; `tenantId` absent: the default every tenant falls back to. */
export interface LocalizedMessage {
  code: string;
  message: string;
  module: string;
  locale: string;
  tenantId?: string;
}

/** What a search asks for: a tenant's messages in one locale, of some modules and codes (all when absent). */
export interface MessageQuery {
  tenantId: string;
  locale: string;
  modules?: string[];
  codes?: string[];
}

/** A message as answered: `{code, message, module, locale}`. */
export type Message = Omit<LocalizedMessage, 'tenantId'>;

/** The level a message sits at: a tenant id, or this for the default (DIGIT calls it `default` too). */
export const DEFAULT_LEVEL = 'default';

const keyOf = (m: { module: string; code: string }) => `${m.module}\u0000${m.code}`;

/**
 * Messages resolved per code, nearest first: the tenant, its parents up to the state (the tenant
 * chain every per-tenant lookup walks), then the default. At each level a stored message wins
 * over a shipped one for the same locale, module and code.
 */
export class MessageCatalogue {
  /** locale → level → module+code → message. */
  private readonly shipped = new Map<string, Map<string, Map<string, LocalizedMessage>>>();

  constructor(messages: readonly LocalizedMessage[]) {
    for (const m of messages) {
      const byLevel = this.shipped.get(m.locale) ?? new Map<string, Map<string, LocalizedMessage>>();
      this.shipped.set(m.locale, byLevel);
      const level = m.tenantId ?? DEFAULT_LEVEL;
      const byKey = byLevel.get(level) ?? new Map<string, LocalizedMessage>();
      byLevel.set(level, byKey);
      byKey.set(keyOf(m), m);
    }
  }

  /** The levels a tenant's messages come from, nearest first. */
  static levelsOf(tenantId: string): string[] {
    return tenantId === DEFAULT_LEVEL ? [DEFAULT_LEVEL] : [...tenantChain(tenantId), DEFAULT_LEVEL];
  }

  /** The answer to a search, given the stored messages of the query's locale at its levels; sorted by code, then module. */
  resolve(query: MessageQuery, stored: readonly LocalizedMessage[]): Message[] {
    const modules = query.modules ? new Set(query.modules) : undefined;
    const codes = query.codes ? new Set(query.codes) : undefined;
    const storedByLevel = new Map<string, LocalizedMessage[]>();
    for (const m of stored) storedByLevel.set(m.tenantId ?? DEFAULT_LEVEL, [...(storedByLevel.get(m.tenantId ?? DEFAULT_LEVEL) ?? []), m]);
    const found = new Map<string, Message>();
    const take = (m: LocalizedMessage) => {
      if (m.locale !== query.locale || (modules && !modules.has(m.module)) || (codes && !codes.has(m.code))) return;
      const key = keyOf(m);
      if (!found.has(key)) found.set(key, { code: m.code, message: m.message, module: m.module, locale: m.locale });
    };
    for (const level of MessageCatalogue.levelsOf(query.tenantId)) {
      for (const m of storedByLevel.get(level) ?? []) take(m);
      for (const m of this.shipped.get(query.locale)?.get(level)?.values() ?? []) take(m);
    }
    return [...found.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.module < b.module ? -1 : a.module > b.module ? 1 : 0));
  }
}
