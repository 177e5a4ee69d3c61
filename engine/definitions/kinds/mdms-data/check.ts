import { compileDataSchema } from '../../../validation/index.ts';
import { Mdms, TENANT_MASTER } from '../../../mdms/index.ts';
import { tenantChain } from '../../../tenancy/index.ts';
import type { DefinitionProblem } from '../../problem.ts';
import { describeAjvError, pointerToPath, readableErrors } from '../../schema-errors.ts';
import { problemAt, type Sourced } from '../../source.ts';
import type { MasterSchemaDefinition } from '../mdms-schema/index.ts';
import { masterDataOf, uniqueKeyOf, valuesAt, type MasterRecords, type MasterSet } from './master-set.ts';
import type { MasterDataFile } from './types.generated.ts';

/** Every record meets its master's schema, names a known tenant, and its unique keys and references hold. */
export function checkMasterData(files: Sourced<MasterDataFile>[], schemas: Map<string, MasterSchemaDefinition>): { masters: MasterSet; problems: DefinitionProblem[] } {
  const problems: DefinitionProblem[] = [];
  const validators = new Map([...schemas].map(([code, schema]) => [code, compileDataSchema(schema.definition)]));

  // Gather records per tenant and master, validating each against its master's schema.
  const masters: MasterSet = new Map();
  for (const { value, source } of files) {
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
  for (const { value, source } of files) {
    if (tenants.size > 0 && !tenants.has(value.tenantId)) {
      problems.push(problemAt(source, ['tenantId'], `tenant '${value.tenantId}' is not in the tenant master ${TENANT_MASTER} (known: ${[...tenants].sort().join(', ')})`));
    }
  }
  problems.push(...checkUniqueKeys(masters, schemas), ...checkReferences(masters, schemas));
  return { masters, problems };
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
