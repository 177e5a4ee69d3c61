import { templateProblems } from '../../../rules/index.ts';
import type { DefinitionProblem } from '../../problem.ts';
import { problemAt, type Sourced } from '../../source.ts';
import type { SummaryDefinition } from './types.generated.ts';

export interface SummaryCheckContext {
  roles: Set<string>;
  /** Routes taken before summaries: the engine's, and services' base paths. */
  takenRoutes: (path: string) => boolean;
  /** Names of the rule sets, in file order; undefined when some rule-set file failed to load. */
  ruleSets: string[] | undefined;
}

/** A summary's name and route are its own, its roles and rule set exist, its result's rules hold together. */
export function checkSummaries(summaries: Sourced<SummaryDefinition>[], ctx: SummaryCheckContext): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const names = new Map<string, string>();
  for (const { value, source } of summaries) {
    if (names.has(value.summary)) problems.push(problemAt(source, ['summary'], `summary '${value.summary}' is already defined in ${names.get(value.summary)}`));
    names.set(value.summary, source.file);
    if (ctx.takenRoutes(value.path)) problems.push(problemAt(source, ['path'], `route POST ${value.path} is already taken`));
    value.roles.forEach((role, i) => {
      if (!ctx.roles.has(role)) problems.push(problemAt(source, ['roles', i], `unknown role '${role}': it is not in the ACCESSCONTROL-ROLES.roles master`));
    });
    for (const p of templateProblems(value.result, ['result'])) problems.push(problemAt(source, p.path, p.message));
    if (value.rules && ctx.ruleSets && !ctx.ruleSets.includes(value.rules)) {
      problems.push(problemAt(source, ['rules'], `unknown rule set '${value.rules}' (known: ${ctx.ruleSets.join(', ') || 'none'})`));
    }
  }
  return problems;
}
