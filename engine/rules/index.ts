export { evaluateRule, evaluateTemplate, ruleHolds, ruleOperations, ruleProblems, templateProblems, type Rule } from './rules.ts';
export type { RuleContext } from './context.ts';
