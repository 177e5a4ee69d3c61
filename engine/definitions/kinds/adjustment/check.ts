import { templateProblems } from '../../../rules/index.ts';
import type { DefinitionProblem } from '../../problem.ts';
import { problemAt, type Sourced } from '../../source.ts';
import type { AdjustmentDefinition } from './types.generated.ts';

/** Names are unique, the rule set exists, one adjustment runs before each business service's bills. */
export function checkAdjustments(adjustments: Sourced<AdjustmentDefinition>[], ruleSets: Set<string> | undefined): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const seen = new Map<string, string>();
  const beforeBill = new Map<string, string>();
  for (const { value: a, source } of adjustments) {
    if (seen.has(a.adjustment)) problems.push(problemAt(source, ['adjustment'], `adjustment '${a.adjustment}' is already defined in ${seen.get(a.adjustment)}`));
    seen.set(a.adjustment, source.file);
    if (ruleSets && !ruleSets.has(a.details.rules)) problems.push(problemAt(source, ['details', 'rules'], `unknown rule set '${a.details.rules}' (known: ${[...ruleSets].join(', ') || 'none'})`));
    for (const p of templateProblems(a.details.input ?? {}, ['details', 'input'])) problems.push(problemAt(source, p.path, p.message));
    for (const p of templateProblems(a.estimate?.input ?? {}, ['estimate', 'input'])) problems.push(problemAt(source, p.path, p.message));
    if (a.beforeBill) {
      const other = beforeBill.get(a.businessService);
      if (other) problems.push(problemAt(source, ['beforeBill'], `adjustment '${other}' already runs before ${a.businessService} bills; one may`));
      beforeBill.set(a.businessService, a.adjustment);
    }
  }
  return problems;
}
