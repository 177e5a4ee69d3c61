import type { Money } from '../money/index.ts';

type Leaf = Money | readonly unknown[] | ((...args: never[]) => unknown);
type Shallower = [never, 0, 1, 2];

/**
 * The dotted paths of a record type's fields, three levels deep (`id`, `auditDetails.createdBy`):
 * what engine table columns, look-ups, guards and sort keys name, checked by the compiler.
 */
export type FieldPath<T, Depth extends number = 3> = [Depth] extends [never]
  ? never
  : {
      [K in keyof T & string]: NonNullable<T[K]> extends Leaf ? K : NonNullable<T[K]> extends object ? K | `${K}.${FieldPath<NonNullable<T[K]>, Shallower[Depth]>}` : K;
    }[keyof T & string];

/** Values by field path (a look-up, a guard, the fields an update sets). */
export type FieldValues<T> = { [P in FieldPath<T>]?: unknown };
