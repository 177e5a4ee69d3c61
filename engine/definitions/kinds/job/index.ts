import { valuesOf, type Kind } from '../../kind.ts';
import { adjustmentKind } from '../adjustment/index.ts';
import { batchKind } from '../batch/index.ts';
import { mdmsOf } from '../mdms-data/index.ts';
import { serviceKind } from '../service/index.ts';
import { workflowKind } from '../workflow/index.ts';
import { checkJobs } from './check.ts';
import { jobSchema } from './schema.ts';
import type { JobDefinition } from './types.generated.ts';

export type * from './types.generated.ts';

/** Work the engine runs on a cron schedule. */
export const jobKind: Kind<'jobs', JobDefinition, JobDefinition[]> = {
  name: 'job',
  folder: 'jobs',
  plural: 'jobs',
  schema: jobSchema,
  key: 'jobs',
  after: ['mdms-data', 'workflow'],
  check(files, ctx) {
    const problems = checkJobs(files, {
      adjustments: valuesOf(ctx.files(adjustmentKind)),
      services: valuesOf(ctx.files(serviceKind)),
      batches: valuesOf(ctx.files(batchKind)),
      workflows: ctx.value(workflowKind),
      workflowsIncomplete: ctx.incomplete(workflowKind),
      tenants: mdmsOf(ctx).tenantCodes(),
      systemRole: ctx.engine.systemRole,
    });
    return { value: valuesOf(files), problems };
  },
  count: (jobs) => `${jobs.length} job(s)`,
};
