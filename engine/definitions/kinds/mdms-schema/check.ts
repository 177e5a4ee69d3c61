import { compileDataSchema } from '../../../validation/index.ts';
import type { Checked } from '../../kind.ts';
import type { DefinitionProblem } from '../../problem.ts';
import { problemAt, type SourceFile, type Sourced } from '../../source.ts';
import type { MasterSchemaDefinition } from './types.generated.ts';

/** Master schemas by code: each code once, each a JSON Schema that compiles, whose unique fields and references exist. */
export function checkMasterSchemas(files: Sourced<MasterSchemaDefinition>[]): Checked<Map<string, MasterSchemaDefinition>> {
  const problems: DefinitionProblem[] = [];
  const schemas = new Map<string, MasterSchemaDefinition>();
  const schemaSources = new Map<string, SourceFile>();

  for (const { value, source } of files) {
    if (schemas.has(value.code)) {
      problems.push(problemAt(source, ['code'], `master schema '${value.code}' is already defined in ${schemaSources.get(value.code)?.file}`));
      continue;
    }
    try {
      compileDataSchema(value.definition);
    } catch (err) {
      problems.push(problemAt(source, ['definition'], `the schema of master '${value.code}' is not a valid JSON Schema: ${(err as Error).message}`));
      continue;
    }
    const props = (value.definition.properties ?? {}) as Record<string, unknown>;
    (value.definition['x-unique'] ?? []).forEach((field, i) => {
      if (!(field.split('.')[0]! in props)) problems.push(problemAt(source, ['definition', 'x-unique', i], `x-unique field '${field}' is not a property of master '${value.code}'`));
    });
    schemas.set(value.code, value);
    schemaSources.set(value.code, source);
  }
  for (const { value, source } of files) {
    (value.definition['x-ref-schema'] ?? []).forEach((ref, i) => {
      if (!files.some((s) => s.value.code === ref.schemaCode)) {
        problems.push(problemAt(source, ['definition', 'x-ref-schema', i, 'schemaCode'], `x-ref-schema names master '${ref.schemaCode}', which has no schema (known: ${[...schemas.keys()].sort().join(', ')})`));
      }
    });
  }
  return { value: schemas, problems };
}
