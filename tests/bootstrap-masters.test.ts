import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, freshDatabase, TestServer } from './harness.ts';

// The masters the app reads before anyone logs in (the state, its languages, the app version) and
// on its consumer form, asked for with the app's own MDMS bodies (services/mdms.dart), no token.
describe.each(backends())('bootstrap masters (%s)', (backend) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let server: TestServer;
  const requestInfo = { apiId: 'mgramseva', ver: '1.0', ts: 0, action: '_search', did: '1', key: '', msgId: '20170310130900|en_IN', authToken: '' };

  beforeAll(async () => {
    db = await freshDatabase(backend);
    server = await TestServer.start({ database: db.config });
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it("answers the app's first call (initRequestBody) with the state, its three languages and the app version", async () => {
    const res = await server.post('/mdms-v2/v1/_search', {
      RequestInfo: requestInfo,
      MdmsCriteria: {
        tenantId: 'pb',
        moduleDetails: [
          { moduleName: 'common-masters', masterDetails: [{ name: 'Department' }, { name: 'Designation' }, { name: 'StateInfo' }, { name: 'wfSlaConfig' }, { name: 'AppVersion' }] },
          { moduleName: 'tenant', masterDetails: [{ name: 'tenants' }, { name: 'citymodule' }] },
          { moduleName: 'DIGIT-UI', masterDetails: [{ name: 'ApiCachingSettings' }] },
        ],
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const common = res.body.MdmsRes['common-masters'];
    expect(common.StateInfo).toHaveLength(1);
    const state = common.StateInfo[0];
    // Every field the app's StateInfo model reads, with its type.
    expect(state).toMatchObject({ code: 'pb', name: 'Punjab', hasLocalisation: true, enableWhatsApp: false, defaultUrl: { citizen: expect.any(String), employee: expect.any(String) } });
    for (const key of ['logoUrl', 'logoUrlWhite', 'stateLogoURL', 'bannerUrl', 'qrCodeURL']) expect(typeof state[key], key).toBe('string');
    expect(state.languages).toEqual([
      { label: 'ENGLISH', value: 'en_IN' },
      { label: 'हिंदी', value: 'hi_IN' },
      { label: 'ਪੰਜਾਬੀ', value: 'pn_IN' },
    ]);
    // The app compares its version with these, digits joined (1.2.25 → 1225).
    expect(common.AppVersion).toEqual([{ latestAppVersion: '1.2.25', latestAppVersionIos: '1.2.25' }]);
  });

  it("answers the consumer form's masters (connection types, categories, sub-categories) at a GP, from the state's", async () => {
    const res = await server.post('/mdms-v2/v1/_search', {
      RequestInfo: requestInfo,
      MdmsCriteria: {
        tenantId: 'pb.lodhipur',
        moduleDetails: [
          { moduleName: 'ws-services-masters', masterDetails: [{ name: 'connectionType' }, { name: 'Category' }, { name: 'SubCategory' }] },
          { moduleName: 'PropertyTax', masterDetails: [{ name: 'PropertyType' }] },
        ],
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const ws = res.body.MdmsRes['ws-services-masters'];
    expect(ws.connectionType.map((c: any) => [c.code, typeof c.name, c.isActive])).toEqual([
      ['Metered', 'string', true],
      ['Non_Metered', 'string', true],
    ]);
    expect(ws.Category.map((c: any) => c.code)).toEqual(['APL', 'BPL']);
    expect(ws.SubCategory.map((c: any) => c.code)).toEqual(['GENERAL', 'SC', 'ST', 'OBC']);
    for (const item of [...ws.Category, ...ws.SubCategory]) expect([typeof item.name, item.isActive]).toEqual(['string', true]);
  });
});
