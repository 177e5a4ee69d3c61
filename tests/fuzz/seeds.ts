import fc from 'fast-check';
import type { Registry } from '../../engine/definitions/index.ts';
import { valuesOf, type Overlay } from './schema-values.ts';
import { Late, type FuzzRequest, type TokenChoice } from './request.ts';
import { hrmsEmployee, type World } from './world.ts';

/** A valid request for a route, before mutation. */
export interface Seed {
  method?: string;
  path?: string;
  body: Record<string, unknown>;
  query?: [string, string][];
  encoding?: 'json' | 'form';
  /** A body sent as it is (a multipart upload), with its content type. */
  rawBody?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** Who calls: by default the fuzz picks a user that may call the route. */
  token?: TokenChoice;
  consumesToken?: boolean;
}

const FUZZ_BOUNDARY = 'fuzz-boundary-7d1c';
const multipart = (tenantId: string) =>
  [
    `--${FUZZ_BOUNDARY}\r\nContent-Disposition: form-data; name="tenantId"\r\n\r\n${tenantId}`,
    `--${FUZZ_BOUNDARY}\r\nContent-Disposition: form-data; name="module"\r\n\r\nmgramseva`,
    `--${FUZZ_BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="fuzz.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    `--${FUZZ_BOUNDARY}--\r\n`,
  ].join('\r\n');

type SeedOf = (w: World) => Seed | fc.Arbitrary<Seed>;

const page = (w: World, extra: Record<string, unknown> = {}): Seed => ({ body: { tenantId: w.gp, ...extra } });
const inQuery = (w: World, query: Record<string, string>): Seed => ({ body: {}, query: Object.entries({ tenantId: w.gp, ...query }) });

/**
 * The engine's own routes that take a body: one valid request each. A POST route served without an
 * entry here (or a definition to derive one from) fails the fuzz test: add its seed. When routes
 * declare their request schemas (OpenAPI), seeds can come from those instead (see valuesOf).
 */
export const engineSeeds: Record<string, SeedOf> = {
  // The docs page's assets, and names that are none (a path outside the folder, a NUL, a long one).
  // The app's body: a bare {url}, no RequestInfo.
  '/eus/shortener': (w) => fc.constantFrom(`https://example.in/bill?tenantId=${w.gp}`, 'https://example.in/receipt').map((url) => ({ body: { url } })),
  '/eus/:id': (w) => fc.constantFrom(w.shortLinkId, 'nosuchlink', '..%2F..', 'x'.repeat(300)).map((id) => ({ method: 'GET', path: `/eus/${id}`, body: {} })),
  '/docs/:file': () => fc.constantFrom('init.js', 'swagger-ui.css', 'favicon-16x16.png', '..%2F..%2Fpackage.json', '%00', 'x'.repeat(300)).map((file) => ({ method: 'GET', path: `/docs/${file}`, body: {} })),
  '/user/oauth/token': () => ({
    encoding: 'form',
    token: 'none',
    headers: { authorization: `Basic ${Buffer.from('egov-user-client:').toString('base64')}` },
    body: { username: 'fuzz-editable', password: 'pass-word-1', tenantId: 'pb', userType: 'EMPLOYEE', grant_type: 'password', scope: 'read' },
  }),
  '/user/_details': () => ({ body: {} }),
  '/filestore/v1/files/url': (w) => ({ method: 'GET', body: {}, query: [['tenantId', w.gp], ['fileStoreIds', `${w.file.id},unknown-id`]] }),
  '/filestore/v1/files/id': (w) => ({ method: 'GET', body: {}, query: [['tenantId', w.gp], ['fileStoreId', w.file.id]] }),
  '/filestore/v1/files/signed': (w) => ({ method: 'GET', body: {}, token: 'none', query: w.file.link }),
  // A multipart upload of a small PDF (an ASCII file, so the body can be written as text).
  '/filestore/v1/files': (w) => ({ body: {}, contentType: `multipart/form-data; boundary=${FUZZ_BOUNDARY}`, rawBody: multipart(w.gp) }),
  // As the app asks: a key and tenant in the query, the entities in the body, with a token or without.
  '/pdf-service/v1/_create': (w) =>
    fc.record({ key: fc.constantFrom('ws-bill', 'ws-bill-nm', 'ws-bill-v2'), anonymous: fc.boolean() }).map(({ key, anonymous }) => ({
      body: key === 'ws-bill-v2' ? { BillAndDemand: { Bill: [w.bill], AggregatedDemands: {} } } : { Bill: [w.bill] },
      query: [['key', key], ['tenantId', w.gp]],
      ...(anonymous ? { token: 'none' as const } : {}),
    })),
  '/pdf-service/v1/_createnosave': (w) => ({ body: { Payments: [w.payment] }, query: [['key', 'ws-receipt-nm'], ['tenantId', w.gp]] }),
  '/pdf-service/v1/_search': (w) => ({ body: {}, query: [['tenantid', w.gp], ['jobid', w.pdfJobId]] }),
  '/user/_logout': () => ({ body: {}, consumesToken: true }),
  '/user/users/_createnovalidate': (w) =>
    fc.record({ n: fc.integer({ min: 1, max: 1e9 }), role: fc.constantFrom('COLLECTION_OPERATOR', 'GP_ADMIN', 'EXPENSE_PROCESSING') }).map(({ n, role }) => ({
      body: { user: { userName: `fuzz-${n}`, name: 'Fuzz User', mobileNumber: '9888000001', type: 'EMPLOYEE', tenantId: w.state, password: 'pass-word-1', gender: 'FEMALE', roles: [{ code: role, tenantId: w.gp }] } },
    })),
  '/user/users/_updatenovalidate': (w) => ({ body: { user: { ...w.editableUser, name: 'Edited Name' } } }),
  '/user/profile/_update': () => ({ body: { user: { name: 'Fuzz Profile', emailId: 'fuzz@example.org', gender: 'FEMALE', dob: '1990-04-01', photo: 'file-1' } } }),
  // The same password again: the seed stays good for every sample (a changed one would not be).
  '/user/password/_update': (w) => ({ token: 'none', headers: { authorization: `Bearer ${w.passwordUserToken}` }, body: { existingPassword: 'Fuzz@Pass1', newPassword: 'Fuzz@Pass1', tenantId: 'pb', type: 'EMPLOYEE' } }),
  '/user/password/nologin/_update': () => ({ token: 'none', body: { otpReference: new Late('resetOtp'), userName: 'fuzz-reset', newPassword: 'Reset@Pass1', tenantId: 'pb', type: 'EMPLOYEE' } }),
  '/user-otp/v1/_send': (w) => fc.integer({ min: 6000000000, max: 6999999999 }).map((n) => ({ token: 'none', body: { otp: { mobileNumber: String(n), tenantId: w.state, type: 'register', userType: 'CITIZEN', locale: 'en_IN' } } })),
  '/user/citizen/_create': (w) => ({ token: 'none', body: { user: { userName: '9888000012', name: 'Fuzz Citizen', otpReference: new Late('registerOtp'), tenantId: w.gp, gender: 'MALE' } } }),
  '/seva/sms/v1/_search': (w) => ({ token: 'admin', body: { recipient: '9888000011', tenantId: w.state, limit: 5 } }),
  '/user/_search': (w) => ({ body: { tenantId: w.state, userName: 'fuzz-editable', pageSize: 10, pageNumber: 0, roleCodes: ['COLLECTION_OPERATOR'] } }),
  '/egov-hrms/employees/_create': (w) =>
    fc.integer({ min: 1, max: 1e9 }).map((n) => ({ body: { Employees: [hrmsEmployee(w.gp, `7${String(n).padStart(9, '0')}`, Date.now(), `FUZZ-${n}`)] } })),
  '/egov-hrms/employees/_update': (w) => ({ body: { Employees: [{ ...w.editableEmployee, employeeStatus: 'EMPLOYED' }] } }),
  '/egov-hrms/employees/_search': (w) => inQuery(w, { codes: String(w.editableEmployee.code), phone: '9888000010', roles: 'COLLECTION_OPERATOR', departments: 'DEPT_WATER_SUPPLY', isActive: 'true', offset: '0', limit: '10' }),
  '/egov-hrms/employees/_count': (w) => inQuery(w, {}),
  '/egov-hrms/employees/v1/_count': (w) => inQuery(w, { roles: 'COLLECTION_OPERATOR', isStateLevelSearch: 'false' }),
  '/egov-mdms-service/v1/_search': (w) => ({
    body: {
      MdmsCriteria: {
        tenantId: w.gp,
        moduleDetails: [
          { moduleName: 'ws-services-calculation', masterDetails: [{ name: 'WCBillingSlab', filter: "[?(@.buildingType=='RESIDENTIAL')]" }] },
          { moduleName: 'tenant', masterDetails: [{ name: 'tenants', filter: '[*].code' }] },
        ],
      },
    },
  }),
  '/mdms-v2/v1/_search': (w) => ({ body: { MdmsCriteria: { tenantId: w.state, moduleDetails: [{ moduleName: 'common-masters', masterDetails: [{ name: 'IdFormat' }] }] } } }),
  '/localization/messages/v1/_search': (w) => ({ body: {}, query: [['tenantId', w.state], ['locale', 'hi_IN'], ['module', 'mgramseva-common,seva-errors'], ['codes', 'CORE_COMMON_SAVE']] }),
  '/localization/messages/v1/_upsert': (w) => ({ body: { tenantId: w.gp, messages: [{ code: 'FUZZ_LABEL', message: 'फ़ज़', module: 'mgramseva-common', locale: 'hi_IN' }] } }),
  '/localization/messages/v1/_delete': (w) => ({ body: { tenantId: w.gp, messages: [{ code: 'FUZZ_LABEL', module: 'mgramseva-common', locale: 'hi_IN' }] } }),
  // The app's body here is a bare RequestInfo; the criteria are in the query.
  '/egov-location/location/v11/boundarys/_search': (w) =>
    fc.constantFrom<[string, string][]>([['hierarchyTypeCode', 'REVENUE'], ['boundaryType', 'Locality']], [['boundaryType', 'locality'], ['codes', 'WARD1,WARD3']], [['codes', 'WARD2']], []).map((extra) => ({
      body: { apiId: 'mgramseva', ver: 1, action: '_search', msgId: '20170310130900|en_IN', authToken: null, userInfo: null },
      query: [['tenantId', w.gp], ...extra],
    })),
  '/boundary-service/boundary-relationships/_search': (w) =>
    fc.constantFrom<[string, string][]>([], [['boundaryType', 'Locality']], [['codes', 'WARD2'], ['includeParents', 'true']], [['includeChildren', 'true']]).map((extra) => ({
      body: {},
      query: [['tenantId', w.gp], ['hierarchyType', 'REVENUE'], ...extra],
    })),
  '/egov-idgen/id/_generate': (w) => ({ body: { idRequests: [{ tenantId: w.gp, idName: 'waterservice.connection.id', count: 2 }, { tenantId: w.gp, format: 'FZ-[SEQ_FUZZ]' }] } }),
  '/egov-workflow-v2/egov-wf/process/_transition': (w) => ({
    body: { ProcessInstances: [{ tenantId: w.gp, businessService: 'WSDirect', businessId: w.otherConnectionNo, moduleName: 'ws-services', action: 'DEACTIVATE', comment: 'fuzz' }] },
  }),
  '/egov-workflow-v2/egov-wf/process/_search': (w) => inQuery(w, { businessIds: w.connectionNo, history: 'true' }),
  '/egov-workflow-v2/egov-wf/process/_count': (w) => inQuery(w, { businessService: 'WSDirect' }),
  '/egov-workflow-v2/egov-wf/businessservice/_search': (w) => inQuery(w, { businessServices: 'WSDirect' }),
  '/billing-service/demand/_create': (w) => ({
    body: {
      Demands: [
        {
          tenantId: w.gp,
          consumerCode: w.connectionNo,
          consumerType: 'waterConnection',
          businessService: 'WS',
          taxPeriodFrom: w.lastMonth.from,
          taxPeriodTo: w.lastMonth.to,
          payer: { name: 'Gurpreet Singh', mobileNumber: '9800000001' },
          demandDetails: [{ taxHeadMasterCode: '10101', taxAmount: 100, collectionAmount: 0 }],
        },
      ],
    },
  }),
  '/billing-service/demand/_update': (w) => ({ body: { Demands: [{ id: w.demandId, tenantId: w.gp, consumerCode: w.connectionNo, consumerType: 'waterConnection-arrears', businessService: 'WS', taxPeriodFrom: w.lastMonth.from, taxPeriodTo: w.lastMonth.to, demandDetails: [{ taxHeadMasterCode: '10102', taxAmount: 450 }] }] } }),
  '/billing-service/demand/_search': (w) => inQuery(w, { consumerCode: w.connectionNo, businessService: 'WS', status: 'ACTIVE' }),
  '/billing-service/demand/_history': (w) => inQuery(w, { demandId: w.demandId }),
  '/billing-service/bill/v2/_fetchbill': (w) => inQuery(w, { consumerCode: w.connectionNo, businessService: 'WS' }),
  '/billing-service/bill/v2/_search': (w) => inQuery(w, { consumerCode: w.connectionNo, service: 'WS' }),
  '/collection-services/payments/_create': (w) => ({
    body: { Payment: { tenantId: w.gp, paymentMode: 'CASH', totalAmountPaid: 10, paidBy: 'Gurpreet Singh', mobileNumber: '9800000001', paymentDetails: [{ businessService: 'WS', billId: new Late('currentBillId'), totalAmountPaid: 10 }] } },
  }),
  '/collection-services/payments/_search': (w) => inQuery(w, { consumerCodes: w.connectionNo }),
  '/collection-services/payments/:businessService/_search': (w) => ({ ...inQuery(w, { consumerCodes: w.connectionNo }), path: '/collection-services/payments/WS/_search' }),
  '/collection-services/payments/_workflow': (w) => ({ body: { PaymentWorkflows: [{ paymentId: w.cancellablePaymentId, action: 'CANCEL', tenantId: w.gp, reason: 'fuzz' }] } }),
  '/collection-services/payments/_cancel': (w) => ({ body: { PaymentWorkflows: [{ paymentId: w.cancellablePaymentId, action: 'CANCEL', tenantId: w.gp, reason: 'fuzz' }] } }),
  '/pg-service/transaction/v1/_create': (w) => ({
    body: { Transaction: { tenantId: w.gp, txnAmount: '20.00', module: 'WS', billId: new Late('currentBillId'), gateway: 'TESTPAY', callbackUrl: 'https://app.example/pay', user: { name: 'Gurpreet Singh', mobileNumber: '9800000001' } } },
  }),
  '/pg-service/transaction/v1/_update': (w) => ({ body: {}, query: w.callback }),
  '/pg-service/transaction/v1/_search': (w) => inQuery(w, { consumerCode: w.connectionNo }),
  '/seva/batch/v1/runs/_search': (w) => page(w, { batch: 'ws-bulk-demand', limit: 5 }),
};

/**
 * Values the definitions' own rules need that a schema cannot say (a property type of the GP, a
 * real vendor), by definition name and field path: without them a seed is refused by a rule
 * before the fuzz gets deeper.
 */
const overlays: Record<string, (w: World) => Overlay> = {
  property: (w) => ({ tenantId: w.gp, propertyType: 'RESIDENTIAL', 'address.locality.code': 'WARD1' }),
  'water-connection': (w) => ({ tenantId: w.gp, processInstance: { action: 'SUBMIT' }, propertyType: 'RESIDENTIAL', connectionType: 'Non_Metered', 'additionalDetails.locality': 'WARD2', propertyId: undefined, paymentType: undefined, arrears: undefined, penalty: undefined, advance: undefined, previousReadingDate: undefined, meterId: undefined, oldConnectionNo: undefined }),
  'meter-reading': (w) => ({ tenantId: w.gp, connectionNo: w.meteredConnectionNo, billingPeriod: w.lastMonth.text, currentReadingDate: w.lastMonth.to, lastReadingDate: undefined }),
  vendor: (w) => ({ tenantId: w.gp, 'address.locality.code': 'WARD1' }),
  echallan: (w) => ({
    tenantId: w.gp,
    typeOfExpense: 'ELECTRICITY_BILL',
    vendor: w.vendorId,
    billDate: w.lastMonth.to,
    billIssuedDate: w.lastMonth.from,
    taxPeriodFrom: undefined,
    taxPeriodTo: undefined,
    paidDate: undefined,
    isBillPaid: false,
    applicationStatus: undefined,
    'amount.taxHeadCode': 'EXPENSE.ELECTRICITY_BILL',
  }),
  'ws-feedback': (w) => ({
    tenantId: w.gp,
    connectionNo: w.connectionNo,
    paymentId: w.paymentId,
    billingCycle: undefined,
    additionalDetails: { CheckList: ['HAPPY_WATER_SUPPLY', 'WATER_QUALITY_GOOD', 'WATER_SUPPLY_REGULAR'].map((code) => ({ code, type: 'SINGLE_SELECT', value: '4' })) },
  }),
  'ws-bulk-demand': (w) => ({ tenantId: w.gp, billingPeriod: w.lastMonth.text }),
  'ws-ledger-report': (w) => ({ consumercode: w.connectionNo, year: w.financialYear }),
};

/** Overlay paths set to undefined leave the field out. */
function dropUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropUndefined);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, dropUndefined(v)]));
  return value;
}

const tenantOnly = (w: World): Overlay => ({ tenantId: w.gp });

/** A seed for a search criterion's value: a known code, a word, a number or a list. */
const criterionValue = (w: World) => fc.oneof(fc.constantFrom(w.connectionNo, w.vendorId, w.challanNo, 'ACTIVE', 'Fuzz', '9800000001'), fc.string({ maxLength: 8 }), fc.integer({ min: 0, max: w.lastMonth.to }).map(String));

/** A value of an aggregate parameter's type, as a query string carries it. */
function paramValue(type: string, w: World): fc.Arbitrary<string> {
  switch (type) {
    case 'date':
      return fc.constantFrom(String(w.lastMonth.from), String(w.lastMonth.to), w.lastMonth.text.slice(0, 10));
    case 'integer':
    case 'number':
      return fc.integer({ min: 0, max: 100 }).map(String);
    case 'boolean':
      return fc.constantFrom('true', 'false');
    default:
      return fc.constantFrom(w.connectionNo, 'ACTIVE', 'ELECTRICITY_BILL', 'WARD3');
  }
}

/**
 * Seeds of the routes the definitions declare: a service's create (values its entity schema
 * admits), update (a record it made, when `made` has one) and search (its criteria); a batch's
 * params (its schema); a summary's consumer; an aggregate's params (their types).
 */
export function definitionSeeds(registry: Registry, w: World, made: Map<string, Record<string, unknown>>): Map<string, fc.Arbitrary<Seed>> {
  const seeds = new Map<string, fc.Arbitrary<Seed>>();
  for (const svc of registry.services) {
    const overlay = (overlays[svc.service] ?? tenantOnly)(w);
    const entity = valuesOf(svc.entity.schema as Record<string, unknown>, overlay).map(dropUndefined);
    const key = svc.entity.requestKey;
    const path = (action: 'create' | 'update' | 'search', fallback: string) => `${svc.basePath}${svc.endpoints[action]?.path ?? fallback}`;
    if (svc.endpoints.create) seeds.set(path('create', '/_create'), entity.map((e) => ({ body: { [key]: e } })));
    if (svc.endpoints.update) {
      // A record the create seed made, once it has made one (looked up as each request is generated).
      const update = fc.constant(svc.service).chain((name) => {
        const record = made.get(name);
        return record ? fc.constant(record) : entity;
      });
      seeds.set(path('update', '/_update'), update.map((e) => ({ body: { [key]: e } })));
    }
    if (svc.endpoints.search) {
      const names = Object.keys(svc.search.criteria);
      const criteria = names.length > 0 ? fc.dictionary(fc.constantFrom(...names), criterionValue(w), { maxKeys: 2 }) : fc.constant({});
      seeds.set(
        path('search', '/_search'),
        fc.tuple(criteria, fc.boolean()).map(([c, asQuery]) => (asQuery ? { body: {}, query: Object.entries({ tenantId: w.gp, ...c }) } : { body: { tenantId: w.gp, ...c } })),
      );
    }
  }
  for (const svc of registry.services) {
    // Named searches (fuzzy, plain, demand-not-generated): what they require, and some of what they take.
    for (const named of svc.searches ?? []) {
      const names = [...Object.keys(named.criteria ?? {}), ...(named.use ?? [])];
      const required = [...(named.require ?? []), ...(named.requireAny ? [named.requireAny[0]!] : [])];
      const given = fc.tuple(
        fc.tuple(...required.map((n) => criterionValue(w).map((v) => [n, v] as const))),
        names.length > 0 ? fc.dictionary(fc.constantFrom(...names), criterionValue(w), { maxKeys: 2 }) : fc.constant({}),
      );
      seeds.set(
        `${svc.basePath}${named.path}`,
        fc.tuple(given, fc.boolean()).map(([[must, some], asQuery]) => {
          const criteria = { ...some, ...Object.fromEntries(must) };
          return asQuery ? { body: {}, query: Object.entries({ tenantId: w.gp, ...criteria }).map(([k, v]) => [k, String(v)] as [string, string]) } : { body: { tenantId: w.gp, ...criteria } };
        }),
      );
    }
  }
  for (const batch of registry.batches) {
    const overlay = (overlays[batch.batch] ?? tenantOnly)(w);
    seeds.set(batch.path, valuesOf(batch.params as Record<string, unknown>, overlay).map((p) => ({ body: p as Record<string, unknown> })));
  }
  for (const summary of registry.summaries) seeds.set(summary.path, fc.constant({ body: {}, query: [['tenantId', w.gp], ['consumerCode', w.connectionNo]] }));
  for (const { estimate } of registry.adjustments) {
    if (estimate) seeds.set(estimate.path, fc.constant({ body: { GetBillCriteria: { tenantId: w.gp, consumerCodes: [w.connectionNo] } }, query: [['tenantId', w.gp], ['consumerCodes', w.connectionNo]] }));
  }
  for (const aggregate of registry.aggregates) {
    const overlay = overlays[aggregate.aggregate]?.(w) ?? {};
    const params = Object.entries(aggregate.params ?? {}).map(([name, def]) =>
      fc.tuple(fc.constant(name), name in overlay ? fc.constant(String(overlay[name])) : paramValue(def.type, w), fc.boolean()).map(([n, v, keep]) => (def.required || keep ? ([n, v] as [string, string]) : undefined)),
    );
    seeds.set(
      aggregate.path,
      fc.tuple(fc.tuple(...params), fc.boolean()).map(([given, asQuery]) => {
        const pairs: [string, string][] = [['tenantId', w.gp], ...given.filter((p): p is [string, string] => p !== undefined)];
        return asQuery ? { body: {}, query: pairs } : { body: Object.fromEntries(pairs) };
      }),
    );
  }
  return seeds;
}

/** Keeps what an accepted create answered, for the update seed of its service. */
export function rememberMade(registry: Registry, made: Map<string, Record<string, unknown>>, route: string, answer: string): void {
  for (const svc of registry.services) {
    if (!svc.endpoints.create || `${svc.basePath}${svc.endpoints.create.path ?? '/_create'}` !== route) continue;
    // A create may answer plain text, as DIGIT's feedback does: nothing to remember then.
    const parsed = answer.trimStart().startsWith('{') ? (JSON.parse(answer) as Record<string, unknown[]>) : {};
    const record = parsed[svc.entity.responseKey]?.[0] as Record<string, unknown> | undefined;
    // What the schema declares (and the standard fields): an answer may carry more (the workflow step taken).
    const declared = new Set(['id', 'tenantId', 'auditDetails', ...Object.keys((svc.entity.schema as { properties?: object }).properties ?? {})]);
    if (record && typeof record === 'object') made.set(svc.service, Object.fromEntries(Object.entries(record).filter(([k]) => declared.has(k))));
  }
}

/** A seed as the request the mutations start from: the staff of the seed's GP calling, token in the header. */
export function requestOf(route: string, seed: Seed): FuzzRequest {
  return {
    route,
    method: seed.method ?? 'POST',
    path: seed.path ?? route,
    query: seed.query ?? [],
    body: seed.encoding === 'form' || seed.method === 'GET' ? seed.body : { RequestInfo: { apiId: 'mgramseva', ver: '1.0', msgId: 'fuzz|en_IN' }, ...seed.body },
    encoding: seed.encoding ?? 'json',
    ...(seed.rawBody !== undefined ? { rawBody: seed.rawBody, contentType: seed.contentType } : {}),
    headers: seed.headers ?? {},
    token: seed.token ?? 'admin',
    tokenPlace: 'header',
    consumesToken: seed.consumesToken,
    notes: [],
  };
}
