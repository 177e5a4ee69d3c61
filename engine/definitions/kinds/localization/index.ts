import type { LocalizedMessage } from '../../../localization/index.ts';
import type { Kind } from '../../kind.ts';
import { mdmsOf } from '../mdms-data/index.ts';
import { checkLocalization } from './check.ts';
import { localizationSchema } from './schema.ts';
import type { LocalizationFile } from './types.generated.ts';

export type * from './types.generated.ts';

/** Localization messages (DIGIT egov-localization's), per locale and module; the registry keeps them all. */
export const localizationKind: Kind<'messages', LocalizationFile, LocalizedMessage[]> = {
  name: 'localization',
  folder: 'localization',
  plural: 'localization messages',
  layout: '<locale>/',
  schema: localizationSchema,
  key: 'messages',
  after: ['mdms-data'],
  check(files, ctx) {
    const { messages, problems } = checkLocalization(files, mdmsOf(ctx).tenantCodes());
    return { value: messages, problems };
  },
  count: (messages) => `${messages.length} localization message(s) in ${new Set(messages.map((m) => m.locale)).size} locale(s)`,
};
