import { Ajv } from 'ajv';
import addFormatsModule, { type FormatsPlugin } from 'ajv-formats';

// ajv-formats is CommonJS; under ESM its function arrives either as the default or under `.default`.
const addFormats: FormatsPlugin = (addFormatsModule as unknown as { default?: FormatsPlugin }).default ?? (addFormatsModule as unknown as FormatsPlugin);

/** An ajv set up for schemas written by implementers (entities, masters): formats and Seva's annotations. */
export function createDataAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, useDefaults: true });
  addFormats(ajv);
  for (const keyword of ['x-unique', 'x-ref-schema', 'x-error-code', 'x-error-message']) ajv.addKeyword(keyword);
  return ajv;
}
