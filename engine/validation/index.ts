export { compileDataSchema, createDataAjv } from './ajv.ts';
export { withoutNulls } from './nulls.ts';
export { compilePayloadValidator, type PayloadValidator } from './payload.ts';
export { integerCriterion, listCriterion, MAX_LIST_VALUES, pageCriteria, wholeNumberCriterion, type PageLimits } from './criteria.ts';
