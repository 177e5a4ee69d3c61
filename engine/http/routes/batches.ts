import type { EndpointAccess } from '../../access/index.ts';
import type { BatchRun, BatchRunner } from '../../batches/index.ts';
import { SevaError } from '../../errors/index.ts';
import { listCriterion, pageCriteria } from '../../validation/index.ts';
import { criteriaOf, requireTenant, type HttpRequest, type Route } from '../route.ts';

export const BATCH_PATHS = { 'batch.run.search': '/seva/batch/v1/runs/_search' } as const;

const runJson = (run: BatchRun) => run;

/** Each bulk operation at its own path (it runs to the end, then answers its run), and the runs' search. */
export function batchRoutes(runner: BatchRunner, grant: (id: string) => EndpointAccess): Route[] {
  const tenantOf = (req: HttpRequest) => [requireTenant(criteriaOf(req).tenantId, '$.tenantId')];
  return [
    ...runner.definitions.map(
      (def): Route => ({
        path: def.path,
        endpoint: `POST ${def.path}`,
        access: { mode: 'roles', roles: def.roles },
        tenants: tenantOf,
        handle: async (req) => {
          const run = await runner.run(def.batch, criteriaOf(req), req.caller!.uuid);
          if (run.status === 'FAILED') throw new SevaError('internal', 'BATCH_RUN_FAILED', `${def.batch} run ${run.id} stopped after ${run.processed} of ${run.total} records: ${run.error}; run it again to resume`);
          return req.respond({ run: runJson(run) });
        },
      }),
    ),
    {
      path: BATCH_PATHS['batch.run.search'],
      endpoint: 'batch.run.search',
      access: grant('batch.run.search'),
      tenants: tenantOf,
      handle: async (req) => {
        const c = criteriaOf(req);
        const runs = await runner.runs({
          tenantId: String(c.tenantId),
          batch: typeof c.batch === 'string' && c.batch !== '' ? c.batch : undefined,
          ids: listCriterion(c.ids),
          ...pageCriteria(c, { defaultLimit: 20, maxLimit: 100 }),
        });
        return req.respond({ runs: runs.map(runJson) });
      },
    },
  ];
}
