import type { DefinitionProblem } from '../../problem.ts';
import { problemAt, type Sourced } from '../../source.ts';
import type { ShortenerPolicyDefinition } from './types.generated.ts';

/** One policy at most; each validity's default within its maximum. */
export function checkShortener(files: Sourced<ShortenerPolicyDefinition>[]): { value: ShortenerPolicyDefinition | undefined; problems: DefinitionProblem[] } {
  const problems: DefinitionProblem[] = [];
  files.slice(1).forEach(({ source }) => problems.push(problemAt(source, [], `a shortener policy is already defined in ${files[0]!.source.file}; keep one`)));
  const first = files[0];
  if (!first) return { value: undefined, problems };
  const check = (v: { defaultDays: number; maxDays: number }, path: (string | number)[]) => {
    if (v.defaultDays > v.maxDays) problems.push(problemAt(first.source, [...path, 'defaultDays'], `defaultDays ${v.defaultDays} is more than maxDays ${v.maxDays}`));
  };
  check(first.value.validity, ['validity']);
  for (const [tenant, v] of Object.entries(first.value.byTenant ?? {})) check(v, ['byTenant', tenant]);
  return { value: first.value, problems };
}
