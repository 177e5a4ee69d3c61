import { describe, expect, it } from 'vitest';
import { parseIdFormat, sequenceNameFor } from './format.ts';
import { financialYear, renderId } from './render.ts';

const IST = 'Asia/Kolkata';

describe('ID formats', () => {
  it('reads the DIGIT tokens, with a tenant nested in a sequence name', () => {
    const parsed = parseIdFormat('WS/[CITY.CODE]/[fy:yyyy-yy]/[SEQ_WS_CON_ID_[TENANT_ID]]');
    expect(parsed.tokens?.map((t) => t.kind)).toEqual(['text', 'city', 'text', 'fy', 'text', 'seq']);
    expect(sequenceNameFor('SEQ_WS_CON_ID_[TENANT_ID]', 'pb.lodhipur')).toBe('SEQ_WS_CON_ID_PB_LODHIPUR');
    expect(sequenceNameFor('SEQ_X_[tenantid]', 'pb.lodhipur')).toBe('SEQ_X_pb.lodhipur');
  });

  it('turns the financial year on 1 April, Indian time', () => {
    const march31 = Date.parse('2025-03-31T18:29:59Z'); // 23:59:59 IST
    const april1 = Date.parse('2025-03-31T18:30:00Z'); // 00:00 IST on 1 April
    expect(financialYear(march31, IST, ['yyyy', 'yy'], '-')).toBe('2024-25');
    expect(financialYear(april1, IST, ['yyyy', 'yy'], '-')).toBe('2025-26');
    expect(financialYear(april1, IST, ['yyyy', 'yyyy'], '-')).toBe('2025-2026');
  });

  it('renders dates, padded sequences and random digits', () => {
    const tokens = parseIdFormat('EB-[cy:yyyyMMdd]-[SEQ_EB:4]-[d{3}]').tokens!;
    const id = renderId(tokens, { now: Date.parse('2025-06-01T20:00:00Z'), timeZone: IST, cityCode: () => 'X', sequenceValues: [7] });
    expect(id).toMatch(/^EB-20250602-0007-\d{3}$/);
  });

  it('refuses unknown tokens and unclosed brackets with a reason', () => {
    expect(parseIdFormat('X-[foo]').error).toMatch(/unknown token \[foo\]/);
    expect(parseIdFormat('X-[SEQ_A').error).toMatch(/never closed/);
    expect(parseIdFormat('[fy:dd-MM]').error).toMatch(/financial year/);
  });
});
