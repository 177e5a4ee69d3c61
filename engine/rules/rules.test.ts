import { describe, expect, it } from 'vitest';
import { Mdms } from '../mdms/index.ts';
import { toJsonText } from '../money/index.ts';
import { evaluateRule, evaluateTemplate, referencedRuleSets, ruleHolds, ruleProblems, RuleSets } from './index.ts';

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

describe('engine operations', () => {
  const run = (rule: unknown, data: unknown = {}) => evaluateRule(rule, data, ctx);

  it('adds, subtracts and multiplies amounts exactly', () => {
    expect(run({ sum: [0.1, 0.2] })).toBe(0.3);
    expect(run({ sum: [[1.1, '2.2', null]] })).toBe(3.3);
    expect(run({ difference: [160.4, 0.1] })).toBe(160.3);
    expect(run({ product: [1.15, 3] })).toBe(3.45);
    expect(run({ percent: [455, 10] })).toBe(45.5);
    expect(() => run({ quotient: [1, 0] })).toThrow(/divide/);
    expect(() => run({ sum: [1, 'abc'] })).toThrow(/needs numbers/);
  });

  it('rounds half up by default and by the named mode', () => {
    expect(run({ round: [114.5] })).toBe(115);
    expect(run({ round: [114.49] })).toBe(114);
    expect(run({ round: [-0.5] })).toBe(-1);
    expect(run({ round: [2.345, 2, 'down'] })).toBe(2.34);
    expect(run({ round: [2.5, 0, 'half_even'] })).toBe(2);
    expect(() => run({ round: [1, 0, 'sideways'] })).toThrow(/modes/);
  });

  it('charges tiers in order, each up to its width', () => {
    const tiers = [{ from: 0, to: 10, charge: 2 }, { from: 10, to: 20, charge: 2.5 }, { from: 20, to: null, charge: 3.25 }];
    expect(run({ tiered: [0, tiers] })).toBe(0);
    expect(run({ tiered: [10, tiers] })).toBe(20);
    expect(run({ tiered: [25, tiers] })).toBe(61.25);
    expect(run({ tiered: [25, [{ from: 0, to: 100, rate: 1 }], 'rate'] })).toBe(25);
    expect(() => run({ tiered: [-1, tiers] })).toThrow(/at least 0/);
  });

  it('finds exactly one master record by keys, naming tenant and keys when it cannot', () => {
    const one = (kind: string) => run({ mdms_one: ['pb.lodhipur', 'common.kinds', [['code', kind]]] });
    expect(one('A')).toEqual({ code: 'A', active: true });
    expect(() => one('Z')).toThrow('no common.kinds record for pb.lodhipur matches code=Z');
    expect(() => run({ mdms_one: ['pb.lodhipur', 'common.kinds', []] })).toThrow('2 common.kinds records for pb.lodhipur match no keys; exactly one must');
    expect(run({ first: [{ mdms: ['pb', 'common.kinds'] }] })).toEqual({ code: 'A', active: true });
    expect(run({ first: [[]] })).toBeNull();
  });

  it('tells whether every item of a list is in another, comparing as text', () => {
    expect(run({ subset: [['A', 5], ['5', 'A', 'B']] })).toBe(true);
    expect(run({ subset: [[], ['A']] })).toBe(true);
    expect(run({ subset: [['A', 'C'], ['A', 'B']] })).toBe(false);
    expect(run({ subset: [null, ['A']] })).toBe(false);
    expect(run({ set: [{ var: 'ratings' }, 'count', 2] }, { ratings: { a: 1 } })).toEqual({ a: 1, count: 2 });
    expect(run({ set: [null, 'count', 2] })).toEqual({ count: 2 });
    expect(run({ upper: ['March 2026'] })).toBe('MARCH 2026');
    expect(run({ subset: [{ map: [{ mdms: ['pb', 'common.kinds'] }, { var: 'code' }] }, ['A', 'B']] })).toBe(true);
  });

  it('finds a master record by keys, or null, without refusing', () => {
    expect(run({ mdms_find: ['pb.lodhipur', 'common.kinds', [['code', 'A'], ['active', true]]] })).toEqual({ code: 'A', active: true });
    expect(run({ mdms_find: ['pb.lodhipur', 'common.kinds', [['code', 'Z']]] })).toBeNull();
    expect(() => run({ mdms_find: ['pb.lodhipur', 'common.kinds', 'code'] })).toThrow("'mdms_find' needs its keys as a list of [key, value] pairs");
  });

  it('reads dates and counts days in the time zone', () => {
    const oct31 = run({ parse_date: ['31/10/2026', 'dd/MM/yyyy'] }) as number;
    expect(new Date(oct31).toISOString()).toBe('2026-10-30T18:30:00.000Z');
    expect(run({ days_between: ['2026-10-31T23:59:59', '2026-11-11'] })).toBe(11);
    expect(run({ days_between: [oct31, '2026-11-01T00:00'] })).toBe(1);
    expect(run({ fiscal_year: ['2026-03-31'] })).toBe('2025-26');
    expect(run({ fiscal_year: ['2026-04-01'] })).toBe('2026-27');
    expect(() => run({ parse_date: ['31-10-2026', 'dd/MM/yyyy'] })).toThrow(/not a date/);
  });

  it('fixes a figure to its decimals for the answer, null staying null', () => {
    expect(toJsonText({ a: run({ fixed: [{ var: 'x' }, 2] }, { x: 250 }), b: run({ fixed: ['12.345', 1] }), c: run({ fixed: [null, 2] }) })).toBe('{"a":250.00,"b":12.3,"c":null}');
    expect(() => run({ fixed: [1, 11] })).toThrow(/0 to 10 decimal places/);
    expect(() => run({ fixed: ['ten', 2] })).toThrow(/needs numbers/);
  });

  it('builds an object whose keys are worked out, inside map and if where a written object stays as written', () => {
    const rows = [
      { month: 'April 2026', paid: 0 },
      { month: 'May 2026', paid: 250 },
    ];
    // A ledger keyed by month, each with a payment line made up when there was none.
    const keyed = {
      map: [
        { var: 'rows' },
        {
          from_entries: [
            [
              [
                { var: 'month' },
                { if: [{ var: 'paid' }, { var: 'paid' }, [{ from_entries: [[['receiptNo', 'N/A'], ['amountPaid', { sum: [{ var: 'paid' }] }]]] }]] },
              ],
            ],
          ],
        },
      ],
    };
    expect(run(keyed, { rows })).toEqual([{ 'April 2026': [{ receiptNo: 'N/A', amountPaid: 0 }] }, { 'May 2026': 250 }]);
    expect(run({ from_entries: [[]] })).toEqual({});
    expect(() => run({ from_entries: [[['a', 1, 2]]] })).toThrow(/list of \[key, value\] pairs/);
    expect(() => run({ from_entries: [[[null, 1]]] })).toThrow(/from_entries/);
  });

  it('counts elapsed days of 24 hours, a fraction included', () => {
    expect(run({ elapsed_days: ['2026-11-01T02:00', '2026-11-11T02:00'] })).toBe(10);
    expect(run({ elapsed_days: ['2026-11-01T02:00', '2026-11-11T08:00'] })).toBe(10.25);
    expect(run({ elapsed_days: ['2026-11-02', '2026-11-01'] })).toBe(-1);
    expect(() => run({ elapsed_days: ['someday', '2026-11-01'] })).toThrow(/needs a time/);
  });

  it('makes an object of [key, value] pairs', () => {
    expect(run({ from_entries: [[['a', 1], [{ var: 'k' }, { var: 'v' }]]] }, { k: 1790793000000, v: [1, 2] })).toEqual({ a: 1, '1790793000000': [1, 2] });
    expect(run({ map: [{ var: 'xs' }, { from_entries: [[[{ var: 'p' }, { var: 'd' }]]] }] }, { xs: [{ p: 2, d: 'x' }, { p: 1, d: 'y' }] })).toEqual([{ '2': 'x' }, { '1': 'y' }]);
    expect(() => run({ from_entries: [['a']] })).toThrow("'from_entries' needs a list of [key, value] pairs");
  });
});

describe('rule sets calling rule sets', () => {
  const sets = new RuleSets([
    { rules: 'fee', let: { base: { product: [{ var: 'units' }, 2] } }, result: { fee: { sum: [{ var: 'base' }, 1] } } },
    { rules: 'bill', let: { fee: { rule_set: ['fee', [['units', { var: 'n' }]]] } }, result: { total: { sum: [{ var: 'fee.fee' }, 10] } } },
    { rules: 'loop', result: { rule_set: ['loop', []] } },
    { rules: 'lost', result: { rule_set: ['nowhere', []] } },
  ]);

  it("runs another rule set over the input its pairs give, and reads its result", () => {
    expect(sets.get('bill').evaluate({ n: 3 }, ctx)).toEqual({ total: 17 });
  });

  it('refuses an unknown rule set, and calls nested too deep, by code', () => {
    expect(() => sets.get('lost').evaluate({}, ctx)).toThrow(expect.objectContaining({ code: 'RULE_SET_NOT_FOUND' }));
    expect(() => sets.get('loop').evaluate({}, ctx)).toThrow(expect.objectContaining({ code: 'RULE_SET_TOO_DEEP' }));
    expect(() => evaluateRule({ rule_set: ['fee', []] }, {}, ctx)).toThrow(expect.objectContaining({ code: 'RULE_SET_NOT_FOUND' }));
  });

  it('names the rule sets a rule calls, with the path to each name', () => {
    expect(referencedRuleSets({ if: [true, { rule_set: ['fee', []] }, 0] }, ['let', 'x'])).toEqual([{ path: ['let', 'x', 'if', 1, 'rule_set', 0], name: 'fee' }]);
  });
});
