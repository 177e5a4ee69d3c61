import type { ErrorObject, ValidateFunction } from 'ajv';
import type { ErrorDetail } from '../errors/index.ts';
import { compileDataSchema } from './ajv.ts';

export type PayloadValidator = (value: unknown, basePath: string) => ErrorDetail[];


const codeByKeyword: Record<string, string> = {
  required: 'REQUIRED_FIELD_MISSING',
  type: 'INVALID_TYPE',
  pattern: 'INVALID_FORMAT',
  format: 'INVALID_FORMAT',
  enum: 'INVALID_VALUE',
  const: 'INVALID_VALUE',
  additionalProperties: 'UNKNOWN_FIELD',
  minLength: 'INVALID_LENGTH',
  maxLength: 'INVALID_LENGTH',
  minimum: 'OUT_OF_RANGE',
  maximum: 'OUT_OF_RANGE',
  minItems: 'INVALID_SIZE',
  maxItems: 'INVALID_SIZE',
};

/**
 * Compiles a payload schema (once per distinct schema in the process). Each error names the field by JSON path (`$.asset.owner.mobileNumber`);
 * a schema may set `x-error-code` / `x-error-message` on a field to say it in the domain's words.
 */
export function compilePayloadValidator(schema: Record<string, unknown>): PayloadValidator {
  const validate: ValidateFunction = compileDataSchema(schema);
  return (value, basePath) => {
    if (validate(value)) return [];
    return (validate.errors ?? []).filter((e) => e.keyword !== 'if').map((e) => detailOf(e, basePath));
  };
}

function detailOf(e: ErrorObject, basePath: string): ErrorDetail {
  const segments = e.instancePath === '' ? [] : e.instancePath.slice(1).split('/');
  if (e.keyword === 'required') segments.push(String(e.params.missingProperty));
  if (e.keyword === 'additionalProperties') segments.push(String(e.params.additionalProperty));
  const path = segments.reduce((acc, s) => (/^\d+$/.test(s) ? `${acc}[${s}]` : `${acc}.${s}`), basePath);
  const own = (e.keyword === 'required' ? undefined : e.parentSchema) as Record<string, unknown> | undefined;
  const code = (own?.['x-error-code'] as string | undefined) ?? codeByKeyword[e.keyword] ?? 'INVALID_FIELD';
  const custom = own?.['x-error-message'] as string | undefined;
  const message =
    custom !== undefined
      ? `${path} ${custom}`
      : e.keyword === 'required'
        ? `${path} is required`
        : e.keyword === 'additionalProperties'
          ? `${path} is not a known field`
          : e.keyword === 'enum'
            ? `${path} must be one of ${(e.params.allowedValues as unknown[]).join(', ')}`
            : `${path} ${e.message ?? 'is invalid'}`;
  return { code, message, path };
}
