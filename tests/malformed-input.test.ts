import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, freshDatabase, requestInfo, TestServer } from './harness.ts';

/**
 * Malformed requests get a 400 naming what was wrong and where, never a 500 or a dropped
 * connection: the cases the issue lists and those the fuzz test (tests/fuzz.test.ts) found.
 */
const GP = 'pb.lodhipur';

describe.each(backends())('malformed requests are refused with a 400 that says where (%s)', (backend) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let server: TestServer;
  let admin: string;

  beforeAll(async () => {
    db = await freshDatabase(backend);
    server = await TestServer.start({ database: db.config });
    admin = await server.token('admin', 'admin-secret-1', 'pb');
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  const raw = async (path: string, body: string | Uint8Array, headers: Record<string, string> = {}) => {
    const res = await fetch(`${server.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}`, ...headers }, body: typeof body === 'string' ? body : Buffer.from(body) });
    return { status: res.status, body: await res.json(), connection: res.headers.get('connection') };
  };
  const post = (path: string, body: Record<string, unknown>) => server.post(path, { RequestInfo: requestInfo(admin), ...body });
  /** The status and each error's code and path. */
  const refusal = (res: { status: number; body: any }) => [res.status, ...res.body.Errors.map((e: any) => `${e.code} ${(e.params ?? []).join(' ')}`.trim())];

  it('a null in a list the route reads, or a list of the wrong things', async () => {
    expect(refusal(await post('/collection-services/payments/_cancel', { PaymentWorkflows: [null] }))).toEqual([400, 'INVALID_REQUEST $.PaymentWorkflows[0]']);
    expect(refusal(await post('/user/users/_createnovalidate', { user: { userName: 'x1', name: 'X', type: 'EMPLOYEE', tenantId: 'pb', roles: 'GP_ADMIN' } }))).toEqual([400, 'INVALID_TYPE $.user.roles']);
    expect(refusal(await post('/user/users/_createnovalidate', { user: { userName: 'x1', name: 'X', type: 'EMPLOYEE', tenantId: 'pb', roles: [null] } }))).toEqual([400, 'INVALID_TYPE $.user.roles[0]']);
    const user = { userName: 'x1', name: 'X', type: 'EMPLOYEE', tenantId: 'pb', roles: [{ code: 'GP_ADMIN', tenantId: GP }] };
    expect(refusal(await post('/user/users/_updatenovalidate', { user: { ...user, uuid: Array.from({ length: 2000 }, () => 'u') } }))).toEqual([400, 'INVALID_TYPE $.user.uuid']);
    expect(refusal(await post('/egov-mdms-service/v1/_search', { MdmsCriteria: { tenantId: 'pb', moduleDetails: [{ moduleName: 'tenant', masterDetails: [{ name: 'tenants', filter: 5 }] }] } }))).toEqual([
      400,
      'INVALID_TYPE $.MdmsCriteria.moduleDetails[0].masterDetails[0].filter',
    ]);
    expect(refusal(await post('/egov-mdms-service/v1/_search', { MdmsCriteria: { tenantId: ['pb'], moduleDetails: {} } }))).toEqual([400, 'INVALID_TYPE $.MdmsCriteria.tenantId', 'INVALID_TYPE $.MdmsCriteria.moduleDetails']);
  });

  it("a key naming an object's prototype, anywhere: in MDMS criteria, deep in an entity, in the query", async () => {
    expect(refusal(await raw('/egov-mdms-service/v1/_search', '{"MdmsCriteria":{"tenantId":"pb","__proto__":{"tenantId":"pb.bhadson"}}}'))).toEqual([400, 'FORBIDDEN_KEY $.MdmsCriteria.__proto__']);
    expect(refusal(await raw('/vendor/v1/_create', `{"vendor":{"tenantId":"${GP}","owner":{"constructor":{"prototype":{"x":1}}}}}`))).toEqual([400, 'FORBIDDEN_KEY $.vendor.owner.constructor']);
    expect(refusal(await raw(`/vendor/v1/_search?tenantId=${GP}&__proto__=x`, '{}'))).toEqual([400, 'FORBIDDEN_KEY $.__proto__']);
    // A search parameter named after an Object method is no criterion, nor a sort key.
    expect((await raw(`/vendor/v1/_search?tenantId=${GP}&toString=x&hasOwnProperty=y`, '{}')).status).toBe(200);
    expect(refusal(await raw(`/vendor/v1/_search?tenantId=${GP}&sortBy=toString`, '{}'))).toEqual([400, 'INVALID_SORT_BY $.sortBy']);
    // A filter cannot reach a record's prototype, nor nest without end.
    const filtered = await post('/egov-mdms-service/v1/_search', { MdmsCriteria: { tenantId: 'pb', moduleDetails: [{ moduleName: 'tenant', masterDetails: [{ name: 'tenants', filter: '[?(@.constructor)]' }] }] } });
    expect(filtered.body.MdmsRes.tenant.tenants).toEqual([]);
    const deep = await post('/egov-mdms-service/v1/_search', { MdmsCriteria: { tenantId: 'pb', moduleDetails: [{ moduleName: 'tenant', masterDetails: [{ name: 'tenants', filter: `[?(${'('.repeat(5000)}@.code${')'.repeat(5000)})]` }] }] } });
    expect(refusal(deep)).toEqual([400, 'INVALID_MDMS_FILTER']);
  });

  it('nesting deeper than the limit is refused before it is parsed, whatever its size', async () => {
    for (const depth of [33, 2_000, 400_000]) {
      expect(refusal(await raw('/vendor/v1/_search', `{"tenantId":"${GP}","a":${'['.repeat(depth)}${']'.repeat(depth)}}`))).toEqual([400, 'NESTING_TOO_DEEP $']);
    }
    // Brackets inside text are text.
    expect((await raw(`/vendor/v1/_search`, `{"tenantId":"${GP}","name":"${'['.repeat(100)}\\"{"}`)).status).toBe(200);
    expect((await raw('/vendor/v1/_search', `{"tenantId":"${GP}","a":${'['.repeat(31)}${']'.repeat(31)}}`)).status).toBe(200);
  });

  it('bodies that are not a JSON object, RequestInfo that is not one, and forms that are not forms', async () => {
    expect(refusal(await raw('/vendor/v1/_search', 'not json'))).toEqual([400, 'INVALID_JSON']);
    expect(refusal(await raw('/vendor/v1/_search', '[{"tenantId":"pb.lodhipur"}]'))).toEqual([400, 'INVALID_REQUEST $']);
    expect(refusal(await raw('/vendor/v1/_search', `{"tenantId":"${GP}","RequestInfo":["x"]}`))).toEqual([400, 'INVALID_REQUEST_INFO $.RequestInfo']);
    // Bytes that are not UTF-8 read as U+FFFD, as any text decoder reads them.
    expect((await raw('/vendor/v1/_search', new Uint8Array([...Buffer.from(`{"tenantId":"${GP}","name":"`), 0xff, 0xfe, 0x22, 0x7d]))).status).toBe(200);
    const form = await fetch(`${server.baseUrl}/user/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=xyz', authorization: `Basic ${Buffer.from('egov-user-client:').toString('base64')}` },
      body: 'not a multipart body',
    });
    expect(refusal({ status: form.status, body: await form.json() })).toEqual([400, 'INVALID_FORM $']);
  });

  it('text a database cannot store: NUL, half a surrogate pair (in the body or the query)', async () => {
    expect(refusal(await raw('/vendor/v1/_create', `{"vendor":{"tenantId":"${GP}","name":"a\\u0000b"}}`))).toEqual([400, 'INVALID_TEXT $.vendor.name']);
    expect(refusal(await raw('/vendor/v1/_create', `{"vendor":{"tenantId":"${GP}","name":"x\\ud800"}}`))).toEqual([400, 'INVALID_TEXT $.vendor.name']);
    expect(refusal(await raw(`/vendor/v1/_search?tenantId=${GP}&name=%00`, '{}'))).toEqual([400, 'INVALID_TEXT $.name']);
  });

  it('numbers beyond what can be read exactly: 1e400, 2^64, long digit strings; epochs beyond a date', async () => {
    const payment = (amount: string) =>
      raw('/collection-services/payments/_create', `{"Payment":{"tenantId":"${GP}","paymentMode":"CASH","totalAmountPaid":${amount},"paymentDetails":[{"billId":"b","totalAmountPaid":${amount}}]}}`);
    for (const amount of ['1e400', '18446744073709551616', '123456789012345678901234567890']) expect(refusal(await payment(amount))).toEqual([400, 'INVALID_NUMBER $.Payment.totalAmountPaid']);
    expect(refusal(await raw(`/collection-services/payments/_search?tenantId=${GP}&fromDate=18446744073709551616`, '{}'))).toEqual([400, 'INVALID_SEARCH_CRITERIA $.fromDate']);
    expect(refusal(await raw(`/billing-service/demand/_search?tenantId=${GP}&periodFrom=abc`, '{}'))).toEqual([400, 'INVALID_SEARCH_CRITERIA $.periodFrom']);
    expect(refusal(await raw(`/vendor/v1/_search?tenantId=${GP}&offset=1e20`, '{}'))).toEqual([400, 'INVALID_PAGINATION $.offset']);
    expect(refusal(await raw(`/vendor/v1/_search?tenantId=${GP}&fromDate=1e20`, '{}'))).toEqual([400, 'INVALID_SEARCH_CRITERIA $.fromDate']);
    expect(refusal(await raw(`/ws-services/wc/_collectionReport?tenantId=${GP}&paymentStartDate=99999999999999999&paymentEndDate=1`, '{}'))).toEqual([400, 'INVALID_PARAMETER $.paymentStartDate']);
    expect(refusal(await post('/user/_search', { tenantId: 'pb', pageNumber: 'x', id: ['1', 'one'] }))).toEqual([400, 'INVALID_SEARCH_CRITERIA $.id', 'INVALID_PAGINATION $.pageNumber']);
    // A list longer than a query can carry.
    const many = Array.from({ length: 70_000 }, (_, i) => `c${i}`).join(',');
    expect(refusal(await post(`/vendor/v1/_search?tenantId=${GP}`, { ids: many }))).toEqual([400, 'INVALID_SEARCH_CRITERIA $.ids']);
    expect(refusal(await post(`/collection-services/payments/_search?tenantId=${GP}`, { consumerCodes: many }))).toEqual([400, 'INVALID_SEARCH_CRITERIA $.consumerCodes']);
    // Lenient searches (DIGIT's billing ones) fall back to their default page instead.
    expect((await raw(`/billing-service/bill/v2/_search?tenantId=${GP}&offset=1e20&limit=99999999999999999999`, '{}')).status).toBe(200);
  });

  it('a value its column cannot hold: a tap count beyond a 4-byte integer, a date no calendar has', async () => {
    const connection = (extra: Record<string, unknown>) =>
      post('/ws-services/wc/_create', {
        WaterConnection: { tenantId: GP, connectionType: 'Non_Metered', propertyType: 'RESIDENTIAL', connectionHolders: [{ name: 'Gurpreet Singh', mobileNumber: '9800000001' }], processInstance: { action: 'SUBMIT' }, ...extra },
      });
    expect(refusal(await connection({ noOfTaps: 3_000_000_000 }))).toEqual([400, 'OUT_OF_RANGE $.WaterConnection.noOfTaps']);
    expect(refusal(await connection({ previousReadingDate: -9e15, paymentType: 'arrears', arrears: 100 }))).toEqual([400, 'RULE_INVALID_TIME']);
    const long = Array.from({ length: 3_000 }, (_, i) => String.fromCharCode(0x4e00 + ((i * 7919) % 20_000))).join('');
    expect(refusal(await connection({ additionalDetails: { locality: long } }))).toEqual([400, 'INVALID_LENGTH $.WaterConnection.additionalDetails.locality']);
    // Indexed text of the engine's own tables: a demand's consumer, a process instance's business id, a sequence's name.
    const month = { taxPeriodFrom: Date.UTC(2026, 3, 1) - 5.5 * 3600_000, taxPeriodTo: Date.UTC(2026, 4, 1) - 5.5 * 3600_000 - 1 };
    const demand = await post('/billing-service/demand/_create', { Demands: [{ tenantId: GP, consumerCode: long, businessService: 'WS', ...month, demandDetails: [{ taxHeadMasterCode: '10101', taxAmount: 100 }] }] });
    expect(refusal(demand)).toEqual([400, 'INVALID_LENGTH $.Demands[0].consumerCode']);
    const endless = await post('/billing-service/demand/_create', { Demands: [{ tenantId: GP, consumerCode: 'C-1', businessService: 'WS', ...month, taxPeriodTo: 8.64e15 + 1, demandDetails: [{ taxHeadMasterCode: '10101', taxAmount: 100 }] }] });
    expect(refusal(endless)).toEqual([400, 'OUT_OF_RANGE $.Demands[0].taxPeriodTo']);
    const step = await post('/egov-workflow-v2/egov-wf/process/_transition', { ProcessInstances: [{ tenantId: GP, businessService: 'NewWS1', businessId: long, action: 'INITIATE' }] });
    expect(refusal(step)).toEqual([400, 'INVALID_LENGTH $.ProcessInstances[0].businessId']);
    expect(refusal(await post('/egov-idgen/id/_generate', { idRequests: [{ tenantId: GP, format: `X-[SEQ_${long}]` }] }))).toEqual([400, 'INVALID_LENGTH $.idRequests[0].format']);
  });

  it("an id copied from another record's child does not move that child", async () => {
    const vendor = async (name: string) =>
      (await post('/vendor/v1/_create', { vendor: { tenantId: GP, name, owner: { name: 'Ramesh', mobileNumber: '9876543210' }, drivers: [{ id: 'mine', name: `${name} driver` }] } })).body.vendor[0];
    const first = await vendor('Shiv Shakti Electricals');
    const second = await vendor('Sandhu Pump Works');
    expect(first.drivers[0].id).not.toBe('mine');
    const copied = await post('/vendor/v1/_update', { vendor: { ...second, drivers: [...second.drivers, { ...first.drivers[0], name: 'Taken' }] } });
    expect(copied.status).toBe(200);
    expect(copied.body.vendor[0].drivers[1].id).not.toBe(first.drivers[0].id);
    const again = await post(`/vendor/v1/_search?tenantId=${GP}&ids=${first.id}`, {});
    expect(again.body.vendor[0].drivers).toEqual(first.drivers);
    const twice = await post('/vendor/v1/_update', { vendor: { ...copied.body.vendor[0], drivers: [second.drivers[0], second.drivers[0]] } });
    expect(refusal(twice)).toEqual([400, 'DUPLICATE_ID $.vendor.drivers[1].id']);
  });

  it('an answer given without reading the body closes the connection, so the next request does not fail on it', async () => {
    const big = JSON.stringify({ RequestInfo: requestInfo(admin), vendor: { name: 'x'.repeat(2_000_000) } });
    for (let i = 0; i < 5; i++) {
      const tooLarge = await raw('/vendor/v1/_create', big);
      expect([tooLarge.status, tooLarge.connection]).toEqual([413, 'close']);
      const next = await raw(`/vendor/v1/_search?tenantId=${GP}`, '{}');
      expect(next.status).toBe(200);
    }
    const unknown = await fetch(`${server.baseUrl}/vendor/v1/_create`, { method: 'PUT', body: '{"a":1}' });
    expect([unknown.status, unknown.headers.get('connection')]).toEqual([404, 'close']);
  });
});
