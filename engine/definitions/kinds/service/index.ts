import { valuesOf, type CheckContext, type Kind } from '../../kind.ts';
import { mdmsOf } from '../mdms-data/index.ts';
import { persisterKind } from '../persister/index.ts';
import { ruleSetNames } from '../rule-set/index.ts';
import { workflowKind } from '../workflow/index.ts';
import { checkServices } from './check.ts';
import { serviceSchema } from './schema.ts';
import { storedFieldsOf } from './stored-fields.ts';
import type { ServiceDefinition } from './types.generated.ts';

export type * from './types.generated.ts';
export { defaultEndpointPaths, endpointRoutes } from './routes.ts';
export { checkDemandDetails } from './check-rules.ts';

/** An entity with its DIGIT-style endpoints, search, rules and billing effects. */
export const serviceKind: Kind<'services', ServiceDefinition, ServiceDefinition[]> = {
  name: 'service',
  folder: 'services',
  plural: 'services',
  schema: serviceSchema,
  key: 'services',
  after: ['mdms-data', 'workflow'],
  check(files, ctx) {
    const mdms = mdmsOf(ctx);
    const problems = checkServices(files, ctx.files(persisterKind), {
      roles: mdms.roleCodes(),
      idFormatNames: mdms.idFormatNames(),
      reservedRoutes: ctx.engine.engineRoutes,
      persistersIncomplete: ctx.incomplete(persisterKind),
      workflows: ctx.incomplete(workflowKind) ? undefined : new Set(ctx.value(workflowKind).map((w) => w.businessService)),
      workflowActions: ctx.incomplete(workflowKind) ? undefined : new Map(ctx.value(workflowKind).map((w) => [w.businessService, new Set(w.states.flatMap((s) => (s.actions ?? []).map((a) => a.action)))])),
      ruleSets: ruleSetNames(ctx),
      storedFields: storedFields(ctx),
    });
    return { value: valuesOf(files), problems };
  },
  count: (services) => `${services.length} service(s)`,
};

/** The fields each service stores in a column of its own (what records can be found by). */
export function storedFields(ctx: CheckContext): (service: string) => Set<string> | undefined {
  return storedFieldsOf(ctx.files(serviceKind), ctx.files(persisterKind));
}
