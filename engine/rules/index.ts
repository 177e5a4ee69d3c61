export { evaluateRule, evaluateTemplate, ruleHolds, ruleOperations, ruleProblems, templateProblems, referencedMasters, referencedRuleSets, type Rule } from './rules.ts';
export { RuleSet, RuleSets, ruleSetProblems } from './rule-set.ts';
export { runExamples, sameValue, exampleTime, type ExampleOutcome } from './examples.ts';
export type { RuleContext } from './context.ts';
export type { RuleExampleSpec, RuleSetSpec } from './spec.ts';
export { ruleOperationOf, ruleResultType, type RuleResultType } from './result-types.ts';
