import { valuesOf, type Kind } from '../../kind.ts';
import { serviceKind } from '../service/index.ts';
import { checkPersisters } from './check.ts';
import { persisterSchema } from './schema.ts';
import type { PersisterDefinition } from './types.generated.ts';

export type * from './types.generated.ts';
export { columnOf, rootColumnPaths } from './columns.ts';

/** How a service's entity and its child arrays map to tables and columns. */
export const persisterKind: Kind<'persisters', PersisterDefinition, PersisterDefinition[]> = {
  name: 'persister',
  folder: 'persister',
  plural: 'persisters',
  schema: persisterSchema,
  key: 'persisters',
  check: (files, ctx) => ({ value: valuesOf(files), problems: checkPersisters(files, ctx.files(serviceKind), ctx.incomplete(serviceKind)) }),
  count: (persisters) => `${persisters.length} persister(s)`,
};
