import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;

/** An ajv set up for schemas written by implementers (entities, masters): formats and Seva's annotations. */
export function createDataAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, useDefaults: true });
  addFormats(ajv);
  for (const keyword of ['x-unique', 'x-ref-schema', 'x-error-code', 'x-error-message']) ajv.addKeyword(keyword);
  return ajv;
}
