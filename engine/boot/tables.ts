import { batchRunTable } from '../batches/index.ts';
import { billTable, demandTable, demandVersionTable, gatewayTransactionTable, paymentTable } from '../billing/index.ts';
import type { Registry } from '../definitions/index.ts';
import { outboxTable } from '../events/index.ts';
import { sequenceTable } from '../idgen/index.ts';
import { compilePersister, type RecordTables } from '../persister/index.ts';
import type { TableSpec } from '../store/index.ts';
import { employeeTable } from '../hrms/index.ts';
import { fileContentTable, fileTable } from '../files/index.ts';
import { jobRunTable } from '../jobs/index.ts';
import { messageTable } from '../localization/index.ts';
import { rateWindowTable } from '../limits/index.ts';
import { authAuditTable, otpTable, sessionTable, userTable } from '../users/index.ts';
import { pdfDocumentTable } from '../pdf/index.ts';
import { shortLinkTable } from '../shortener/index.ts';
import { smsOutboxTable } from '../sms/index.ts';
import { instanceTable, transitionTable } from '../workflow/index.ts';

/** The engine's own tables, declared like the persister declares a service's (in the order they are created). */
const engineTables: RecordTables<unknown>[] = [outboxTable, userTable, sessionTable, instanceTable, transitionTable, jobRunTable, demandTable, demandVersionTable, billTable, paymentTable, gatewayTransactionTable, batchRunTable, authAuditTable, rateWindowTable, otpTable, smsOutboxTable, messageTable, employeeTable, shortLinkTable, fileTable, fileContentTable, pdfDocumentTable];

/** Every table Seva manages: the engine's own and those the persister definitions describe. */
export function tableSpecsOf(registry: Registry): TableSpec[] {
  const fromDefinitions = registry.persisters.flatMap((p) => compilePersister(p, registry.services.find((s) => s.service === p.service)!).tables);
  return [sequenceTable, ...engineTables.flatMap((t) => t.tables), ...fromDefinitions];
}
