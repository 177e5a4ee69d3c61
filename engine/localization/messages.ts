import type { Clock } from '../clock/index.ts';
import { inFilters, rowOf, searchRecords } from '../persister/index.ts';
import type { Db } from '../store/index.ts';
import { MessageCatalogue, type LocalizedMessage, type Message, type MessageQuery } from './catalogue.ts';
import { messageTable, type StoredMessage } from './table.ts';

/** Which stored message a delete names. */
export interface MessageIdentity {
  code: string;
  module: string;
  locale: string;
}

const idOf = (tenantId: string, m: MessageIdentity) => JSON.stringify([tenantId, m.locale, m.module, m.code]);

/** The shipped messages (definitions) with those stored over them (`_upsert`), searched as one. */
export class Localization {
  private readonly catalogue: MessageCatalogue;

  constructor(
    shipped: readonly LocalizedMessage[],
    private readonly deps: { db: Db; clock: Clock },
  ) {
    this.catalogue = new MessageCatalogue(shipped);
  }

  async search(query: MessageQuery): Promise<Message[]> {
    const stored = await searchRecords(this.deps.db, messageTable, { filters: inFilters({ locale: [query.locale], tenantId: MessageCatalogue.levelsOf(query.tenantId) }) });
    return this.catalogue.resolve(query, stored);
  }

  /** Stores messages at a tenant, each replacing the one stored for its locale, module and code. */
  async upsert(tenantId: string, messages: readonly Message[], actor: string): Promise<Message[]> {
    const now = this.deps.clock.now();
    // The last of two messages with one identity is the one kept, as if sent one after another.
    const byId = new Map(messages.map((m) => [idOf(tenantId, m), m]));
    const rows = [...byId].map(([id, m]) =>
      rowOf(messageTable.root, {
        id,
        tenantId,
        locale: m.locale,
        module: m.module,
        code: m.code,
        message: m.message,
        auditDetails: { createdBy: actor, createdTime: now, lastModifiedBy: actor, lastModifiedTime: now },
      } satisfies StoredMessage),
    );
    if (rows.length > 0) {
      await this.deps.db
        .insertInto(messageTable.root.table)
        .values(rows)
        .onConflict((oc) => oc.column('id').doUpdateSet((eb) => ({ message: eb.ref('excluded.message'), last_modified_by: eb.ref('excluded.last_modified_by'), last_modified_time: eb.ref('excluded.last_modified_time') })))
        .execute();
    }
    return messages.map((m) => ({ code: m.code, message: m.message, module: m.module, locale: m.locale }));
  }

  /** Removes stored messages of a tenant (the shipped ones show again); naming one not stored is no error, as in DIGIT. */
  async delete(tenantId: string, identities: readonly MessageIdentity[]): Promise<number> {
    if (identities.length === 0) return 0;
    const result = await this.deps.db
      .deleteFrom(messageTable.root.table)
      .where('id', 'in', identities.map((m) => idOf(tenantId, m)))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
