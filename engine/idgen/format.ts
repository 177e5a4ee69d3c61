/**
 * DIGIT IdFormat strings, e.g. `PG-PT-[CITY.CODE]-[fy:yyyy-yy]-[SEQ_EG_PT_PTID_[TENANT_ID]]`:
 * - `[fy:yyyy-yy]` financial year (April–March), `[cy:<date pattern>]` the current date;
 * - `[SEQ_<NAME>]` a database sequence, zero-padded (`[SEQ_<NAME>:8]` sets the width, default 6);
 *   `[tenantid]`, `[tenant_id]`, `[TENANT_ID]` inside the name make it per tenant;
 * - `[CITY.CODE]` the tenant's `city.code` from the tenant master; `[d{n}]` n random digits.
 */
export type IdToken =
  | { kind: 'text'; text: string }
  | { kind: 'fy'; parts: ('yyyy' | 'yy')[]; separator: string }
  | { kind: 'cy'; pattern: string }
  | { kind: 'seq'; name: string; width: number }
  | { kind: 'city' }
  | { kind: 'random'; digits: number };

export const DEFAULT_SEQUENCE_WIDTH = 6;

export type ParsedIdFormat = { tokens: IdToken[]; error?: undefined } | { tokens?: undefined; error: string };

const DATE_PATTERN = /^[yMdHhmsSaEk\-/._: ]+$/;

export function parseIdFormat(format: string): ParsedIdFormat {
  const tokens: IdToken[] = [];
  let i = 0;
  while (i < format.length) {
    const open = format.indexOf('[', i);
    if (open < 0) {
      tokens.push({ kind: 'text', text: format.slice(i) });
      break;
    }
    if (open > i) tokens.push({ kind: 'text', text: format.slice(i, open) });
    // A token ends at its matching bracket: sequence names may nest [TENANT_ID].
    let depth = 0;
    let close = -1;
    for (let j = open; j < format.length; j++) {
      if (format[j] === '[') depth++;
      if (format[j] === ']' && --depth === 0) {
        close = j;
        break;
      }
    }
    if (close < 0) return { error: `'[' at position ${open + 1} is never closed` };
    const body = format.slice(open + 1, close);
    const token = parseToken(body);
    if (typeof token === 'string') return { error: token };
    tokens.push(token);
    i = close + 1;
  }
  return { tokens };
}

function parseToken(body: string): IdToken | string {
  const lower = body.toLowerCase();
  if (lower.startsWith('seq')) {
    const m = /^(SEQ_[A-Za-z0-9_]*(?:\[(?:tenantid|tenant_id|TENANT_ID)\][A-Za-z0-9_]*)*)(?::(\d{1,2}))?$/i.exec(body);
    if (!m) return `sequence token [${body}] must look like [SEQ_NAME], [SEQ_NAME_[TENANT_ID]] or [SEQ_NAME:8]`;
    return { kind: 'seq', name: m[1]!, width: m[2] ? Number(m[2]) : DEFAULT_SEQUENCE_WIDTH };
  }
  if (lower.startsWith('fy:')) {
    const pattern = body.slice(3).trim();
    const m = /^(yyyy|yy)([^y]*)(yyyy|yy)?$/.exec(pattern);
    if (!m) return `financial year token [${body}] must look like [fy:yyyy-yy] or [fy:yyyy]`;
    return { kind: 'fy', parts: m[3] ? [m[1] as 'yyyy', m[3] as 'yyyy'] : [m[1] as 'yyyy'], separator: m[2] ?? '' };
  }
  if (lower.startsWith('cy:')) {
    const pattern = body.slice(3).trim();
    if (!DATE_PATTERN.test(pattern)) return `date token [${body}] has a pattern with letters that are not date fields`;
    return { kind: 'cy', pattern };
  }
  if (lower.startsWith('city')) return { kind: 'city' };
  const random = /^d\{(\d{1,2})\}$/.exec(body);
  if (random) return { kind: 'random', digits: Number(random[1]) };
  return `unknown token [${body}] (expected fy:, cy:, SEQ_, CITY.CODE or d{n})`;
}

/** The sequence name with the tenant filled in, as DIGIT does. */
export function sequenceNameFor(name: string, tenantId: string): string {
  return name
    .replace('[tenantid]', tenantId)
    .replace('[tenant_id]', tenantId.replace(/\./g, '_'))
    .replace('[TENANT_ID]', tenantId.replace(/\./g, '_').toUpperCase());
}
