import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../engine/store/index.ts';
import { backends, freshDatabase, requestInfo, TestServer } from './harness.ts';

describe.each(backends())('the platform around the services (%s)', (backend) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    db = await freshDatabase(backend);
    server = await TestServer.start({ database: db.config, maxBodyBytes: 64 * 1024 });
    admin = await server.token('admin', 'admin-secret-1', 'pb');
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('answers every failure in the DIGIT error envelope: 404, malformed JSON, 413', async () => {
    const missing = await server.post('/no/such/_route', {});
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ ResponseInfo: { status: 'failed' }, Errors: [{ code: 'NOT_FOUND' }] });
    const malformed = await server.post('/vendor/v1/_create', undefined, { raw: '{"vendor": ', token: admin });
    expect(malformed.status).toBe(400);
    expect(malformed.body.Errors[0].code).toBe('INVALID_JSON');
    const huge = await server.post('/vendor/v1/_create', { RequestInfo: requestInfo(admin), vendor: { name: 'x'.repeat(100_000) } });
    expect(huge.status).toBe(413);
    expect(huge.body.Errors[0].code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refreshes a session, and a logged-out token stops working', async () => {
    const login = await server.login('admin', 'admin-secret-1', 'pb');
    expect(login.body).toMatchObject({ token_type: 'bearer', scope: 'read', UserRequest: { userName: 'admin', roles: [{ code: 'SUPERUSER', tenantId: 'pb' }] } });
    const refreshed = await fetch(`${server.baseUrl}/user/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from('egov-user-client:').toString('base64')}` },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: login.body.refresh_token }).toString(),
    }).then((r) => r.json());
    expect(refreshed.access_token).toBeTypeOf('string');
    const details = await server.post(`/user/_details?access_token=${refreshed.access_token}`, {});
    expect(details.body).toMatchObject({ userName: 'admin' });
    const oldRefresh = await fetch(`${server.baseUrl}/user/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from('egov-user-client:').toString('base64')}` },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: login.body.refresh_token }).toString(),
    });
    expect(oldRefresh.status).toBe(401);
    const out = await server.post('/user/_logout', { RequestInfo: requestInfo(refreshed.access_token) });
    expect(out.status).toBe(200);
    const after = await server.post(`/user/_details?access_token=${refreshed.access_token}`, {});
    expect(after.status).toBe(401);
  });

  it("lets any signed-in user read their own record at the state tenant, in DIGIT's types, and no one else's", async () => {
    const operator = await server.staffToken('collector-own', [{ code: 'COLLECTION_OPERATOR', tenantId: 'pb.lodhipur' }]);
    const me = (await server.post('/user/_details', { RequestInfo: requestInfo(operator) })).body;
    // The app's call right after login: its own id and mobile number, at the state tenant.
    const own = await server.post('/user/_search', { RequestInfo: requestInfo(operator), tenantId: 'pb', id: [me.id], mobileNumber: null });
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    expect(own.body.user).toHaveLength(1);
    const user = own.body.user[0];
    expect(user).toMatchObject({ id: me.id, uuid: me.uuid, userName: 'collector-own', tenantId: 'pb', defaultPwdChgd: false, accountLocked: false, dob: null, pwdExpiryDate: null });
    expect(user.createdDate).toMatch(/^[0-3][0-9]-[01][0-9]-[0-9]{4} [0-2][0-9]:[0-5][0-9]:[0-5][0-9]$/);
    expect(user.lastModifiedDate).toMatch(/^[0-3][0-9]-[01][0-9]-[0-9]{4} [0-2][0-9]:[0-5][0-9]:[0-5][0-9]$/);
    // The login answers the same shape.
    const login = await server.login('collector-own', 'pass-word-1', 'pb');
    expect(login.body.UserRequest).toMatchObject({ id: me.id, defaultPwdChgd: false, createdDate: user.createdDate });
    // Naming anyone else (or no one) is an ordinary search: it needs the roles at that tenant.
    const adminId = (await server.post('/user/_details', { RequestInfo: requestInfo(admin) })).body.id;
    for (const body of [{ id: [me.id, adminId] }, { id: [adminId] }, { uuid: [me.uuid], id: [adminId] }, {}]) {
      const other = await server.post('/user/_search', { RequestInfo: requestInfo(operator), tenantId: 'pb', ...body });
      expect(other.status, JSON.stringify(body)).toBe(403);
    }
  });

  it("keeps DIGIT's profile details of a user as sent and gives them back", async () => {
    const created = await server.post('/user/users/_createnovalidate', {
      RequestInfo: requestInfo(admin),
      user: {
        userName: 'profile-keeper', name: 'Gurpreet Kaur', type: 'EMPLOYEE', tenantId: 'pb', password: 'pass-word-1', roles: [{ code: 'GP_ADMIN', tenantId: 'pb.lodhipur' }],
        salutation: 'Smt', fatherOrHusbandName: 'Harjit Singh', relationship: 'HUSBAND', dob: 631152000000, locale: 'pn_IN', bloodGroup: null, permanentCity: 'Lodhipur',
        addresses: [{ type: 'PERMANENT', address: 'Ward 3', city: 'Lodhipur', pinCode: '140001' }],
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const found = await server.post('/user/_search', { RequestInfo: requestInfo(admin), tenantId: 'pb', userName: 'profile-keeper' });
    expect(found.body.user[0]).toMatchObject({
      salutation: 'Smt', fatherOrHusbandName: 'Harjit Singh', relationship: 'HUSBAND', dob: '1990-01-01', locale: 'pn_IN', permanentCity: 'Lodhipur',
      addresses: [{ type: 'PERMANENT', address: 'Ward 3', city: 'Lodhipur', pinCode: '140001' }],
    });
    expect(found.body.user[0]).not.toHaveProperty('bloodGroup');
    const wrong = await server.post('/user/users/_createnovalidate', { RequestInfo: requestInfo(admin), user: { userName: 'bad-dob', name: 'X', type: 'EMPLOYEE', tenantId: 'pb', roles: [{ code: 'GP_ADMIN', tenantId: 'pb' }], dob: '01/01/1990' } });
    expect([wrong.status, wrong.body.Errors[0].code, wrong.body.Errors[0].params]).toEqual([400, 'INVALID_DATE_OF_BIRTH', ['$.user.dob']]);
  });

  it('refuses a wrong password and an unknown OAuth client', async () => {
    expect((await server.login('admin', 'wrong-password', 'pb')).status).toBe(401);
    const res = await fetch(`${server.baseUrl}/user/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from('evil-client:').toString('base64')}` },
      body: new URLSearchParams({ username: 'admin', password: 'admin-secret-1', tenantId: 'pb', grant_type: 'password' }).toString(),
    });
    expect(res.status).toBe(401);
  });

  it('serves master data publicly with DIGIT filters and GP → state fallback', async () => {
    const res = await server.post('/egov-mdms-service/v1/_search', {
      RequestInfo: requestInfo(),
      MdmsCriteria: {
        tenantId: 'pb.lodhipur',
        moduleDetails: [
          { moduleName: 'tenant', masterDetails: [{ name: 'tenants', filter: "[?(@.code=='pb.bhadson')]" }] },
          { moduleName: 'ACCESSCONTROL-ROLES', masterDetails: [{ name: 'roles', filter: "[?(@.code in ['SARPANCH','SECRETARY'])].code" }] },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.MdmsRes.tenant.tenants).toHaveLength(1);
    expect(res.body.MdmsRes.tenant.tenants[0].city.code).toBe('1014');
    expect(res.body.MdmsRes['ACCESSCONTROL-ROLES'].roles).toEqual(['SARPANCH', 'SECRETARY']);
    const v2 = await server.post('/mdms-v2/v1/_search', { MdmsCriteria: { tenantId: 'pb', moduleDetails: [{ moduleName: 'common-masters', masterDetails: [{ name: 'IdFormat' }] }] } });
    expect(v2.body.MdmsRes['common-masters'].IdFormat.length).toBeGreaterThan(0);
  });

  it('a GP admin cannot hand out roles in another GP, nor take over a user there', async () => {
    await server.post('/user/users/_createnovalidate', {
      RequestInfo: requestInfo(admin),
      user: { userName: 'gpadmin1', name: 'GP Admin Lodhipur', type: 'EMPLOYEE', tenantId: 'pb', password: 'gpadmin-pass-1', roles: [{ code: 'GP_ADMIN', tenantId: 'pb.lodhipur' }] },
    });
    const other = await server.post('/user/users/_createnovalidate', {
      RequestInfo: requestInfo(admin),
      user: { userName: 'clerk2', name: 'Clerk Bhadson', type: 'EMPLOYEE', tenantId: 'pb', password: 'clerk2-pass-1', roles: [{ code: 'COLLECTION_OPERATOR', tenantId: 'pb.bhadson' }] },
    });
    const gpAdmin = await server.token('gpadmin1', 'gpadmin-pass-1', 'pb');
    const escalate = await server.post('/user/users/_createnovalidate', {
      RequestInfo: requestInfo(gpAdmin),
      user: { userName: 'x1', name: 'X', type: 'EMPLOYEE', tenantId: 'pb', password: 'x1-pass-123', roles: [{ code: 'GP_ADMIN', tenantId: 'pb.bhadson' }] },
    });
    expect(escalate.status).toBe(403);
    const takeover = await server.post('/user/users/_updatenovalidate', {
      RequestInfo: requestInfo(gpAdmin),
      user: { ...other.body.user[0], roles: [{ code: 'COLLECTION_OPERATOR', tenantId: 'pb.lodhipur' }] },
    });
    expect(takeover.status).toBe(403);
    const own = await server.post('/user/users/_createnovalidate', {
      RequestInfo: requestInfo(gpAdmin),
      user: { userName: 'collector1', name: 'Collector', type: 'EMPLOYEE', tenantId: 'pb', password: 'collector-pass-1', roles: [{ code: 'COLLECTION_OPERATOR', tenantId: 'pb.lodhipur' }] },
    });
    expect(own.status).toBe(200);
    const dup = await server.post('/user/users/_createnovalidate', { RequestInfo: requestInfo(gpAdmin), user: { userName: 'COLLECTOR1', name: 'Again', type: 'EMPLOYEE', tenantId: 'pb', roles: [{ code: 'COLLECTION_OPERATOR', tenantId: 'pb.lodhipur' }] } });
    expect(dup.status).toBe(409);
    const badRole = await server.post('/user/users/_createnovalidate', { RequestInfo: requestInfo(admin), user: { userName: 'y', name: 'Y', type: 'EMPLOYEE', tenantId: 'pb', roles: [{ code: 'NO_SUCH_ROLE', tenantId: 'pb.lodhipur' }] } });
    expect(badRole.status).toBe(400);
    expect(badRole.body.Errors[0]).toMatchObject({ code: 'INVALID_ROLE', params: ['$.user.roles[0].code'] });
  });

  it('a state-level role works in every GP; search pages, sorts and counts within the tenant only', async () => {
    for (const [tenantId, name] of [['pb.lodhipur', 'Alpha Pumps'], ['pb.lodhipur', 'Beta Pipes'], ['pb.lodhipur', 'Gamma Power'], ['pb.bhadson', 'Alpha Pumps']]) {
      const res = await server.post('/vendor/v1/_create', { RequestInfo: requestInfo(admin), vendor: { tenantId, name, owner: { name: 'Owner', mobileNumber: '9000000001' } } });
      expect(res.status).toBe(200);
    }
    const page = await server.post('/vendor/v1/_search?tenantId=pb.lodhipur&sortBy=name&sortOrder=ASC&offset=1&limit=1', { RequestInfo: requestInfo(admin) });
    expect(page.body.totalCount).toBe(3);
    expect(page.body.vendor.map((v: any) => v.name)).toEqual(['Beta Pipes']);
    const statewide = await server.post('/vendor/v1/_search?tenantId=pb&name=alpha', { RequestInfo: requestInfo(admin) });
    expect(statewide.body.totalCount).toBe(2);
    const wildcard = await server.post('/vendor/v1/_search?tenantId=pb.lodhipur&name=%25', { RequestInfo: requestInfo(admin) });
    expect(wildcard.body.totalCount).toBe(0);
    const badSort = await server.post('/vendor/v1/_search?tenantId=pb.lodhipur&sortBy=owner', { RequestInfo: requestInfo(admin) });
    expect(badSort.status).toBe(400);
    expect(badSort.body.Errors[0].code).toBe('INVALID_SORT_BY');
    const unknownTenant = await server.post('/vendor/v1/_create', { RequestInfo: requestInfo(admin), vendor: { tenantId: 'pb.nowhere', name: 'N', owner: { name: 'O', mobileNumber: '9000000001' } } });
    expect(unknownTenant.status).toBe(400);
    expect(unknownTenant.body.Errors[0]).toMatchObject({ code: 'INVALID_TENANT_ID', params: ['$.vendor.tenantId'] });
  });

  it.runIf(backend === 'pglite')('refuses a second process on the same PGlite directory, saying why', async () => {
    const second = spawnSync(process.execPath, ['--import', 'tsx', 'cli/seva.ts', 'db', 'status'], { env: { ...process.env, DATABASE_URL: '', SEVA_DATA_DIR: db.config.dataDir }, encoding: 'utf8' });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`the data directory ${db.config.dataDir} is in use by another Seva process (pid ${process.pid})`);
    // And within this process a second open is refused too.
    await expect(openDatabase(db.config)).rejects.toMatchObject({ code: 'DATA_DIR_LOCKED' });
  });
});
