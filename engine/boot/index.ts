export { startSeva, type Seva, type SevaOptions } from './seva.ts';
export { checkDefinitionsForStart, definitionsError, engineEndpoints, engineFacts, engineRoutes, SYSTEM_ROLE, testRuleExamples, validateDefinitions } from './validate.ts';
export { tableSpecsOf } from './tables.ts';
