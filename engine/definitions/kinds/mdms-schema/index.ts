import type { Kind } from '../../kind.ts';
import { checkMasterSchemas } from './check.ts';
import { masterSchemaSchema } from './schema.ts';
import type { MasterSchemaDefinition } from './types.generated.ts';

export type * from './types.generated.ts';

/** The JSON Schema of each master (MDMS v2 style), by `<module>.<master>` code. */
export const masterSchemaKind: Kind<'masterSchemas', MasterSchemaDefinition, Map<string, MasterSchemaDefinition>> = {
  name: 'mdms-schema',
  folder: 'mdms/schemas',
  plural: 'master schemas',
  schema: masterSchemaSchema,
  key: 'masterSchemas',
  check: checkMasterSchemas,
  count: (schemas) => `${schemas.size} master schema(s)`,
};
