import type { ErrorObject } from 'ajv';

export function pointerToPath(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * ajv reports a failed `oneOf`/`anyOf` together with every branch's own failure. Keep the branch
 * errors that say what is wrong (deeper ones, or a pattern or range at the same place); drop the
 * combinator itself and the "wrong type" of branches the value was never meant for.
 */
export function readableErrors(errors: ErrorObject[]): ErrorObject[] {
  const combinator = (e: ErrorObject) => e.keyword === 'oneOf' || e.keyword === 'anyOf';
  const combinatorPaths = new Set(errors.filter(combinator).map((e) => e.instancePath));
  return errors.filter((e) => {
    if (e.keyword === 'if') return false;
    if (!combinatorPaths.has(e.instancePath)) return true;
    const p = e.instancePath;
    const telling = errors.some((o) => o.instancePath.startsWith(`${p}/`) || (o.instancePath === p && !combinator(o) && o.keyword !== 'type'));
    if (combinator(e) || e.keyword === 'type') return !telling;
    return true;
  });
}

/** `subject` names the whole document in messages about its top level, e.g. "a service definition". */
export function describeAjvError(e: ErrorObject, subject = 'the document'): string {
  const where = e.instancePath === '' ? subject : `'${pointerToPath(e.instancePath).join('.')}'`;
  const found = (v: unknown) => (v === undefined ? 'nothing' : JSON.stringify(v));
  switch (e.keyword) {
    case 'required':
      return `${where} is missing required field '${e.params.missingProperty}'`;
    case 'additionalProperties': {
      const allowed = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      return `unknown field '${e.params.additionalProperty}' in ${where}${allowed.length ? ` (expected one of: ${allowed.join(', ')})` : ''}`;
    }
    case 'enum':
      return `${where} must be one of ${(e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}, found ${found(e.data)}`;
    case 'const':
      return `${where} must be ${JSON.stringify(e.params.allowedValue)}, found ${found(e.data)}`;
    case 'type':
      return `${where} must be of type ${e.params.type}, found ${Array.isArray(e.data) ? 'array' : e.data === null ? 'null' : typeof e.data}`;
    case 'pattern':
      return `${where} must match ${e.params.pattern}, found ${found(e.data)}`;
    case 'propertyNames':
      return `${where} has an invalid name ${found(e.params.propertyName)}: names must match ${(e.parentSchema as { propertyNames?: { pattern?: string } })?.propertyNames?.pattern ?? 'the allowed pattern'}`;
    default:
      return `${where} ${e.message ?? 'is invalid'}${e.data !== undefined && typeof e.data !== 'object' ? `, found ${found(e.data)}` : ''}`;
  }
}
