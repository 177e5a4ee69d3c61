import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startSeva, validateDefinitions } from '../engine/boot/index.ts';
import { kinds, schemaFileName } from '../engine/definitions/index.ts';
import { kindTypes, kindTypesPath } from '../scripts/kind-types.ts';
import { brokenCases, located, materialize } from './broken-definitions.ts';

const cli = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'cli/seva.ts', ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });

describe('definitions are checked before anything runs', () => {
  it('the shipped definitions are valid', () => {
    const result = validateDefinitions('definitions');
    expect(result.problems).toEqual([]);
    expect(result.registry?.services.map((s) => s.service)).toEqual(['echallan', 'meter-reading', 'property', 'vendor', 'water-connection', 'ws-feedback']);
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
    expect(ok.stdout).toContain('definitions OK: 6 service(s), 6 persister(s), 2 workflow(s), 3 job(s)');
    const c = cases.find((x) => x.name === '05-unknown-role')!;
    const root = materialize(c);
    const bad = cli(['validate', '-d', root]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(`/services/vendor.yaml:102:21: unknown role 'EXPENSE_PROCESING'`);
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

  it("reads a business service exported from DIGIT as JSON, as it is", () => {
    const digit = {
      RequestInfo: { apiId: 'Rainmaker', ver: '.01', authToken: '{{Auth_Token}}' },
      BusinessServices: [
        {
          tenantId: 'pb',
          businessService: 'ModifyWSConnection',
          business: 'ws-services',
          businessServiceSla: 259200000,
          states: [
            { sla: null, state: null, applicationStatus: null, docUploadRequired: false, isStartState: true, isTerminateState: false, isStateUpdatable: false, actions: [{ action: 'INITIATE', nextState: 'INITIATED', roles: ['WS_CEMP'] }] },
            { sla: null, state: 'INITIATED', applicationStatus: 'INITIATED', docUploadRequired: false, isStartState: false, isTerminateState: false, isStateUpdatable: true, actions: [{ action: 'SUBMIT_APPLICATION', nextState: 'PENDING_FOR_APPROVAL', roles: ['WS_CEMP'] }] },
            {
              sla: 86400000,
              state: 'PENDING_FOR_APPROVAL',
              applicationStatus: 'PENDING_FOR_APPROVAL',
              docUploadRequired: false,
              isStartState: false,
              isStateUpdatable: true,
              isTerminateState: false,
              actions: [
                { uuid: 'a-1', tenantId: 'pb', currentState: 's-3', action: 'APPROVE_CONNECTION', nextState: 'APPROVED', roles: ['WS_APPROVER'], active: true },
                { action: 'REJECT', nextState: 'REJECTED', roles: ['WS_APPROVER'] },
                { action: 'SEND_BACK', nextState: 'INITIATED', roles: ['WS_APPROVER'] },
              ],
            },
            { sla: null, state: 'REJECTED', applicationStatus: 'REJECTED', isStateUpdatable: false, docUploadRequired: false, isStartState: false, isTerminateState: true },
            { sla: null, state: 'APPROVED', applicationStatus: 'APPROVED', isStateUpdatable: false, docUploadRequired: false, isStartState: false, isTerminateState: true, actions: null },
          ],
        },
      ],
    };
    const root = materialize({ name: 'digit-json', description: '', edits: [{ file: 'workflows/ModifyWSConnection.json', content: JSON.stringify(digit, null, 2) }], expect: { at: '', message: '' } });
    const result = validateDefinitions(root);
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.registry?.workflows.map((w) => w.businessService).sort()).toEqual(['ModifyWSConnection', 'NewWS1', 'WSDirect']);
  });

  it('the JSON Schemas in schemas/ match the engine (run `npm run schemas` after changing a kind)', () => {
    for (const kind of kinds) {
      expect(JSON.parse(readFileSync(`schemas/${schemaFileName(kind)}`, 'utf8'))).toEqual(kind.schema);
    }
  });

  it("each kind's TypeScript types are the ones its schema gives (run `npm run schemas` after changing a kind)", async () => {
    for (const kind of kinds) {
      expect(readFileSync(kindTypesPath(kind), 'utf8'), kindTypesPath(kind)).toBe(await kindTypes(kind));
    }
  });
});
