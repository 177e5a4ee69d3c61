export { parseIdFormat, sequenceNameFor, type IdToken, type ParsedIdFormat } from './format.ts';
export { financialYear } from './render.ts';
export { nextSequenceValue, sequenceTable } from './sequences.ts';
export { IdGenerator, type IdRequest } from './generator.ts';
