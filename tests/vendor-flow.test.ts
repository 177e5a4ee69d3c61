import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, freshDatabase, requestInfo, TestServer } from './harness.ts';

const vendor = (overrides: Record<string, unknown> = {}) => ({
  tenantId: 'pb.lodhipur',
  name: 'Shiv Shakti Electricals',
  owner: { name: 'Ramesh Kumar', mobileNumber: '9876543210', gender: 'MALE' },
  address: { doorNo: '12', street: 'Main Bazaar', city: 'Lodhipur', pincode: '140001' },
  drivers: [{ name: 'Gurpreet Singh', mobileNumber: '9811111111' }],
  additionalDetails: { gstNo: '03ABCDE1234F1Z5' },
  source: 'WhatsApp',
  ...overrides,
});

describe.each(backends())('a GP expense processor manages vendors over HTTP (%s)', (backend) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let server: TestServer;
  let token: string;
  let created: any;

  beforeAll(async () => {
    db = await freshDatabase(backend);
    server = await TestServer.start({ database: db.config });
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('admin logs in and creates a user with EXPENSE_PROCESSING at pb.lodhipur', async () => {
    const adminToken = await server.token('admin', 'admin-secret-1', 'pb');
    const res = await server.post('/user/users/_createnovalidate', {
      RequestInfo: requestInfo(adminToken),
      user: { userName: '9888000001', name: 'Sunita Devi', mobileNumber: '9888000001', type: 'EMPLOYEE', tenantId: 'pb', password: 'sunita-pass-1', roles: [{ code: 'EXPENSE_PROCESSING', tenantId: 'pb.lodhipur' }] },
    });
    expect(res.status).toBe(200);
    expect(res.body.user[0]).toMatchObject({ userName: '9888000001', roles: [{ code: 'EXPENSE_PROCESSING', tenantId: 'pb.lodhipur' }] });
    expect(res.body.user[0].password).toBeUndefined();
  });

  it('that user logs in and creates a vendor with a driver, in one transaction with its event', async () => {
    token = await server.token('9888000001', 'sunita-pass-1', 'pb');
    // A client-sent userInfo is ignored: the server knows who is calling.
    const res = await server.post('/vendor/v1/_create', { RequestInfo: { ...requestInfo(token), userInfo: { uuid: 'forged-uuid' } }, vendor: vendor() });
    expect(res.status).toBe(200);
    expect(res.body.ResponseInfo.status).toBe('successful');
    created = res.body.vendor[0];
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.status).toBe('ACTIVE');
    expect(created.drivers[0].id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.auditDetails.createdBy).not.toBe('forged-uuid');
    expect(created.auditDetails.createdTime).toBeTypeOf('number');
    const events = await server.seva.database.db.selectFrom('seva_outbox').selectAll().where('key', '=', created.id).execute();
    expect(events.map((e) => e.topic)).toEqual(['save-vendor-application']);
  });

  it('finds the vendor right away by name prefix (any case), by mobile number and by driver', async () => {
    const byName = await server.post('/vendor/v1/_search?tenantId=pb.lodhipur&name=shiv%20sh', { RequestInfo: requestInfo(token) });
    expect(byName.status).toBe(200);
    expect(byName.body.totalCount).toBe(1);
    expect(byName.body.vendor[0]).toEqual(created);
    const byMobile = await server.post('/vendor/v1/_search', { RequestInfo: requestInfo(token), tenantId: 'pb.lodhipur', mobileNumber: '9876543210' });
    expect(byMobile.body.vendor.map((v: any) => v.id)).toEqual([created.id]);
    const byDriver = await server.post('/vendor/v1/_search?tenantId=pb.lodhipur&driverName=GURPREET', { RequestInfo: requestInfo(token) });
    expect(byDriver.body.totalCount).toBe(1);
    const none = await server.post('/vendor/v1/_search?tenantId=pb.lodhipur&name=zz', { RequestInfo: requestInfo(token) });
    expect(none.body).toMatchObject({ vendor: [], totalCount: 0 });
  });

  it('an update with a stale lastModifiedTime gets 409 and changes nothing', async () => {
    const fresh = await server.post('/vendor/v1/_update', { RequestInfo: requestInfo(token), vendor: { ...created, description: 'Pump motor repairs' } });
    expect(fresh.status).toBe(200);
    expect(fresh.body.vendor[0].auditDetails.lastModifiedTime).toBeGreaterThan(created.auditDetails.lastModifiedTime);
    expect(fresh.body.vendor[0].auditDetails.createdTime).toBe(created.auditDetails.createdTime);
    const stale = await server.post('/vendor/v1/_update', { RequestInfo: requestInfo(token), vendor: { ...created, description: 'lost update' } });
    expect(stale.status).toBe(409);
    expect(stale.body.Errors[0]).toMatchObject({ code: 'STALE_RECORD', params: ['$.vendor.auditDetails.lastModifiedTime'] });
    const now = await server.post('/vendor/v1/_search', { RequestInfo: requestInfo(token), tenantId: 'pb.lodhipur', ids: [created.id] });
    expect(now.body.vendor[0].description).toBe('Pump motor repairs');
  });

  it('a second vendor with the same name in the GP gets 409 with a specific code', async () => {
    const dup = await server.post('/vendor/v1/_create', { RequestInfo: requestInfo(token), vendor: vendor({ name: 'SHIV SHAKTI ELECTRICALS', owner: { name: 'X', mobileNumber: '9000000000' } }) });
    expect(dup.status).toBe(409);
    expect(dup.body.Errors[0]).toMatchObject({ code: 'DUPLICATE_VENDOR_NAME', params: ['$.vendor.name'] });
  });

  it('the same user gets 403 at pb.bhadson, and no token gets 401', async () => {
    const other = await server.post('/vendor/v1/_create', { RequestInfo: requestInfo(token), vendor: vendor({ tenantId: 'pb.bhadson' }) });
    expect(other.status).toBe(403);
    expect(other.body.Errors[0].code).toBe('ACCESS_DENIED');
    const search = await server.post('/vendor/v1/_search?tenantId=pb.bhadson', { RequestInfo: requestInfo(token) });
    expect(search.status).toBe(403);
    const anonymous = await server.post('/vendor/v1/_search?tenantId=pb.lodhipur', { RequestInfo: requestInfo() });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.Errors[0].code).toBe('UNAUTHENTICATED');
  });

  it('a bad mobile number gets 400 naming the field', async () => {
    const res = await server.post('/vendor/v1/_create', { RequestInfo: requestInfo(token), vendor: vendor({ name: 'Other Vendor', owner: { name: 'Y', mobileNumber: '98765' } }) });
    expect(res.status).toBe(400);
    expect(res.body.Errors).toEqual([
      { code: 'INVALID_MOBILE_NUMBER', message: '$.vendor.owner.mobileNumber must be a 10-digit mobile number', description: '$.vendor.owner.mobileNumber must be a 10-digit mobile number', params: ['$.vendor.owner.mobileNumber'] },
    ]);
  });

  it('after a restart the vendor is still found', async () => {
    await server.stop();
    server = await TestServer.start({ database: db.config });
    token = await server.token('9888000001', 'sunita-pass-1', 'pb');
    const res = await server.post('/vendor/v1/_search?tenantId=pb.lodhipur&name=Shiv', { RequestInfo: requestInfo(token) });
    expect(res.status).toBe(200);
    expect(res.body.vendor[0]).toMatchObject({ id: created.id, description: 'Pump motor repairs', drivers: [{ name: 'Gurpreet Singh' }] });
  });
});
