export { createDataAjv } from './ajv.ts';
export { compilePayloadValidator, type PayloadValidator } from './payload.ts';
export { listCriterion, pageCriteria, wholeNumberCriterion, type PageLimits } from './criteria.ts';
