import { Mdms, type MasterData } from '../../../mdms/index.ts';
import type { CheckContext, Kind } from '../../kind.ts';
import { masterSchemaKind } from '../mdms-schema/index.ts';
import { checkMasterData } from './check.ts';
import { checkIdFormats } from './id-formats.ts';
import { masterDataOf } from './master-set.ts';
import { masterDataSchema } from './schema.ts';
import type { MasterDataFile } from './types.generated.ts';

export type * from './types.generated.ts';

/** DIGIT MDMS data files; the registry keeps the records by tenant and master. */
export const masterDataKind: Kind<'masters', MasterDataFile, MasterData> = {
  name: 'mdms-data',
  folder: 'mdms/data',
  plural: 'master data',
  layout: '<tenant>/',
  schema: masterDataSchema,
  key: 'masters',
  after: ['mdms-schema'],
  check(files, ctx) {
    const { masters, problems } = checkMasterData(files, ctx.value(masterSchemaKind));
    problems.push(...checkIdFormats(masters));
    return { value: masterDataOf(masters), problems };
  },
  count: (masters) => `${[...masters.values()].flatMap((byMaster) => [...byMaster.values()]).flat().length} master record(s)`,
};

/** The master data as the engine reads it (roles, tenants, ID formats), for checks of kinds that name them. */
export function mdmsOf(ctx: CheckContext): Mdms {
  return new Mdms(ctx.value(masterDataKind));
}
