import { validate as validateOpenApi } from '@readme/openapi-parser';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule, { type FormatsPlugin } from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../engine/clock/index.ts';
import { routeRequestSchemas } from '../engine/http/index.ts';
import { backends, definitionsWith, freshDatabase, month2026, requestInfo, TestServer, type Response } from './harness.ts';

// The published contract: /openapi.json is a valid OpenAPI 3.1 document, lists exactly the routes
// the server mounts, and tells the truth: the requests of a working day validate against its request
// schemas and every answer (errors included) against its response schemas.

const GP = 'pb.lodhipur';
const addFormats = ((addFormatsModule as unknown as { default?: FormatsPlugin }).default ?? addFormatsModule) as FormatsPlugin;

/** JSON pointer segment. */
const esc = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
/** `/a/:b/_c` as the contract writes it. */
const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

/** Validators for the document's schemas, its `$ref`s resolved within it. */
class Contract {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(readonly doc: any) {
    addFormats(this.ajv);
    this.ajv.addSchema({ ...doc, $id: 'contract' });
  }

  operation(path: string, method = 'post'): any {
    const op = this.doc.paths[openApiPath(path)]?.[method];
    if (!op) throw new Error(`the contract has no ${method.toUpperCase()} ${path}`);
    return op;
  }

  private check(pointer: string, value: unknown): string[] {
    let v = this.compiled.get(pointer);
    if (!v) {
      v = this.ajv.compile({ $ref: `contract#${pointer}` });
      this.compiled.set(pointer, v);
    }
    return v(value) ? [] : (v.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message} ${JSON.stringify(e.params)}`);
  }

  requestProblems(path: string, body: unknown, mediaType = 'application/json'): string[] {
    const op = this.operation(path);
    if (!op.requestBody) return body === undefined ? [] : ['the contract takes no body'];
    return this.check(`/paths/${esc(openApiPath(path))}/post/requestBody/content/${esc(mediaType)}/schema`, body);
  }

  responseProblems(path: string, status: number, body: unknown): string[] {
    const op = this.operation(path);
    const answer = op.responses[String(status)];
    if (!answer) return [`the contract lists no ${status} answer`];
    if (answer.$ref) return this.check(`/components/responses/${answer.$ref.split('/').pop()}/content/application~1json/schema`, body);
    return this.check(`/paths/${esc(openApiPath(path))}/post/responses/${status}/content/application~1json/schema`, body);
  }
}

describe.each(backends())('the published contract (%s)', (backend) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let server: TestServer;
  let contract: Contract;
  let token: string;
  const clock = new ManualClock(Date.UTC(2026, 10, 2, 4, 30));
  const checked = new Set<string>();

  /** Sends a request the contract must accept (or, when said, refuse), and checks the answer against the contract for its status. */
  const call = async (url: string, body: Record<string, unknown>, options: { token?: string; status?: number; query?: string; route?: string; outsideContract?: boolean } = {}): Promise<Response> => {
    const path = options.route ?? url;
    const sent = { RequestInfo: requestInfo(options.token ?? token), ...body };
    const problems = contract.requestProblems(path, sent);
    // A request the contract refuses is one the server refuses too.
    if (options.outsideContract) expect(problems, `request of ${path}`).not.toEqual([]);
    else expect(problems, `request of ${path}`).toEqual([]);
    const res = await server.post(`${url}${options.query ? `?${options.query}` : ''}`, sent);
    expect(res.status, `${url}: ${JSON.stringify(res.body)}`).toBe(options.status ?? 200);
    expect(contract.responseProblems(path, res.status, res.body), `answer of ${url}: ${JSON.stringify(res.body).slice(0, 400)}`).toEqual([]);
    checked.add(`${res.status} ${path}`);
    return res;
  };

  beforeAll(async () => {
    db = await freshDatabase(backend);
    server = await TestServer.start({ definitionsDir: definitionsWith('tests/fixtures/billing'), database: db.config, clock });
    const res = await fetch(`${server.baseUrl}/openapi.json`);
    expect(res.status).toBe(200);
    contract = new Contract(await res.json());
    token = await server.token('admin', 'admin-secret-1', 'pb');
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    expect(contract.doc.openapi).toBe('3.1.0');
    // The parser dereferences in place: give it a copy.
    const result = await validateOpenApi(structuredClone(contract.doc));
    expect(result.valid, JSON.stringify(result)).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  it('lists exactly the routes the server mounts, each POST route with its own request and answer schemas', () => {
    const mounted = server.seva.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${openApiPath(r.path)}`);
    const listed = Object.entries(contract.doc.paths).flatMap(([path, ops]) => Object.keys(ops as object).map((m) => `${m.toUpperCase()} ${path}`));
    expect(new Set(mounted).size).toBe(mounted.length);
    expect([...listed].sort()).toEqual([...mounted].sort());
    // The shipped definitions' routes are all there, the engine's and the definitions' alike.
    for (const path of ['/user/oauth/token', '/vendor/v1/_create', '/ws-services/wc/_search', '/billing-service/bill/v2/_fetchbill', '/ws-calculator/waterCalculator/_bulkDemand', '/billing-service/demand/_getAggregateDemandDetails', '/echallan-services/eChallan/v1/_expenseDashboard', '/openapi.json', '/docs']) {
      expect(listed.some((l) => l.endsWith(` ${path}`)), path).toBe(true);
    }
    for (const [path, ops] of Object.entries(contract.doc.paths as Record<string, Record<string, any>>)) {
      const post = ops.post;
      if (!post) continue;
      expect(post.description, path).not.toContain('declares no request or response schema');
      expect(post.requestBody?.content, path).toBeDefined();
      // JSON, or the plain text or bytes a route declares it answers (the feedback's sentence, a PDF).
      const ok = post.responses['200'] ?? post.responses['201'];
      expect((ok.content['application/json'] ?? ok.content['text/plain'] ?? ok.content['application/pdf'])?.schema, path).toBeDefined();
      for (const status of ['400', '401', '403', '404', '409']) expect(post.responses[status], `${path} ${status}`).toEqual({ $ref: expect.stringMatching(/^#\/components\/responses\//) });
      expect(post.security, path).toEqual(post['x-seva-access'].mode === 'public' ? expect.any(Array) : expect.arrayContaining([{ bearer: [] }]));
    }
    expect(Object.keys(contract.doc.components.securitySchemes)).toEqual(expect.arrayContaining(['bearer', 'oauth2']));
    expect(contract.operation('/user/oauth/token').security).toEqual([{ clientBasic: [] }]);
    expect(contract.operation('/ws-services/wc/_submitfeedback').responses['200'].content).toEqual({ 'text/plain': { schema: { type: 'string', const: 'Successfully submitted feedback' } } });
    // A look-up open without a token says so, and takes a token too.
    expect(contract.operation('/billing-service/bill/v2/_search').security).toEqual(expect.arrayContaining([{ bearer: [] }, {}]));
  });

  it("gives each route's request as whole JSON Schemas, for tests that build requests", () => {
    const schemas = routeRequestSchemas(server.seva.routes);
    expect(schemas.map((r) => r.path).sort()).toEqual(Object.keys(contract.doc.paths).filter((p) => contract.doc.paths[p].post).map((p) => p.replace(/\{(\w+)\}/g, ':$1')).sort());
    const ajv = new Ajv2020({ strict: false });
    addFormats(ajv);
    for (const r of schemas) {
      expect(r.body, r.path).toBeDefined();
      expect(JSON.stringify(r), r.path).not.toContain('$ref');
      expect(() => ajv.compile(r.body!), r.path).not.toThrow();
    }
    const vendor = schemas.find((r) => r.path === '/vendor/v1/_create')!;
    expect(ajv.validate(vendor.body!, { vendor: { tenantId: GP, name: 'A', owner: { name: 'B', mobileNumber: '98765' } } })).toBe(false);
  });

  it('documents services from their definitions: entity schema, search criteria as parameters, roles', () => {
    const vendor = contract.doc.components.schemas.Vendor;
    expect(vendor.properties.owner.properties.mobileNumber.pattern).toBe('^[0-9]{10}$');
    expect(vendor.required).toEqual(expect.arrayContaining(['tenantId', 'name', 'owner']));
    const search = contract.operation('/vendor/v1/_search');
    expect(search.parameters.map((p: any) => p.name)).toEqual(expect.arrayContaining(['tenantId', 'ids', 'name', 'mobileNumber', 'sortBy', 'offset', 'limit']));
    expect(search.parameters.find((p: any) => p.name === 'sortBy').schema.enum).toEqual(['createdTime', 'name']);
    expect(search['x-seva-access']).toEqual({ mode: 'roles', roles: ['EXPENSE_PROCESSING', 'GP_ADMIN', 'SARPANCH', 'SECRETARY', 'SUPERUSER'] });
    expect(search.description).toContain('Access: roles EXPENSE_PROCESSING');
    // An aggregate's answer follows its result template: the expense dashboard answers strings.
    const dashboard = contract.operation('/echallan-services/eChallan/v1/_expenseDashboard').responses['200'].content['application/json'].schema;
    expect(dashboard.properties.ExpenseDashboard.properties.totalExpenditure).toEqual({ type: 'string' });
  });

  it("a working day's requests fit the contract, and every answer is what it says", async () => {
    // Users and master data.
    const login = await server.login('admin', 'admin-secret-1', 'pb');
    expect(contract.responseProblems('/user/oauth/token', login.status, login.body)).toEqual([]);
    await call('/user/_details', {}, { query: `access_token=${token}` });
    await call('/user/_search', { tenantId: 'pb', userName: 'admin' });
    const created = await call('/user/users/_createnovalidate', { user: { userName: 'op-openapi', name: 'Operator', type: 'EMPLOYEE', tenantId: 'pb', password: 'pass-word-1', roles: [{ code: 'COLLECTION_OPERATOR', tenantId: GP }] } });
    await call('/user/users/_updatenovalidate', { user: { ...created.body.user[0], name: 'Operator Two' } });
    await call('/egov-mdms-service/v1/_search', { MdmsCriteria: { tenantId: GP, moduleDetails: [{ moduleName: 'tenant', masterDetails: [{ name: 'tenants' }] }] } });
    await call('/egov-idgen/id/_generate', { idRequests: [{ tenantId: GP, format: 'OA-[SEQ_OPENAPI_TEST]', count: 2 }] });

    // A service: vendors.
    const vendor = { tenantId: GP, name: 'Shiv Shakti Electricals', owner: { name: 'Ramesh Kumar', mobileNumber: '9876543210' }, address: { city: 'Lodhipur' } };
    const made = await call('/vendor/v1/_create', { vendor });
    await call('/vendor/v1/_update', { vendor: { ...made.body.vendor[0], description: 'Pump repairs' } });
    await call('/vendor/v1/_search', { tenantId: GP, name: 'shiv' });
    await call('/vendor/v1/_search', { criteria: { tenantId: GP, status: 'ACTIVE' }, sortBy: 'name', limit: 5 });
    // Searches with counts and the page they answered.
    const register = await call('/ws-services/wc/_search', { tenantId: GP, isCollectionCount: true, isPropertyCount: true });
    expect(register.body).toMatchObject({ collectionDataCount: expect.any(Object), propertyCount: expect.any(Object), Pagination: expect.any(Object) });
    await call('/echallan-services/eChallan/v1/_search', { tenantId: GP, isBillCount: true });

    // Billing and collection.
    const demand = (m: number) => ({ tenantId: GP, consumerCode: 'OA-1', consumerType: 'waterConnection', businessService: 'TESTSVC', payer: { name: 'Harjit Kaur' }, ...month2026(m), demandDetails: [{ taxHeadMasterCode: 'TESTSVC_CHARGE', taxAmount: '120.50' }] });
    const demands = await call('/billing-service/demand/_create', { Demands: [demand(8), demand(9)] });
    await call('/billing-service/demand/_search', { tenantId: GP, consumerCode: 'OA-1' });
    await call('/billing-service/demand/_update', { Demands: [{ ...demands.body.Demands[1], demandDetails: [{ ...demands.body.Demands[1].demandDetails[0], taxAmount: 130 }] }] });
    await call('/billing-service/demand/_history', { tenantId: GP, demandId: demands.body.Demands[1].id });
    const bill = (await call('/billing-service/bill/v2/_fetchbill', { tenantId: GP, consumerCode: 'OA-1', businessService: 'TESTSVC' })).body.Bill[0];
    await call('/billing-service/bill/v2/_search', { tenantId: GP, consumerCode: 'OA-1' });
    const paid = await call('/collection-services/payments/_create', {
      Payment: { tenantId: GP, paymentMode: 'CASH', paidBy: 'Harjit Kaur', mobileNumber: '9876500001', totalAmountPaid: 100, paymentDetails: [{ businessService: 'TESTSVC', billId: bill.id, totalAmountPaid: 100 }] },
    });
    await call('/collection-services/payments/_search', { tenantId: GP, consumerCodes: 'OA-1' });
    await call('/collection-services/payments/TESTSVC/_search', { tenantId: GP }, { route: '/collection-services/payments/:businessService/_search' });
    await call('/collection-services/payments/_cancel', { PaymentWorkflows: [{ paymentId: paid.body.Payments[0].id, action: 'CANCEL', tenantId: GP, reason: 'wrong consumer' }] });
    await call('/pg-service/transaction/v1/_search', { tenantId: GP });

    // Workflow, batches, summaries and aggregates.
    await call('/egov-workflow-v2/egov-wf/businessservice/_search', { tenantId: GP, businessServices: 'NewWS1' });
    await call('/egov-workflow-v2/egov-wf/process/_search', { tenantId: GP });
    await call('/egov-workflow-v2/egov-wf/process/_count', { tenantId: GP });
    await call('/seva/batch/v1/runs/_search', { tenantId: GP });
    await call('/billing-service/demand/_getAggregateDemandDetails', { tenantId: GP, consumerCode: 'OA-1' });
    await call('/echallan-services/eChallan/v1/_expenseDashboard', { tenantId: GP, fromDate: '01/04/2026', toDate: '31/03/2027' });
    await call('/ws-services/wc/_collectionReport', { tenantId: GP, paymentStartDate: Date.UTC(2026, 3, 1), paymentEndDate: Date.UTC(2027, 2, 31) });
    await call('/ws-services/wc/_revenueCollectionData', { tenantId: GP, fromDate: Date.UTC(2026, 3, 1), toDate: Date.UTC(2026, 10, 1) });

    // Errors: each in the one error shape the contract gives.
    const unknownField = await call('/vendor/v1/_create', { vendor: { ...vendor, name: 'Another', colour: 'blue' } }, { status: 400, outsideContract: true });
    expect(unknownField.body.Errors[0].params).toEqual(['$.vendor.colour']);
    await call('/vendor/v1/_create', { vendor }, { status: 409 });
    await call('/vendor/v1/_search', { tenantId: GP }, { token: 'not-a-token', status: 401 });
    const operator = await server.token('op-openapi', 'pass-word-1', 'pb');
    await call('/vendor/v1/_search', { tenantId: GP }, { token: operator, status: 403 });
    await call('/billing-service/demand/_history', { tenantId: GP }, { status: 400 });

    expect(new Set([...checked].map((c) => c.split(' ')[0]))).toEqual(new Set(['200', '400', '401', '403', '409']));
  });

  it('GET / points to /docs and /openapi.json; /docs is a page whose assets come from this server only', async () => {
    const root = await fetch(`${server.baseUrl}/`);
    expect(root.status).toBe(200);
    expect(await root.json()).toMatchObject({ docs: '/docs', openapi: '/openapi.json' });
    const page = await fetch(`${server.baseUrl}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(3);
    for (const asset of assets) {
      expect(asset.startsWith('/docs/'), asset).toBe(true);
      const res = await fetch(`${server.baseUrl}${asset}`);
      expect(res.status, asset).toBe(200);
      expect((await res.arrayBuffer()).byteLength, asset).toBeGreaterThan(100);
    }
    const outside = await fetch(`${server.baseUrl}/docs/package.json`);
    expect(outside.status).toBe(404);
    expect((await outside.json()).Errors[0].code).toBe('NOT_FOUND');
  });
});
