import { batchRunTable } from '../batches/index.ts';
import { billTable, demandTable, demandVersionTable, gatewayTransactionTable, paymentTable } from '../billing/index.ts';
import type { Registry } from '../definitions/index.ts';
import { outboxTable } from '../events/index.ts';
import { sequenceTable } from '../idgen/index.ts';
import { compilePersister } from '../persister/index.ts';
import type { TableSpec } from '../store/index.ts';
import { jobRunTable } from '../jobs/index.ts';
import { sessionTable, userTable } from '../users/index.ts';
import { instanceTable, transitionTable } from '../workflow/index.ts';

/** Every table Seva manages: the engine's own and those the persister definitions describe. */
export function tableSpecsOf(registry: Registry): TableSpec[] {
  const fromDefinitions = registry.persisters.flatMap((p) => compilePersister(p, registry.services.find((s) => s.service === p.service)!).tables);
  return [sequenceTable, ...outboxTable.tables, ...userTable.tables, ...sessionTable.tables, ...instanceTable.tables, ...transitionTable.tables, ...jobRunTable.tables, ...demandTable.tables, ...demandVersionTable.tables, ...billTable.tables, ...paymentTable.tables, ...gatewayTransactionTable.tables, ...batchRunTable.tables, ...fromDefinitions];
}
