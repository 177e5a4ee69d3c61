import { referencedMasters, referencedRuleSets, ruleSetProblems } from '../../../rules/index.ts';
import type { DefinitionProblem } from '../../problem.ts';
import { problemAt, type Sourced } from '../../source.ts';
import type { RuleSetDefinition } from './types.generated.ts';

/**
 * Names are unique, operations exist, every master a rule names has a schema, and every rule set a
 * rule calls (`rule_set`) exists and does not call back into the caller.
 */
export function checkRuleSets(sets: Sourced<RuleSetDefinition>[], masterCodes: Set<string>): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const seen = new Map<string, string>();
  const names = new Set(sets.map((s) => s.value.rules));
  const calls = new Map<string, Set<string>>();
  for (const { value, source } of sets) {
    if (seen.has(value.rules)) problems.push(problemAt(source, ['rules'], `rule set '${value.rules}' is already defined in ${seen.get(value.rules)}`));
    seen.set(value.rules, source.file);
    for (const p of ruleSetProblems(value)) problems.push(problemAt(source, p.path, p.message));
    const rules = [...Object.entries(value.let ?? {}).map(([name, step]) => ({ rule: step, path: ['let', name] })), { rule: value.result, path: ['result'] }];
    for (const { rule, path } of rules) {
      for (const ref of referencedMasters(rule, path)) {
        if (!masterCodes.has(ref.code)) problems.push(problemAt(source, ref.path, `master '${ref.code}' has no schema in mdms/schemas/ (known: ${[...masterCodes].sort().join(', ')})`));
      }
      for (const ref of referencedRuleSets(rule, path)) {
        if (!names.has(ref.name)) problems.push(problemAt(source, ref.path, `unknown rule set '${ref.name}' (known: ${[...names].join(', ')})`));
        else calls.set(value.rules, (calls.get(value.rules) ?? new Set()).add(ref.name));
      }
    }
    const exampleNames = new Set<string>();
    (value.examples ?? []).forEach((example, i) => {
      if (exampleNames.has(example.name)) problems.push(problemAt(source, ['examples', i, 'name'], `another example of '${value.rules}' is already named '${example.name}'`));
      exampleNames.add(example.name);
    });
  }
  for (const { value, source } of sets) {
    const cycle = callCycle(value.rules, calls);
    if (cycle) problems.push(problemAt(source, ['rules'], `rule set '${value.rules}' calls itself through rule_set: ${cycle.join(' → ')}`));
  }
  return problems;
}

/** A chain of rule_set calls from `start` back to it, if there is one. */
function callCycle(start: string, calls: Map<string, Set<string>>): string[] | undefined {
  const visit = (name: string, chain: string[], seen: Set<string>): string[] | undefined => {
    for (const next of calls.get(name) ?? []) {
      if (next === start) return [...chain, next];
      if (seen.has(next)) continue;
      seen.add(next);
      const found = visit(next, [...chain, next], seen);
      if (found) return found;
    }
    return undefined;
  };
  return visit(start, [start], new Set());
}
