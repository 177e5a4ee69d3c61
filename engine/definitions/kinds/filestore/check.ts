import type { DefinitionProblem } from '../../problem.ts';
import { problemAt, type Sourced } from '../../source.ts';
import type { FileStorePolicyDefinition } from './types.generated.ts';

/** One policy at most. */
export function checkFilestorePolicy(files: Sourced<FileStorePolicyDefinition>[]): { value: FileStorePolicyDefinition; problems: DefinitionProblem[] } {
  const problems: DefinitionProblem[] = [];
  files.slice(1).forEach(({ source }) => problems.push(problemAt(source, [], `a file store policy is already defined in ${files[0]!.source.file}; keep one`)));
  return { value: files[0]?.value ?? { modules: {} }, problems };
}
