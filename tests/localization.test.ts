import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateDefinitions } from '../engine/boot/index.ts';
import { formatProblem } from '../engine/definitions/index.ts';
import { backends, definitionsWith, freshDatabase, requestInfo, TestServer } from './harness.ts';

const SEARCH = '/localization/messages/v1/_search';
const LABEL = 'CORE_COMMON_MGRAM_SEVA_LABEL';

/** The label at each level, in each shipped locale: the default, the state's (pb) and Lodhipur's. */
const labels = {
  en_IN: { default: 'mGramSeva', pb: 'mGramSeva Punjab', 'pb.lodhipur': 'mGramSeva Lodhipur' },
  hi_IN: { default: 'एमग्रामसेवा', pb: 'एमग्रामसेवा पंजाब', 'pb.lodhipur': 'एमग्रामसेवा लोधीपुर' },
  pn_IN: { default: 'ਐਮਗ੍ਰਾਮਸੇਵਾ', pb: 'ਐਮਗ੍ਰਾਮਸੇਵਾ ਪੰਜਾਬ', 'pb.lodhipur': 'ਐਮਗ੍ਰਾਮਸੇਵਾ ਲੋਧੀਪੁਰ' },
} as const;

describe('localization definitions', () => {
  it('the shipped messages say every code in every locale (no warning)', () => {
    const loaded = validateDefinitions('definitions');
    expect(loaded.problems).toEqual([]);
    expect(loaded.warnings.map(formatProblem)).toEqual([]);
  });

  it('validate reports a code en_IN has and hi_IN lacks, with the hi_IN file and the code; --strict fails on it', () => {
    const root = definitionsWith('tests/fixtures/localization-missing');
    const loaded = validateDefinitions(root);
    expect(loaded.registry, 'a missing translation is a warning, not an error').toBeDefined();
    const lines = loaded.warnings.map(formatProblem);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/localization\/hi_IN\/fixture-labels\.yaml:3:1: warning: code 'FIXTURE_CANCEL' of module fixture-labels has no hi_IN message \(en_IN has one at .*localization\/en_IN\/fixture-labels\.yaml:5\)/);

    const run = (...args: string[]) => {
      try {
        return { status: 0, stderr: execFileSync('npx', ['tsx', 'cli/seva.ts', 'validate', '-d', root, ...args], { encoding: 'utf8', stdio: 'pipe' }) && '' };
      } catch (err) {
        const e = err as { status: number; stderr: string };
        return { status: e.status, stderr: e.stderr };
      }
    };
    const strict = run('--strict');
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain("code 'FIXTURE_CANCEL' of module fixture-labels has no hi_IN message");
  }, 60_000);

  it('seva-errors has a message, in each locale, for every error code the engine raises', () => {
    const raised = new Set<string>();
    const walk = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : f.endsWith('.ts') && !f.endsWith('.test.ts') ? [join(dir, f)] : []));
    for (const file of walk('engine')) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:invalid|notFound|conflict|forbidden|unauthenticated|tooMany)\(\s*'([A-Z][A-Z0-9_.]+)'|new SevaError\(\s*'[a-z-]+',\s*'([A-Z][A-Z0-9_]+)'/g)) raised.add((m[1] ?? m[2])!);
    }
    expect(raised.size).toBeGreaterThan(50);
    const registry = validateDefinitions('definitions').registry!;
    for (const locale of ['en_IN', 'hi_IN', 'pn_IN']) {
      const have = new Set(registry.messages.filter((m) => m.module === 'seva-errors' && m.locale === locale).map((m) => m.code));
      expect([...raised].filter((c) => !have.has(c)), locale).toEqual([]);
    }
  });
});

describe.each(backends())('localization messages over HTTP (%s)', (backend) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let server: TestServer;
  let mdmsAdmin: string;
  let gpAdmin: string;
  // The app's request: criteria in the query string, a RequestInfo with an empty token.
  const search = (query: Record<string, string>) => server.post(`${SEARCH}?${new URLSearchParams(query)}`, { RequestInfo: { ...requestInfo(), authToken: '' } });
  const label = async (tenantId: string, locale: string) => (await search({ tenantId, locale, module: 'mgramseva-common', codes: LABEL })).body.messages;

  beforeAll(async () => {
    db = await freshDatabase(backend);
    server = await TestServer.start({ database: db.config });
    mdmsAdmin = await server.staffToken('loc-mdms-admin', [{ code: 'MDMS_ADMIN', tenantId: 'pb' }]);
    gpAdmin = await server.staffToken('loc-gp-admin', [{ code: 'GP_ADMIN', tenantId: 'pb.lodhipur' }]);
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it("resolves each code from the GP, else its state, else the default, in each shipped locale", async () => {
    for (const [locale, texts] of Object.entries(labels)) {
      expect(await label('pb.lodhipur', locale), `${locale} at the GP`).toEqual([{ code: LABEL, message: texts['pb.lodhipur'], module: 'mgramseva-common', locale }]);
      expect((await label('pb.bhadson', locale))[0].message, `${locale} at a GP without its own`).toBe(texts.pb);
      expect((await label('pb', locale))[0].message, `${locale} at the state`).toBe(texts.pb);
      expect((await label('xx', locale))[0].message, `${locale} at a tenant of another state`).toBe(texts.default);
    }
  });

  it('answers every message of the modules asked for, sorted by code, in DIGIT shape; none of another module', async () => {
    const res = await search({ tenantId: 'pb', locale: 'hi_IN', module: 'mgramseva-common,mgramseva-bill' });
    expect(res.status).toBe(200);
    const messages = res.body.messages as { code: string; message: string; module: string; locale: string }[];
    expect(messages.length).toBeGreaterThan(250);
    expect(new Set(messages.map((m) => m.module))).toEqual(new Set(['mgramseva-common', 'mgramseva-bill']));
    expect(messages.every((m) => m.locale === 'hi_IN' && Object.keys(m).sort().join() === 'code,locale,message,module')).toBe(true);
    expect(messages.map((m) => m.code)).toEqual(messages.map((m) => m.code).sort());
    expect(messages.find((m) => m.code === 'CORE_COMMON_SAVE')?.message).toBe('सहेजें');
  });

  it('an unknown locale answers an empty list (DIGIT filters its English fallback out); a search without a locale is refused', async () => {
    const unknown = await search({ tenantId: 'pb', locale: 'fr_FR', module: 'mgramseva-common' });
    expect(unknown.status).toBe(200);
    expect(unknown.body.messages).toEqual([]);
    const none = await search({ tenantId: 'pb', module: 'mgramseva-common' });
    expect(none.status).toBe(400);
    expect(none.body.Errors[0]).toMatchObject({ code: 'INVALID_LOCALE', params: ['$.locale'] });
  });

  it('an MDMS admin stores a message that wins over the file at its tenant; deleting it shows the file again', async () => {
    const upsert = await server.post('/localization/messages/v1/_upsert', {
      RequestInfo: requestInfo(mdmsAdmin),
      tenantId: 'pb.lodhipur',
      messages: [{ code: LABEL, message: 'लोधीपुर जल सेवा', module: 'mgramseva-common', locale: 'hi_IN' }],
    });
    expect(upsert.status).toBe(200);
    expect(upsert.body.messages).toEqual([{ code: LABEL, message: 'लोधीपुर जल सेवा', module: 'mgramseva-common', locale: 'hi_IN' }]);
    expect((await label('pb.lodhipur', 'hi_IN'))[0].message).toBe('लोधीपुर जल सेवा');
    // Only there: the state and its other GPs keep the state's text, and other locales their own.
    expect((await label('pb.bhadson', 'hi_IN'))[0].message).toBe(labels.hi_IN.pb);
    expect((await label('pb.lodhipur', 'pn_IN'))[0].message).toBe(labels.pn_IN['pb.lodhipur']);

    // A second upsert of the same identity replaces the first.
    const again = await server.post('/localization/messages/v1/_upsert', { RequestInfo: requestInfo(mdmsAdmin), tenantId: 'pb.lodhipur', messages: [{ code: LABEL, message: 'लोधीपुर जल', module: 'mgramseva-common', locale: 'hi_IN' }] });
    expect(again.status).toBe(200);
    expect((await label('pb.lodhipur', 'hi_IN'))[0].message).toBe('लोधीपुर जल');

    // A new code stored at the state reaches its GPs.
    await server.post('/localization/messages/v1/_upsert', { RequestInfo: requestInfo(mdmsAdmin), tenantId: 'pb', messages: [{ code: 'STATE_NOTICE', message: 'सूचना', module: 'mgramseva-common', locale: 'hi_IN' }] });
    expect((await search({ tenantId: 'pb.bhadson', locale: 'hi_IN', module: 'mgramseva-common', codes: 'STATE_NOTICE' })).body.messages).toEqual([{ code: 'STATE_NOTICE', message: 'सूचना', module: 'mgramseva-common', locale: 'hi_IN' }]);

    const del = await server.post('/localization/messages/v1/_delete', { RequestInfo: requestInfo(mdmsAdmin), tenantId: 'pb.lodhipur', messages: [{ code: LABEL, module: 'mgramseva-common', locale: 'hi_IN' }] });
    expect(del.status).toBe(200);
    expect(del.body.successful).toBe(true);
    expect((await label('pb.lodhipur', 'hi_IN'))[0].message).toBe(labels.hi_IN['pb.lodhipur']);
  });

  it('a GP admin may neither store nor delete messages (403); a write naming an unknown tenant or lacking a field is a 400', async () => {
    const message = { code: LABEL, message: 'x', module: 'mgramseva-common', locale: 'en_IN' };
    const upsert = await server.post('/localization/messages/v1/_upsert', { RequestInfo: requestInfo(gpAdmin), tenantId: 'pb.lodhipur', messages: [message] });
    expect(upsert.status).toBe(403);
    const del = await server.post('/localization/messages/v1/_delete', { RequestInfo: requestInfo(gpAdmin), tenantId: 'pb.lodhipur', messages: [{ code: LABEL, module: 'mgramseva-common', locale: 'en_IN' }] });
    expect(del.status).toBe(403);
    expect((await label('pb.lodhipur', 'en_IN'))[0].message).toBe(labels.en_IN['pb.lodhipur']);

    const unknown = await server.post('/localization/messages/v1/_upsert', { RequestInfo: requestInfo(mdmsAdmin), tenantId: 'pb.nowhere', messages: [message] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.Errors[0].code).toBe('INVALID_TENANT_ID');
    const lacking = await server.post('/localization/messages/v1/_upsert', { RequestInfo: requestInfo(mdmsAdmin), tenantId: 'pb', messages: [{ code: LABEL, module: 'mgramseva-common', locale: 'en_IN' }] });
    expect(lacking.status).toBe(400);
    expect(lacking.body.Errors[0]).toMatchObject({ code: 'REQUIRED_FIELD_MISSING', params: ['$.messages[0].message'] });
  });
});
