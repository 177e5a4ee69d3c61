import type { Kind } from '../../kind.ts';
import { mdmsOf } from '../mdms-data/index.ts';
import { checkAccess, type EndpointGrant } from './check.ts';
import { accessSchema } from './schema.ts';
import type { AccessPolicyDefinition } from './types.generated.ts';

export type * from './types.generated.ts';
export type { EndpointGrant } from './check.ts';

/** Who may call the engine's own endpoints; the registry keeps the grants by endpoint id. */
export const accessKind: Kind<'access', AccessPolicyDefinition, Map<string, EndpointGrant>> = {
  name: 'access',
  folder: 'access',
  plural: 'access policies',
  schema: accessSchema,
  key: 'access',
  after: ['mdms-data'],
  check: (files, ctx) => checkAccess(files, ctx.engine.engineEndpoints, mdmsOf(ctx).roleCodes(), ctx.engine.endpointsDecidingAnonymous),
  count: (grants) => `${grants.size} engine endpoint grant(s)`,
};
