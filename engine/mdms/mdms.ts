import { invalid } from '../errors/index.ts';
import { tenantChain } from '../tenancy/index.ts';
import { applyMasterFilter, parseMasterFilter } from './filter.ts';

export type MasterRecord = Record<string, unknown>;
/** tenantId → `<module>.<master>` → records. */
export type MasterData = Map<string, Map<string, MasterRecord[]>>;

export interface MdmsCriteria {
  tenantId: string;
  moduleDetails: { moduleName: string; masterDetails: { name: string; filter?: string }[] }[];
}

export const TENANT_MASTER = 'tenant.tenants';
export const ROLE_MASTER = 'ACCESSCONTROL-ROLES.roles';
export const ID_FORMAT_MASTER = 'common-masters.IdFormat';

/** Master data, read-only, resolved GP → state through the tenant chain. */
export class Mdms {
  constructor(private readonly data: MasterData) {}

  /** The records of a master for a tenant: the nearest tenant in its chain that has the master. */
  records(tenantId: string, code: string): MasterRecord[] {
    for (const t of tenantChain(tenantId)) {
      const found = this.data.get(t)?.get(code);
      if (found) return found;
    }
    return [];
  }

  /** DIGIT's `_search`: `{module: {master: [...]}}` for the masters asked for. */
  search(criteria: MdmsCriteria): Record<string, Record<string, unknown[]>> {
    if (!criteria.tenantId) throw invalid('INVALID_TENANT_ID', 'MdmsCriteria.tenantId is required', '$.MdmsCriteria.tenantId');
    const result: Record<string, Record<string, unknown[]>> = {};
    (criteria.moduleDetails ?? []).forEach((module, i) => {
      if (!module?.moduleName) throw invalid('INVALID_MODULE', 'moduleName is required', `$.MdmsCriteria.moduleDetails[${i}].moduleName`);
      const out = (result[module.moduleName] ??= {});
      for (const master of module.masterDetails ?? []) {
        const records = this.records(criteria.tenantId, `${module.moduleName}.${master.name}`);
        out[master.name] = master.filter ? applyMasterFilter(records, parseMasterFilter(master.filter)) : records;
      }
    });
    return result;
  }

  /** A tenant's record from `tenant.tenants`, wherever in the hierarchy it is listed. */
  tenant(code: string): MasterRecord | undefined {
    for (const byMaster of this.data.values()) {
      const hit = byMaster.get(TENANT_MASTER)?.find((r) => r.code === code);
      if (hit) return hit;
    }
    return undefined;
  }

  /** Tenant codes that exist: those listed in the tenant master and the states they sit in. */
  tenantCodes(): Set<string> {
    const codes = new Set<string>();
    for (const byMaster of this.data.values()) {
      for (const r of byMaster.get(TENANT_MASTER) ?? []) {
        codes.add(String(r.code));
        codes.add(String(r.code).split('.')[0]!);
      }
    }
    return codes;
  }

  /** Every role code known at any tenant. */
  roleCodes(): Set<string> {
    const codes = new Set<string>();
    for (const byMaster of this.data.values()) for (const r of byMaster.get(ROLE_MASTER) ?? []) codes.add(String(r.code));
    return codes;
  }

  /** Every idname of the ID format master at any tenant. */
  idFormatNames(): Set<string> {
    const names = new Set<string>();
    for (const byMaster of this.data.values()) for (const r of byMaster.get(ID_FORMAT_MASTER) ?? []) names.add(String(r.idname));
    return names;
  }
}
