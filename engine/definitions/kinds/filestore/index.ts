import type { Kind } from '../../kind.ts';
import { checkFilestorePolicy } from './check.ts';
import { filestoreSchema } from './schema.ts';
import type { FileStorePolicyDefinition } from './types.generated.ts';

export type * from './types.generated.ts';

/** Upload limits per module; the registry keeps the one policy (empty: no uploads accepted). */
export const filestoreKind: Kind<'filestore', FileStorePolicyDefinition, FileStorePolicyDefinition> = {
  name: 'filestore',
  folder: 'filestore',
  plural: 'file store policies',
  schema: filestoreSchema,
  key: 'filestore',
  check: (files) => checkFilestorePolicy(files),
  count: (policy) => `${Object.keys(policy.modules).length} file module(s)`,
};
