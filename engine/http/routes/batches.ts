import type { EndpointAccess } from '../../access/index.ts';
import type { BatchRun, BatchRunner } from '../../batches/index.ts';
import { SevaError } from '../../errors/index.ts';
import { listCriterion, pageCriteria } from '../../validation/index.ts';
import type { BatchDefinition, JsonSchema } from '../../definitions/index.ts';
import { answer, criteria, listCriterion as listOfValues, listOf, pageParams, ref, type RouteDoc } from '../openapi/route-doc.ts';
import { criteriaOf, requireTenant, type HttpRequest, type Route } from '../route.ts';

export const BATCH_PATHS = { 'batch.run.search': '/seva/batch/v1/runs/_search' } as const;

const runJson = (run: BatchRun) => run;

const text = { type: 'string' };
const count = { type: 'integer', minimum: 0 };
const batchSchemas: Record<string, JsonSchema> = {
  BatchRun: {
    type: 'object',
    description: 'A run of a bulk operation: its request, progress and counts.',
    properties: {
      id: text,
      batch: text,
      tenantId: text,
      runKey: { ...text, description: 'What makes runs the same: one such run at a time per tenant.' },
      params: { type: 'object' },
      status: { enum: ['RUNNING', 'SUCCEEDED', 'FAILED', 'INTERRUPTED'] },
      startedBy: text,
      startedAt: { type: 'integer' },
      finishedAt: { type: ['integer', 'null'] },
      total: { ...count, description: 'Records that matched when the run started.' },
      processed: count,
      created: count,
      skipped: { ...count, description: 'Already had their demand.' },
      failed: count,
      failures: listOf({ type: 'object', properties: { consumerCode: text, code: text, message: text }, required: ['consumerCode', 'code', 'message'] }),
      error: { type: ['string', 'null'] },
    },
    required: ['id', 'batch', 'tenantId', 'runKey', 'params', 'status', 'startedBy', 'startedAt', 'finishedAt', 'total', 'processed', 'created', 'skipped', 'failed', 'failures', 'error'],
  },
};

/** A batch's request is its definition's params (tenantId always), from the query string or the body. */
function batchDoc(def: BatchDefinition): RouteDoc {
  const params = def.params as JsonSchema & { properties?: Record<string, JsonSchema>; required?: string[] };
  const required = [...new Set(['tenantId', ...(params.required ?? [])])];
  return {
    summary: def.description ?? `Run ${def.batch}`,
    description: `Runs the bulk operation ${def.batch} for one tenant to the end and answers its run; a run that stopped is resumed by asking again. One run per tenant and run key at a time (else 409).`,
    ...criteria({ tenantId: text, ...(params.properties ?? {}) }, required),
    response: answer({ run: ref('BatchRun') }),
    schemas: batchSchemas,
  };
}

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
        doc: batchDoc(def),
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
      doc: {
        summary: 'Runs of bulk operations',
        description: 'Newest first, with their progress and counts.',
        ...criteria({ tenantId: text, batch: text, ids: listOfValues(), ...pageParams({ defaultLimit: 20, maxLimit: 100 }) }, ['tenantId']),
        response: answer({ runs: listOf(ref('BatchRun')) }),
        schemas: batchSchemas,
      },
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
