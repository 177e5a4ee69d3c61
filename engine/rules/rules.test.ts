import { describe, expect, it } from 'vitest';
import { Mdms } from '../mdms/index.ts';
import { evaluateRule, evaluateTemplate, ruleHolds, ruleProblems } from './index.ts';

const mdms = new Mdms(new Map([['pb', new Map([['common.kinds', [{ code: 'A', active: true }, { code: 'B', active: false }]]])]]));
const ctx = { mdms, timeZone: 'Asia/Kolkata' };

describe('rules', () => {
  it('reads master data through the tenant chain', () => {
    const activeCodes = { map: [{ filter: [{ mdms: ['pb.lodhipur', 'common.kinds'] }, { var: 'active' }] }, { var: 'code' }] };
    expect(evaluateRule(activeCodes, {}, ctx)).toEqual(['A']);
    expect(ruleHolds({ in: [{ var: 'kind' }, activeCodes] }, { kind: 'B' }, ctx)).toBe(false);
  });

  it('does calendar arithmetic in the configured time zone', () => {
    // 2026-03-01 02:00 IST is still February in UTC.
    const now = Date.UTC(2026, 1, 28, 20, 30);
    expect(evaluateRule({ date_format: [{ var: 'now' }, 'dd/MM/yyyy'] }, { now }, ctx)).toBe('01/03/2026');
    const previous = { cat: [{ date_format: [{ month_start: [{ var: 'now' }, -1] }, 'dd/MM/yyyy'] }, ' - ', { date_format: [{ month_end: [{ var: 'now' }, -1] }, 'dd/MM/yyyy'] }] };
    expect(evaluateRule(previous, { now }, ctx)).toBe('01/02/2026 - 28/02/2026');
  });

  it('evaluates the rules inside a template and keeps the rest', () => {
    expect(evaluateTemplate({ tenantId: { var: 't' }, fixed: [1, { cat: ['a', 'b'] }], nested: { x: 'y' } }, { t: 'pb.x' }, ctx)).toEqual({ tenantId: 'pb.x', fixed: [1, 'ab'], nested: { x: 'y' } });
  });

  it('names unknown operations with their path', () => {
    expect(ruleProblems({ and: [{ '==': [1, 1] }, { lookup: ['x'] }] })).toEqual([{ path: ['and', 1, 'lookup'], message: expect.stringContaining("unknown rule operation 'lookup'") }]);
  });
});
