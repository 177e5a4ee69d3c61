import { invalid } from '../errors/index.ts';
import type { Clock } from '../clock/index.ts';
import { ID_FORMAT_MASTER, type Mdms } from '../mdms/index.ts';
import type { Db } from '../store/index.ts';
import { parseIdFormat, sequenceNameFor } from './format.ts';
import { renderId } from './render.ts';
import { nextSequenceValue } from './sequences.ts';

export interface IdRequest {
  tenantId: string;
  /** The idname of a `common-masters.IdFormat` record. */
  idName?: string;
  /** A format given directly, used when no idName is given or the master has none. */
  format?: string;
  count?: number;
}

export class IdGenerator {
  constructor(
    private readonly mdms: () => Mdms,
    private readonly clock: Clock,
    private readonly timeZone: string,
  ) {}

  /** The format for an idname at a tenant (GP first, then state). */
  formatFor(tenantId: string, idName: string): string | undefined {
    const record = this.mdms().records(tenantId, ID_FORMAT_MASTER).find((r) => r.idname === idName);
    return record ? String(record.format) : undefined;
  }

  /** Generates ids inside the caller's transaction (`db` may be a transaction). */
  async generate(db: Db, request: IdRequest): Promise<string[]> {
    const format = (request.idName && this.formatFor(request.tenantId, request.idName)) || request.format;
    if (!format) {
      throw invalid('ID_NOT_FOUND', `no ID format '${request.idName ?? ''}' is configured for tenant ${request.tenantId} in ${ID_FORMAT_MASTER}`);
    }
    const parsed = parseIdFormat(format);
    if (!parsed.tokens) throw invalid('IDGEN_FORMAT_ERROR', `ID format "${format}" is invalid: ${parsed.error}`);
    const tokens = parsed.tokens;
    const count = request.count ?? 1;
    if (!Number.isInteger(count) || count < 1 || count > 1000) throw invalid('INVALID_COUNT', 'count must be a whole number from 1 to 1000');
    const cityCode = () => {
      const tenant = this.mdms().tenant(request.tenantId);
      const code = (tenant?.city as { code?: unknown } | undefined)?.code;
      if (code === undefined) throw invalid('CITY_CODE_NOT_FOUND', `tenant ${request.tenantId} has no city.code in the tenant master`);
      return String(code);
    };
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const sequenceValues: number[] = [];
      for (const t of tokens) {
        if (t.kind === 'seq') sequenceValues.push(await nextSequenceValue(db, sequenceNameFor(t.name, request.tenantId)));
      }
      ids.push(renderId(tokens, { now: this.clock.now(), timeZone: this.timeZone, cityCode, sequenceValues }));
    }
    return ids;
  }
}
