/**
 * A separate process that runs one bulk demand and is killed by the test while it runs:
 *   tsx tests/helpers/bulk-run.ts <definitionsDir> <databaseUrl> <tenantId> <billingPeriod>
 */
import { startSeva } from '../../engine/boot/index.ts';

const [definitionsDir, databaseUrl, tenantId, billingPeriod] = process.argv.slice(2) as [string, string, string, string];
const seva = await startSeva({ definitionsDir, database: { databaseUrl }, adminPassword: 'admin-secret-1' });
process.stdout.write('started\n');
const run = await seva.batches.run('ws-bulk-demand', { tenantId, billingPeriod }, 'child');
process.stdout.write(`finished ${run.status}\n`);
await seva.close();
