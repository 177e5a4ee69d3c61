import type { ValidateFunction } from 'ajv';
import { Mdms, TENANT_MASTER, type MasterData } from '../mdms/index.ts';
import { tenantChain } from '../tenancy/index.ts';
import { createDataAjv } from '../validation/index.ts';
import type { DefinitionProblem } from './problem.ts';
import { problemAt, type PathSegment, type SourceFile } from './source.ts';
import type { MasterDataFile, MasterSchemaDefinition, Sourced } from './types.ts';
import { describeAjvError, pointerToPath, readableErrors } from './validate-kind.ts';

/** Records of one master at one tenant, each remembering where it was written. */
export interface MasterRecords {
  records: Record<string, unknown>[];
  origins: { source: SourceFile; path: PathSegment[] }[];
}

/** tenantId → `<module>.<master>` → records. */
export type MasterSet = Map<string, Map<string, MasterRecords>>;

export interface MdmsCheckResult {
  masters: MasterSet;
  schemas: Map<string, MasterSchemaDefinition>;
  problems: DefinitionProblem[];
}

export function checkMdms(schemaFiles: Sourced<MasterSchemaDefinition>[], dataFiles: Sourced<MasterDataFile>[]): MdmsCheckResult {
  const problems: DefinitionProblem[] = [];
  const ajv = createDataAjv();
  const schemas = new Map<string, MasterSchemaDefinition>();
  const validators = new Map<string, ValidateFunction>();
  const schemaSources = new Map<string, SourceFile>();

  for (const { value, source } of schemaFiles) {
    if (schemas.has(value.code)) {
      problems.push(problemAt(source, ['code'], `master schema '${value.code}' is already defined in ${schemaSources.get(value.code)?.file}`));
      continue;
    }
    try {
      validators.set(value.code, ajv.compile(value.definition));
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
  for (const { value, source } of schemaFiles) {
    (value.definition['x-ref-schema'] ?? []).forEach((ref, i) => {
      if (!schemaFiles.some((s) => s.value.code === ref.schemaCode)) {
        problems.push(problemAt(source, ['definition', 'x-ref-schema', i, 'schemaCode'], `x-ref-schema names master '${ref.schemaCode}', which has no schema (known: ${[...schemas.keys()].sort().join(', ')})`));
      }
    });
  }

  // Gather records per tenant and master, validating each against its master's schema.
  const masters: MasterSet = new Map();
  for (const { value, source } of dataFiles) {
    for (const [master, records] of Object.entries(value)) {
      if (master === 'tenantId' || master === 'moduleName') continue;
      const code = `${value.moduleName}.${master}`;
      const validate = validators.get(code);
      if (!validate) {
        if (!schemas.has(code)) problems.push(problemAt(source, [master], `no schema for master '${code}': add one under mdms/schemas/`, true));
        continue;
      }
      const byMaster = masters.get(value.tenantId) ?? new Map<string, MasterRecords>();
      masters.set(value.tenantId, byMaster);
      const set = byMaster.get(code) ?? { records: [], origins: [] };
      byMaster.set(code, set);
      (records as Record<string, unknown>[]).forEach((record, i) => {
        if (!validate(record)) {
          for (const e of readableErrors(validate.errors ?? [])) {
            const path = [master, i, ...pointerToPath(e.instancePath)];
            problems.push(problemAt(source, e.keyword === 'additionalProperties' ? [...path, String(e.params.additionalProperty)] : path, `${code}[${i}]: ${describeAjvError(e, 'the record')}`));
          }
        }
        // An invalid record is kept for the cross-checks, so one bad field does not make its code look unknown everywhere.
        set.records.push(record);
        set.origins.push({ source, path: [master, i] });
      });
    }
  }

  const tenants = new Mdms(masterDataOf(masters)).tenantCodes();
  for (const { value, source } of dataFiles) {
    if (tenants.size > 0 && !tenants.has(value.tenantId)) {
      problems.push(problemAt(source, ['tenantId'], `tenant '${value.tenantId}' is not in the tenant master ${TENANT_MASTER} (known: ${[...tenants].sort().join(', ')})`));
    }
  }
  problems.push(...checkUniqueKeys(masters, schemas), ...checkReferences(masters, schemas));
  return { masters, schemas, problems };
}

/** The records alone, as the MDMS module reads them. */
export function masterDataOf(masters: MasterSet): MasterData {
  return new Map([...masters].map(([tenant, byMaster]) => [tenant, new Map([...byMaster].map(([code, set]) => [code, set.records]))]));
}

export function uniqueKeyOf(record: Record<string, unknown>, fields: string[]): string {
  return fields.map((f) => String(valuesAt(record, f)[0])).join('|');
}

/** Values at a dotted path; `*` walks every item of an array. */
export function valuesAt(value: unknown, path: string): unknown[] {
  let current: unknown[] = [value];
  for (const segment of path.split('.')) {
    const next: unknown[] = [];
    for (const v of current) {
      if (segment === '*') {
        if (Array.isArray(v)) next.push(...v);
      } else if (v && typeof v === 'object' && segment in (v as object)) {
        next.push((v as Record<string, unknown>)[segment]);
      }
    }
    current = next;
  }
  return current;
}

function checkUniqueKeys(masters: MasterSet, schemas: Map<string, MasterSchemaDefinition>): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  for (const [tenantId, byMaster] of masters) {
    for (const [code, set] of byMaster) {
      const fields = schemas.get(code)?.definition['x-unique'];
      if (!fields) continue;
      const seen = new Map<string, number>();
      set.records.forEach((record, i) => {
        const key = uniqueKeyOf(record, fields);
        const first = seen.get(key);
        if (first === undefined) return void seen.set(key, i);
        const origin = set.origins[i]!;
        const firstOrigin = set.origins[first]!;
        problems.push(problemAt(origin.source, origin.path, `duplicate ${code} record at tenant '${tenantId}': ${fields.join(', ')} = '${key}' is already used at ${firstOrigin.source.file}:${problemAt(firstOrigin.source, firstOrigin.path, '').line}`));
      });
    }
  }
  return problems;
}

function checkReferences(masters: MasterSet, schemas: Map<string, MasterSchemaDefinition>): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  for (const [tenantId, byMaster] of masters) {
    for (const [code, set] of byMaster) {
      for (const ref of schemas.get(code)?.definition['x-ref-schema'] ?? []) {
        const target = schemas.get(ref.schemaCode);
        if (!target) continue;
        const keys = new Set<string>();
        for (const t of tenantChain(tenantId)) {
          for (const r of masters.get(t)?.get(ref.schemaCode)?.records ?? []) keys.add(uniqueKeyOf(r, target.definition['x-unique'] ?? ['code']));
        }
        set.records.forEach((record, i) => {
          for (const v of valuesAt(record, ref.fieldPath)) {
            if (keys.has(String(v))) continue;
            const origin = set.origins[i]!;
            problems.push(problemAt(origin.source, [...origin.path, ...ref.fieldPath.split('.').filter((s) => s !== '*')], `${code}[${i}].${ref.fieldPath} = '${String(v)}' does not name a ${ref.schemaCode} record visible at tenant '${tenantId}'`));
          }
        });
      }
    }
  }
  return problems;
}
