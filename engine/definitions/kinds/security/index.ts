import type { Kind } from '../../kind.ts';
import { mdmsOf } from '../mdms-data/index.ts';
import { checkSecurity } from './check.ts';
import { securitySchema } from './schema.ts';
import type { SecurityPolicyDefinition } from './types.generated.ts';

export type * from './types.generated.ts';

/** Lockout, rate limits and the role-grant matrix; the registry keeps the one policy (empty: the engine's defaults). */
export const securityKind: Kind<'security', SecurityPolicyDefinition, SecurityPolicyDefinition> = {
  name: 'security',
  folder: 'security',
  plural: 'security policies',
  schema: securitySchema,
  key: 'security',
  after: ['mdms-data'],
  check: (files, ctx) => checkSecurity(files, mdmsOf(ctx).roleCodes()),
  count: (policy) => `${policy.roleGrants?.length ?? 0} role grant rule(s)`,
};
