export { createDataAjv } from './ajv.ts';
export { compilePayloadValidator, type PayloadValidator } from './payload.ts';
export { listCriterion, wholeNumberCriterion } from './criteria.ts';
