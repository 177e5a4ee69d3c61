import type { Kind } from '../../kind.ts';
import { checkShortener } from './check.ts';
import { shortenerSchema } from './schema.ts';
import type { ShortenerPolicyDefinition } from './types.generated.ts';

export type * from './types.generated.ts';

/** How long short links live; the registry keeps the one policy (none: the engine's default). */
export const shortenerKind: Kind<'shortener', ShortenerPolicyDefinition, ShortenerPolicyDefinition | undefined> = {
  name: 'shortener',
  folder: 'shortener',
  plural: 'short link policies',
  schema: shortenerSchema,
  key: 'shortener',
  check: (files) => checkShortener(files),
  count: (policy) => `${policy ? 1 : 0} short link policy`,
};
