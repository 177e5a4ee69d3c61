import { JSONPath } from 'jsonpath-plus';

/** Every value a DIGIT JSON path (`$.Bill.*`, `$.items[?(@.code == 'X')].amount`) finds in a value. */
export function findAll(path: string, json: unknown): unknown[] {
  if (json === null || typeof json !== 'object') return [];
  return JSONPath({ path, json: json as object, wrap: true, eval: 'safe' }) as unknown[];
}

/** The first value a path finds, as DIGIT's pdf-service reads single values. */
export function findFirst(path: string, json: unknown): unknown {
  return findAll(path, json)[0];
}
