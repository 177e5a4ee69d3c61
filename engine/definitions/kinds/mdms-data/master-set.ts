import type { MasterData } from '../../../mdms/index.ts';
import type { PathSegment, SourceFile } from '../../source.ts';

/** Records of one master at one tenant, each remembering where it was written. */
export interface MasterRecords {
  records: Record<string, unknown>[];
  origins: { source: SourceFile; path: PathSegment[] }[];
}

/** tenantId → `<module>.<master>` → records. */
export type MasterSet = Map<string, Map<string, MasterRecords>>;

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
