import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { testRuleExamples } from '../engine/boot/index.ts';
import { definitionsWith } from './harness.ts';

const run = (dir: string) => testRuleExamples(dir, 'Asia/Kolkata');

/** `seva test` as a user runs it: its exit code and what it printed. */
function sevaTest(dir: string): { code: number; out: string } {
  try {
    return { code: 0, out: execFileSync(process.execPath, ['--import', 'tsx', 'cli/seva.ts', 'test', '-d', dir], { encoding: 'utf8' }) };
  } catch (err) {
    const e = err as { status: number; stdout: string };
    return { code: e.status, out: e.stdout };
  }
}

describe('rule examples (seva test)', () => {
  it('every example shipped with the definitions passes', () => {
    const { loaded, outcomes } = run('definitions');
    expect(loaded.problems).toEqual([]);
    expect(outcomes.filter((o) => !o.passed)).toEqual([]);
    const count = (set: string) => outcomes.filter((o) => o.ruleSet === set).length;
    expect(count('ws-charge')).toBeGreaterThanOrEqual(6);
    expect(count('ws-penalty')).toBeGreaterThanOrEqual(6);
    expect(count('ws-aggregate-dues')).toBeGreaterThanOrEqual(5);
    expect(outcomes.map((o) => o.example)).toContain("advance partly used, negative as DIGIT answers it, 100 of 150 paid this month's charge and 50 is left");
  });

  it('fails, naming the example and both amounts, when an expected amount is changed', () => {
    const dir = definitionsWith('definitions', [{ file: 'rules/ws-charge.yaml', replace: 'expect: [{ taxHeadCode: "10101", amount: 160 }', with: 'expect: [{ taxHeadCode: "10101", amount: 161 }' }]);
    const failed = run(dir).outcomes.filter((o) => !o.passed);
    expect(failed).toEqual([{ ruleSet: 'ws-charge', example: 'metered, one tier (minimum 100 + 30 units at 2)', passed: false, failure: expect.stringContaining('"amount":161') }]);
    expect(failed[0]!.failure).toContain('"amount":160');

    const cli = sevaTest(dir);
    expect(cli.code).toBe(1);
    expect(cli.out).toContain('FAIL ws-charge: metered, one tier');
    const total = run('definitions').outcomes.length;
    expect(cli.out).toContain(`${total - 1} of ${total} rule example(s) passed, 1 failed`);
    expect(sevaTest('definitions').code).toBe(0);
  });

  it('fails when a rule errors where the example expects an amount', () => {
    const dir = definitionsWith('definitions', [{ file: 'rules/ws-penalty.yaml', replace: 'input: { tenantId: pb.bhadson, periodFrom: 2026-10-01, demandDate: 2026-11-01T02:00, charge: 100, chargesOwed: 455, penaltiesOwed: 0, unpaidDemands: 2 }\n    expect: [{ taxHeadCode: WS_TIME_PENALTY, amount: 10 }]', with: 'input: { tenantId: pb.bhadson, periodFrom: 2026-10-01, demandDate: someday, charge: 100, chargesOwed: 455, penaltiesOwed: 0, unpaidDemands: 2 }\n    expect: [{ taxHeadCode: WS_TIME_PENALTY, amount: 10 }]' }]);
    const failed = run(dir).outcomes.filter((o) => !o.passed);
    expect(failed.map((f) => f.failure)).toEqual([expect.stringContaining('RULE_INVALID_TIME')]);
  });
});
