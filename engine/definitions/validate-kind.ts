import { Ajv, type ValidateFunction } from 'ajv';
import type { AnyKind } from './kind.ts';
import type { DefinitionProblem } from './problem.ts';
import { describeAjvError, pointerToPath, readableErrors } from './schema-errors.ts';
import { problemAt, type SourceFile } from './source.ts';

const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
const validators = new Map<AnyKind, ValidateFunction>();

/** Checks a parsed file against the JSON Schema of its kind. */
export function validateKind(kind: AnyKind, source: SourceFile): DefinitionProblem[] {
  let validate = validators.get(kind);
  if (!validate) validators.set(kind, (validate = ajv.compile(kind.schema)));
  if (validate(source.data)) return [];
  return readableErrors(validate.errors ?? []).map((e) => {
    const path = pointerToPath(e.instancePath);
    const atKey = e.keyword === 'additionalProperties';
    const target = atKey ? [...path, String(e.params.additionalProperty)] : path;
    return problemAt(source, target, describeAjvError(e, `a ${kind.name} definition`), atKey);
  });
}
