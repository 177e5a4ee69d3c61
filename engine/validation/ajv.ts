import { Ajv, type ValidateFunction } from 'ajv';
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

const compiled = new Map<string, ValidateFunction>();

/**
 * A data schema compiled once per distinct content in the process: definitions are checked on every
 * start and every `validate`, and compiling their schemas is most of that work. Each schema gets an
 * ajv of its own, so two schemas may use the same `$id`. A schema that does not compile throws, and
 * is tried again the next time.
 */
export function compileDataSchema(schema: object): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    validate = createDataAjv().compile(schema);
    compiled.set(key, validate);
  }
  return validate;
}
