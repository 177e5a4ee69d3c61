import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../harness.ts';
import { appRequestInfo, expectModel, expectOk } from './app-client.ts';
import { list, nonEmptyList, obj, opt } from './expect-model.ts';
import { GP, LOGIN_HEADERS, loginForm, openDay, SECRETARY, STATE, type Day } from './day.ts';
import * as M from './models.ts';

/**
 * The app's start of day against Seva, in its exact shapes: the state and master data it loads
 * at start-up (services/mdms.dart bodies, `mdms-v2/v1/_search`, no token), the login, the user's
 * own record, the GP picker's tenants, the localities, and at the end the logout.
 */
describe.each(backends())('the app starts its day (%s)', (backend) => {
  let day: Day;
  beforeAll(async () => {
    day = await openDay(backend);
  });
  afterAll(async () => {
    await day?.close();
  });

  /** core_repo.dart getMdms / getPaymentTypeMDMS: the RequestInfo carries an empty token. */
  const mdms = (body: Record<string, unknown>) => day.app.post('mdms-v2/v1/_search', { body, requestInfo: appRequestInfo('_search', '') });
  const masters = (res: { body: any }, module: string) => res.body?.MdmsRes?.[module] ?? {};

  it('state info and app version: services/mdms.dart initRequestBody at the state (select_language.dart, main.dart)', async () => {
    const res = await mdms({
      MdmsCriteria: {
        tenantId: STATE,
        moduleDetails: [
          { moduleName: 'common-masters', masterDetails: [{ name: 'Department' }, { name: 'Designation' }, { name: 'StateInfo' }, { name: 'wfSlaConfig' }, { name: 'AppVersion' }] },
          { moduleName: 'tenant', masterDetails: [{ name: 'tenants' }, { name: 'citymodule' }] },
          { moduleName: 'DIGIT-UI', masterDetails: [{ name: 'ApiCachingSettings' }] },
        ],
      },
    });
    expectOk(res);
    // language.dart: `commonMasters?.stateInfo?.first`, its `languages.first`; common_provider.dart: `appVersion!.first`.
    expectModel(res.body, obj({ MdmsRes: obj({ 'common-masters': obj({ StateInfo: nonEmptyList(M.StateInfo), AppVersion: nonEmptyList(M.AppVersion) }), tenant: obj({ tenants: nonEmptyList(M.Tenants) }) }) }));
    const stateInfo = masters(res, 'common-masters').StateInfo[0];
    expect(stateInfo.code).toBe(STATE);
    expect(stateInfo.languages.map((l: any) => l.value)).toEqual(expect.arrayContaining(['en_IN', 'hi_IN', 'pn_IN']));
    for (const url of ['logoUrl', 'bannerUrl']) expect(stateInfo[url], url).toMatch(/^https?:\/\//);
  });

  /** The modules common_provider.dart getLocalizationLabels asks for, in its one request. */
  const APP_MODULES = 'mgramseva-common,mgramseva-consumer,mgramseva-expenses,mgramseva-water-connection,mgramseva-bill,mgramseva-payments,mgramseva-dashboard,mgramseva-feedback';

  it.each(['en_IN', 'hi_IN', 'pn_IN'])('the labels in %s: localization/messages/v1/_search with the criteria in the query (core_repo.dart getLocilisation)', async (locale) => {
    const res = await day.app.post('localization/messages/v1/_search', { query: { module: APP_MODULES, locale, tenantId: STATE }, requestInfo: appRequestInfo('_search', '') });
    expectOk(res);
    // core_repo.dart: `res['messages'].map(LocalizationLabel.fromJson)`.
    expectModel(res.body, obj({ messages: nonEmptyList(M.LocalizationLabel) }));
    const byCode = new Map(res.body.messages.map((m: any) => [m.code, m]));
    // Labels of the login screen, the home screen and the collect-payment screen, each in the language asked for.
    for (const code of ['CORE_COMMON_LOGIN', 'CORE_COMMON_HOME', 'COLLECT_PAYMENT', 'CONSUMER_DETAILS_LABEL', 'CORE_EXPENSE_VENDOR_NAME', 'DASHBOARD', 'HELP_US_HELP_YOU']) {
      expect(byCode.get(code), `${locale} ${code}`).toMatchObject({ locale });
    }
    expect(new Set(res.body.messages.map((m: any) => m.module))).toEqual(new Set(APP_MODULES.split(',')));
    const login = (byCode.get('CORE_COMMON_LOGIN') as any).message;
    expect(login).toMatch(locale === 'hi_IN' ? /[\u0900-\u097F]/ : locale === 'pn_IN' ? /[\u0A00-\u0A7F]/ : /^[A-Za-z ]+$/);
  });

  let login: any;
  it('login: user/oauth/token form-encoded with the Basic client header (authentication_provider.dart validateLogin)', async () => {
    const res = await day.app.post('user/oauth/token', { form: loginForm(SECRETARY.userName, SECRETARY.password), headers: LOGIN_HEADERS });
    expectOk(res);
    expectModel(res.body, M.UserDetails);
    login = res.body;
    expect(login.UserRequest).toMatchObject({ tenantId: STATE, mobileNumber: SECRETARY.mobileNumber });
    expect(login.UserRequest.roles.map((r: any) => `${r.code}@${r.tenantId}`)).toEqual(expect.arrayContaining(SECRETARY.roles.map((code) => `${code}@${GP}`)));
  });

  it("own user record right after login: user/_search at the user's tenant (authentication_repo.dart getProfile)", async () => {
    const user = login?.UserRequest ?? { tenantId: STATE, id: null, mobileNumber: SECRETARY.mobileNumber };
    const res = await day.app.post('user/_search', {
      body: { tenantId: user.tenantId, id: [user.id], mobileNumber: user.mobileNumber },
      requestInfo: appRequestInfo('POST', login?.access_token ?? day.token),
    });
    expectOk(res);
    // authentication_provider.dart: `userInfo.user!.first.defaultPwdChgd` decides the next screen.
    expectModel(res.body, obj({ user: nonEmptyList(M.ProfileUser) }));
    expect(res.body.user[0]).toMatchObject({ userName: SECRETARY.userName, mobileNumber: SECRETARY.mobileNumber });
    expect(typeof res.body.user[0].defaultPwdChgd).toBe('boolean');
  });

  it("the GP picker's tenants: MDMS tenant.tenants with the user's token (tenants_repo.dart, tenants_provider.dart)", async () => {
    const res = await day.app.post('mdms-v2/v1/_search', {
      body: { MdmsCriteria: { tenantId: STATE, moduleDetails: [{ moduleName: 'tenant', masterDetails: [{ name: 'tenants' }] }] } },
      requestInfo: appRequestInfo('search', day.token, null, { apiId: 'mGramSeva', ver: 0.01, ts: '', did: '', key: '' }),
    });
    expectOk(res);
    expectModel(res.body, obj({ MdmsRes: obj({ tenant: obj({ tenants: nonEmptyList(M.Tenants) }) }) }));
    // common_provider.dart appBarUpdate: the tenants named in the user's roles; `city!.code!` is shown.
    const gp = res.body.MdmsRes.tenant.tenants.find((t: any) => t.code === GP);
    expect(gp?.city?.code, 'the GP with its city code').toEqual(expect.any(String));
  });

  // egov-location.TenantBoundary master data; the app sends its RequestInfo bare as the body.
  it('localities of the GP: egov-location boundarys/_search (consumer_details_repo.dart getLocations)', async () => {
    const res = await day.app.post('egov-location/location/v11/boundarys/_search', {
      query: { hierarchyTypeCode: 'REVENUE', boundaryType: 'Locality', tenantId: GP },
      requestInfo: day.ri('_search'),
    });
    expectOk(res);
    // tenant_boundary.g.dart TenantBoundary / Boundary.
    expectModel(
      res.body,
      obj({
        TenantBoundary: list(
          obj({
            hierarchyType: opt(obj({ code: 'string?', name: 'string?' })),
            boundary: nonEmptyList(obj({ code: 'string', name: 'string?', label: 'string?', latitude: 'string?', longitude: 'string?', area: 'string?', boundaryNum: 'int?', children: opt(list('any')) })),
            tenantId: 'string?',
          }),
        ),
      }),
    );
    // consumer_details_provider.dart fetchBoundary reads `TenantBoundary[0].boundary`: the GP's wards.
    expect(res.body.TenantBoundary[0].boundary.map((b: any) => b.code)).toEqual(['WARD1', 'WARD2', 'WARD3']);
  });

  it('consumer form masters: connection types, categories, property types, tax heads and WS periods (getConnectionTypePropertyTypeTaxPeriodMDMS)', async () => {
    const res = await mdms({
      MdmsCriteria: {
        tenantId: STATE,
        moduleDetails: [
          { moduleName: 'ws-services-masters', masterDetails: [{ name: 'connectionType' }, { name: 'Category' }, { name: 'SubCategory' }] },
          { moduleName: 'PropertyTax', masterDetails: [{ name: 'PropertyType' }] },
          { moduleName: 'BillingService', masterDetails: [{ name: 'TaxHeadMaster' }, { name: 'TaxPeriod', filter: "[?(@.service=='WS')]" }] },
        ],
      },
    });
    expectOk(res);
    expectModel(
      res.body,
      obj({
        MdmsRes: obj({
          'ws-services-masters': obj({ connectionType: nonEmptyList(M.CodeNameActive), Category: nonEmptyList(M.CategoryType), SubCategory: nonEmptyList(M.CategoryType) }),
          PropertyTax: obj({ PropertyType: nonEmptyList(M.CodeNameActive) }),
          BillingService: obj({ TaxHeadMaster: nonEmptyList(M.TaxHeadMaster), TaxPeriod: nonEmptyList(M.TaxPeriod) }),
        }),
      }),
    );
    expect(masters(res, 'ws-services-masters').connectionType.map((t: any) => t.code).sort()).toEqual(['Metered', 'Non_Metered']);
    expect(masters(res, 'BillingService').TaxPeriod.every((p: any) => p.service === 'WS')).toBe(true);
  });

  it('bill generation masters: connection types, property types, tax heads and periods (getServiceTypeConnectionTypePropertyTypeMDMS)', async () => {
    const res = await mdms({
      MdmsCriteria: {
        tenantId: STATE,
        moduleDetails: [
          { moduleName: 'ws-services-masters', masterDetails: [{ name: 'connectionType' }] },
          { moduleName: 'PropertyTax', masterDetails: [{ name: 'PropertyType' }] },
          { moduleName: 'BillingService', masterDetails: [{ name: 'TaxHeadMaster' }, { name: 'TaxPeriod', filter: "[?(@.service=='WS')]" }] },
        ],
      },
    });
    expectOk(res);
    expectModel(
      res.body,
      obj({
        MdmsRes: obj({
          'ws-services-masters': obj({ connectionType: nonEmptyList(M.CodeNameActive) }),
          PropertyTax: obj({ PropertyType: nonEmptyList(M.CodeNameActive) }),
          BillingService: obj({ TaxHeadMaster: nonEmptyList(M.TaxHeadMaster), TaxPeriod: nonEmptyList(M.TaxPeriod) }),
        }),
      }),
    );
  });

  it("payment masters at the GP: tax heads and the WS business service (getMDMSPaymentModes, `filter: [?(@.code=='WS')]`)", async () => {
    const res = await mdms({
      MdmsCriteria: { tenantId: GP, moduleDetails: [{ moduleName: 'BillingService', masterDetails: [{ name: 'TaxHeadMaster' }, { name: 'BusinessService', filter: "[?(@.code=='WS')]" }] }] },
    });
    expectOk(res);
    expectModel(res.body, obj({ MdmsRes: obj({ BillingService: obj({ TaxHeadMaster: nonEmptyList(M.TaxHeadMaster), BusinessService: nonEmptyList(M.BusinessService) }) }) }));
    // consumer_details_provider.dart: the advance option shows when WS_ADVANCE_CARRYFORWARD is a tax head.
    expect(masters(res, 'BillingService').TaxHeadMaster.map((t: any) => t.code)).toContain('WS_ADVANCE_CARRYFORWARD');
    expect(masters(res, 'BillingService').BusinessService.map((b: any) => b.code)).toEqual(['WS']);
  });

  it("payment modes at the GP: the WS business service only (getPaymentModeList; collect_payment_provider.dart reads `.first.collectionModesNotAllowed!`)", async () => {
    const res = await mdms({ MdmsCriteria: { tenantId: GP, moduleDetails: [{ moduleName: 'BillingService', masterDetails: [{ name: 'BusinessService', filter: "[?(@.code=='WS')]" }] }] } });
    expectOk(res);
    expectModel(res.body, obj({ MdmsRes: obj({ BillingService: obj({ BusinessService: nonEmptyList(obj({ code: 'string', collectionModesNotAllowed: list('string') })) }) }) }));
    expect(masters(res, 'BillingService').BusinessService.map((b: any) => b.code)).toEqual(['WS']);
  });

  it('expense masters: expense types, business services and tax heads (getExpenseMDMS at the user tenant)', async () => {
    const res = await mdms({
      MdmsCriteria: {
        tenantId: STATE,
        moduleDetails: [
          { moduleName: 'Expense', masterDetails: [{ name: 'ExpenseType' }] },
          { moduleName: 'BillingService', masterDetails: [{ name: 'BusinessService' }, { name: 'TaxHeadMaster' }] },
        ],
      },
    });
    expectOk(res);
    expectModel(res.body, obj({ MdmsRes: obj({ Expense: obj({ ExpenseType: nonEmptyList(M.ExpenseType) }), BillingService: obj({ BusinessService: nonEmptyList(M.BusinessService), TaxHeadMaster: nonEmptyList(M.TaxHeadMaster) }) }) }));
    // expenses_details_provider.dart setEnteredDetails: the business service EXPENSE.<type> and the type's tax head.
    const codes = masters(res, 'BillingService').BusinessService.map((b: any) => b.businessService);
    expect(codes).toContain('EXPENSE.ELECTRICITY_BILL');
  });

  it("PSPCL mapping (core_repo.dart getPSPCLGpwscFromMdms: pspcl-integration at the state's two letters)", async () => {
    const res = await mdms({ MdmsCriteria: { tenantId: STATE, moduleDetails: [{ moduleName: 'pspcl-integration', masterDetails: [{ name: 'accountNumberGpMapping' }] }] } });
    expectOk(res);
    expectModel(res.body, obj({ MdmsRes: obj({ 'pspcl-integration': opt(obj({ accountNumberGpMapping: opt(list(obj({ accountNumber: 'string?', departmentEntityName: 'string?', departmentEntityCode: 'string?' }))) })) }) }));
  });

  it("the GP's rates: ws-services-calculation.WCBillingSlab (core_repo.dart getRateFromMdms; the bulk-demand dialog lists the Non_Metered ones)", async () => {
    const res = await mdms({ MdmsCriteria: { tenantId: GP, moduleDetails: [{ moduleName: 'ws-services-calculation', masterDetails: [{ name: 'WCBillingSlab' }] }] } });
    expectOk(res);
    expectModel(res.body, obj({ MdmsRes: obj({ 'ws-services-calculation': obj({ WCBillingSlab: nonEmptyList(M.WCBillingSlab) }) }) }));
    expect(masters(res, 'ws-services-calculation').WCBillingSlab.some((s: any) => s.connectionType === 'Non_Metered')).toBe(true);
  });

  it('report years: tax heads and WS periods at the GP (getTenantFinancialYearList, reports_provider.dart)', async () => {
    const res = await mdms({ MdmsCriteria: { tenantId: GP, moduleDetails: [{ moduleName: 'BillingService', masterDetails: [{ name: 'TaxHeadMaster' }, { name: 'TaxPeriod', filter: "[?(@.service=='WS')]" }] }] } });
    expectOk(res);
    expectModel(res.body, obj({ MdmsRes: obj({ BillingService: obj({ TaxHeadMaster: nonEmptyList(M.TaxHeadMaster), TaxPeriod: nonEmptyList(M.TaxPeriod) }) }) }));
  });

  /** user_profile.g.dart _$UserToJson: the keys the app sends back from the record it loaded. */
  const PROFILE_KEYS = ['id', 'userName', 'salutation', 'name', 'gender', 'mobileNumber', 'emailId', 'altContactNumber', 'pan', 'aadhaarNumber', 'permanentAddress', 'permanentCity', 'permanentPinCode', 'correspondenceAddress', 'correspondenceCity', 'correspondencePinCode', 'active', 'locale', 'type', 'defaultPwdChgd', 'accountLocked', 'accountLockedDate', 'fatherOrHusbandName', 'relationship', 'signature', 'bloodGroup', 'photo', 'identificationMark', 'createdBy', 'lastModifiedBy', 'tenantId', 'roles', 'uuid', 'createdDate', 'lastModifiedDate', 'dob', 'pwdExpiryDate'];

  it('edit profile: user/profile/_update with the loaded record sent back, name and e-mail changed (edit_profile.dart saveInputandedit)', async () => {
    // edit_profile.dart `query`: the signed-in user's own record, by id and mobile number.
    const me = (await day.app.post('user/_details', { query: { access_token: day.token }, body: {} })).body;
    const found = await day.app.post('user/_search', { body: { tenantId: me.tenantId, id: [me.id], mobileNumber: me.mobileNumber }, requestInfo: appRequestInfo('POST', day.token) });
    expectOk(found);
    const record = found.body.user[0];
    const user: Record<string, unknown> = Object.fromEntries(PROFILE_KEYS.map((k) => [k, record[k] ?? null]));
    Object.assign(user, { name: 'Kuldeep Kaur Sandhu', emailId: 'kuldeep@example.in' });
    const res = await day.app.post('user/profile/_update', { body: { user }, requestInfo: appRequestInfo('create', day.token) });
    expectOk(res);
    // user_edit_profile_repo.dart: UserProfile.fromJson, then `user![0].setText()`.
    expectModel(res.body, obj({ user: nonEmptyList(M.ProfileUser) }));
    expect(res.body.user[0]).toMatchObject({ name: 'Kuldeep Kaur Sandhu', emailId: 'kuldeep@example.in', userName: SECRETARY.userName, mobileNumber: SECRETARY.mobileNumber });
  });

  it('change password: user/password/_update {userName, existingPassword, newPassword, tenantId, type} (change_password.dart saveInputandchangepass)', async () => {
    const change = (existingPassword: string, newPassword: string) =>
      day.app.post('user/password/_update', { body: { userName: SECRETARY.userName, existingPassword, newPassword, tenantId: GP, type: 'EMPLOYEE' }, requestInfo: appRequestInfo('create', day.token) });
    const wrong = await change('Not-the-password1', 'Changed@2026');
    expect(wrong.status).toBe(400);
    const res = await change(SECRETARY.password, 'Changed@2026');
    expectOk(res);
    const login2 = await day.app.post('user/oauth/token', { form: loginForm(SECRETARY.userName, 'Changed@2026'), headers: LOGIN_HEADERS });
    expectOk(login2);
    expect(login2.body.UserRequest.defaultPwdChgd).toBe(true);
    // And back, for the rest of the day.
    expectOk(await change('Changed@2026', SECRETARY.password));
  });

  it('logout at the end of the day: user/_logout with the token in the query and the body (authentication_repo.dart logoutUser)', async () => {
    const login2 = await day.app.post('user/oauth/token', { form: loginForm(SECRETARY.userName, SECRETARY.password), headers: LOGIN_HEADERS });
    expectOk(login2);
    const token = login2.body.access_token as string;
    const res = await day.app.post('user/_logout', {
      query: { access_token: token, tenantId: GP, '-': String(day.clock.now()) },
      body: { access_token: token, RequestInfo: appRequestInfo('POST', token) },
    });
    expectOk(res);
    const after = await day.app.post('ws-services/wc/_search', { query: { tenantId: GP }, body: {}, requestInfo: appRequestInfo('_search', token) });
    expect(after.status, 'the token is no longer accepted').toBe(401);
  });
});
