import { referencedMasters, ruleSetProblems } from '../../../rules/index.ts';
import type { DefinitionProblem } from '../../problem.ts';
import { problemAt, type Sourced } from '../../source.ts';
import type { RuleSetDefinition } from './types.generated.ts';

/** Names are unique, operations exist, and every master a rule names has a schema. */
export function checkRuleSets(sets: Sourced<RuleSetDefinition>[], masterCodes: Set<string>): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const seen = new Map<string, string>();
  for (const { value, source } of sets) {
    if (seen.has(value.rules)) problems.push(problemAt(source, ['rules'], `rule set '${value.rules}' is already defined in ${seen.get(value.rules)}`));
    seen.set(value.rules, source.file);
    for (const p of ruleSetProblems(value)) problems.push(problemAt(source, p.path, p.message));
    const rules = [...Object.entries(value.let ?? {}).map(([name, step]) => ({ rule: step, path: ['let', name] })), { rule: value.result, path: ['result'] }];
    for (const { rule, path } of rules) {
      for (const ref of referencedMasters(rule, path)) {
        if (!masterCodes.has(ref.code)) problems.push(problemAt(source, ref.path, `master '${ref.code}' has no schema in mdms/schemas/ (known: ${[...masterCodes].sort().join(', ')})`));
      }
    }
    const names = new Set<string>();
    (value.examples ?? []).forEach((example, i) => {
      if (names.has(example.name)) problems.push(problemAt(source, ['examples', i, 'name'], `another example of '${value.rules}' is already named '${example.name}'`));
      names.add(example.name);
    });
  }
  return problems;
}
