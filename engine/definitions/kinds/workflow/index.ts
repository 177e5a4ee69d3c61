import type { Kind } from '../../kind.ts';
import { mdmsOf } from '../mdms-data/index.ts';
import { checkWorkflows, workflowsOfFile } from './check.ts';
import { workflowSchema } from './schema.ts';
import type { WorkflowDefinition, WorkflowFile } from './types.generated.ts';

export type * from './types.generated.ts';

/** State machines in DIGIT's BusinessService shape; a file holds one, or DIGIT's list of several. */
export const workflowKind: Kind<'workflows', WorkflowFile, WorkflowDefinition[]> = {
  name: 'workflow',
  folder: 'workflows',
  plural: 'workflows',
  schema: workflowSchema,
  key: 'workflows',
  after: ['mdms-data'],
  check(files, ctx) {
    const workflows = files.flatMap(workflowsOfFile);
    const mdms = mdmsOf(ctx);
    return { value: workflows.map((w) => w.value), problems: checkWorkflows(workflows, { roles: mdms.roleCodes(), tenants: mdms.tenantCodes() }) };
  },
  count: (workflows) => `${workflows.length} workflow(s)`,
};
