import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startSeva, validateDefinitions } from '../engine/boot/index.ts';
import { kinds, schemaFileName } from '../engine/definitions/index.ts';
import { brokenCases, located, materialize } from './broken-definitions.ts';

const cli = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'cli/seva.ts', ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });

describe('definitions are checked before anything runs', () => {
  it('the shipped definitions are valid', () => {
    const result = validateDefinitions('definitions');
    expect(result.problems).toEqual([]);
    expect(result.registry?.services.map((s) => s.service)).toEqual(['vendor']);
  });

  const cases = brokenCases();
  it('keeps at least 20 broken definitions as fixtures', () => expect(cases.length).toBeGreaterThanOrEqual(20));

  describe.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    it(`reports ${c.description} at ${c.expect.at}`, () => {
      const root = materialize(c);
      const lines = validateDefinitions(root).problems.map((p) => located(root, p));
      expect(lines.find((l) => l.startsWith(`${c.expect.at}: `) && l.includes(c.expect.message)), lines.join('\n')).toBeDefined();
    });

    it('and the same problem stops the server from starting', async () => {
      const root = materialize(c);
      const [line, col] = c.expect.at.split(':').slice(1);
      const failure = await startSeva({ definitionsDir: root, database: { dataDir: 'memory' } }).catch((e: unknown) => e);
      expect(failure).toMatchObject({ code: 'INVALID_DEFINITIONS' });
      expect((failure as Error).message).toContain(`:${line}:${col}: ${c.expect.message}`);
    });
  });

  it('`seva validate` exits 0 on the shipped definitions and 1 on a broken one, without a stack trace', () => {
    const ok = cli(['validate']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('definitions OK: 1 service(s), 1 persister(s), 1 workflow(s), 1 job(s)');
    const c = cases.find((x) => x.name === '05-unknown-role')!;
    const root = materialize(c);
    const bad = cli(['validate', '-d', root]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(`/services/vendor.yaml:86:21: unknown role 'EXPENSE_PROCESING'`);
    expect(bad.stderr).not.toMatch(/^\s+at /m);
  });

  it('reports an unreachable state as a warning: the definitions still load, and `seva validate` prints it and exits 0', () => {
    const root = materialize({
      name: 'unreachable-state',
      description: 'no action leads to PENDING_FOR_CITIZEN_ACTION',
      edits: [{ file: 'workflows/NewWS1.yaml', replace: '      - { action: SEND_BACK_TO_CITIZEN, nextState: PENDING_FOR_CITIZEN_ACTION, roles: [WS_DOC_VERIFIER], assignTo: creator }\n', with: '' }],
      expect: { at: '', message: '' },
    });
    const result = validateDefinitions(root);
    expect(result.registry).toBeDefined();
    expect(result.warnings.map((w) => located(root, w))).toEqual([`workflows/NewWS1.yaml:25:5: state 'PENDING_FOR_CITIZEN_ACTION' cannot be reached from the start state`]);
    const run = cli(['validate', '-d', root]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`NewWS1.yaml:25:5: warning: state 'PENDING_FOR_CITIZEN_ACTION' cannot be reached from the start state`);
  });

  it('the JSON Schemas in schemas/ match the engine (run `npm run seva -- schemas` after changing a kind)', () => {
    for (const kind of kinds) {
      expect(JSON.parse(readFileSync(`schemas/${schemaFileName(kind)}`, 'utf8'))).toEqual(kind.schema);
    }
  });
});
