import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../engine/clock/index.ts';
import { backends, freshDatabase, requestInfo, TestServer } from './harness.ts';

// Onboarding GP staff through DIGIT's egov-hrms: a division admin appoints a GP secretary, who then
// signs in with the roles given at that GP only; a GP admin cannot make a state admin; a failed
// onboarding leaves no user; deactivation ends the employee's sessions.
const LODHIPUR = 'pb.lodhipur';
const BHADSON = 'pb.bhadson';
const DAY = 86_400_000;

describe.each(backends())('employees (egov-hrms) (%s)', (backend) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let server: TestServer;
  let admin: string;
  let divAdmin: string;
  let gpAdmin: string;
  let secretary: Record<string, any>;
  const clock = new ManualClock(Date.UTC(2026, 10, 21, 4, 30));
  const post = (path: string, token: string, body: Record<string, unknown>) => server.post(path, { RequestInfo: requestInfo(token), ...body });
  const createUser = (token: string, userName: string, roles: [string, string][]) =>
    post('/user/users/_createnovalidate', token, { user: { userName, name: userName, type: 'EMPLOYEE', tenantId: 'pb', password: 'pass-word-1', roles: roles.map(([code, tenantId]) => ({ code, tenantId })) } });
  /** An employee as the web console's create form sends it (roles beside each jurisdiction, a dob, empty lists). */
  const employee = (tenantId: string, mobileNumber: string, roles: [string, string][], name = 'Gurpreet Kaur') => ({
    tenantId,
    employeeStatus: 'EMPLOYED',
    employeeType: 'PERMANENT',
    dateOfAppointment: clock.now() - DAY,
    jurisdictions: [{ hierarchy: 'REVENUE', boundaryType: 'City', boundary: tenantId, tenantId, roles: roles.map(([code]) => ({ code, name: code })) }],
    assignments: [{ fromDate: clock.now(), isCurrentAssignment: true, department: 'DEPT_WATER_SUPPLY', designation: 'DESIG_SECRETARY' }],
    user: { mobileNumber, name, correspondenceAddress: tenantId, gender: 'FEMALE', dob: 805055400000, password: 'pass-word-1', tenantId, roles: roles.map(([code, t]) => ({ code, name: code, tenantId: t })) },
    serviceHistory: [],
    education: [],
    tests: [],
  });
  const search = (token: string, query: Record<string, string>) => server.post(`/egov-hrms/employees/_search?${new URLSearchParams(query)}`, { RequestInfo: requestInfo(token) });

  beforeAll(async () => {
    db = await freshDatabase(backend);
    server = await TestServer.start({ database: db.config, clock });
    admin = await server.token('admin', 'admin-secret-1', 'pb');
    expect((await createUser(admin, 'div-admin', [['DIV_ADMIN', 'pb']])).status).toBe(200);
    expect((await createUser(admin, 'ldp-admin', [['GP_ADMIN', LODHIPUR]])).status).toBe(200);
    divAdmin = await server.token('div-admin', 'pass-word-1', 'pb');
    gpAdmin = await server.token('ldp-admin', 'pass-word-1', 'pb');
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  it('a division admin onboards a GP secretary, who signs in holding the roles given at that GP only', async () => {
    const res = await post('/egov-hrms/employees/_create', divAdmin, { Employees: [employee(LODHIPUR, '9876500001', [['SECRETARY', LODHIPUR], ['COLLECTION_OPERATOR', LODHIPUR]])] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.ResponseInfo.status).toBe('successful');
    secretary = res.body.Employees[0];
    // The code comes from the ID format hrms.employeecode (EMP-[CITY.CODE]-[SEQ]); it is the user's name.
    expect(secretary.code).toMatch(/^EMP-1013-\d+$/);
    expect(secretary).toMatchObject({ tenantId: LODHIPUR, isActive: true, employeeType: 'PERMANENT', employeeStatus: 'EMPLOYED', reActivateEmployee: null, deactivationDetails: [] });
    expect(secretary.user).toMatchObject({ userName: secretary.code, type: 'EMPLOYEE', tenantId: 'pb', active: true, mobileNumber: '9876500001', correspondenceAddress: LODHIPUR, password: null, createdDate: clock.now() });
    expect([secretary.id, secretary.uuid]).toEqual([secretary.user.id, secretary.user.uuid]);
    expect(secretary.jurisdictions[0]).toMatchObject({ boundary: LODHIPUR, isActive: true, roles: [{ code: 'SECRETARY', name: 'SECRETARY' }, { code: 'COLLECTION_OPERATOR', name: 'COLLECTION_OPERATOR' }] });
    expect(secretary.assignments[0]).toMatchObject({ department: 'DEPT_WATER_SUPPLY', isCurrentAssignment: true, toDate: null, isHOD: false, auditDetails: { createdDate: clock.now() } });
    expect(typeof secretary.assignments[0].id).toBe('string');
    expect(typeof secretary.assignments[0].position).toBe('number');

    const login = await server.login(secretary.code, 'pass-word-1', 'pb');
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    expect(login.body.UserRequest.roles.map((r: any) => `${r.code}@${r.tenantId}`).sort()).toEqual([`COLLECTION_OPERATOR@${LODHIPUR}`, `SECRETARY@${LODHIPUR}`]);
    const token = login.body.access_token;
    expect((await search(token, { tenantId: LODHIPUR })).status).toBe(200);
    const elsewhere = await search(token, { tenantId: BHADSON });
    expect([elsewhere.status, elsewhere.body.Errors[0].code]).toEqual([403, 'ACCESS_DENIED']);
    // The roles given are on the sign-in audit, with who gave them.
    const audit = await sql<{ event: string; actor: string }>`select event, actor from seva_auth_audit where user_uuid = ${secretary.uuid} and event = 'ROLES_CHANGED'`.execute(server.seva.database.db);
    expect(audit.rows).toHaveLength(1);
  });

  it('refuses a GP admin onboarding a state admin (ROLE_GRANT_DENIED), and codes outside their masters', async () => {
    const res = await post('/egov-hrms/employees/_create', gpAdmin, { Employees: [employee(LODHIPUR, '9876500002', [['STATE_ADMIN', LODHIPUR]])] });
    expect([res.status, res.body.Errors?.[0]?.code]).toEqual([403, 'ROLE_GRANT_DENIED']);
    // Nor at a GP it does not administer: the endpoint grant is checked at every tenant named.
    const other = await post('/egov-hrms/employees/_create', gpAdmin, { Employees: [employee(BHADSON, '9876500002', [['COLLECTION_OPERATOR', BHADSON]])] });
    expect([other.status, other.body.Errors?.[0]?.code]).toEqual([403, 'ACCESS_DENIED']);
    const bad = employee(LODHIPUR, '9876500002', [['COLLECTION_OPERATOR', LODHIPUR]]);
    bad.assignments[0]!.department = 'NO_SUCH_DEPT';
    bad.employeeType = 'FOREVER';
    const refused = await post('/egov-hrms/employees/_create', gpAdmin, { Employees: [bad] });
    expect(refused.status).toBe(400);
    expect(refused.body.Errors.map((e: any) => [e.code, e.params?.[0]]).sort()).toEqual(
      [
        ['ERR_HRMS_INVALID_DEPT', '$.Employees[0].assignments[0].department'],
        ['ERR_HRMS_INVALID_EMP_TYPE', '$.Employees[0].employeeType'],
      ].sort(),
    );
    expect((await search(admin, { tenantId: 'pb', phone: '9876500002' })).body.Employees).toEqual([]);
  });

  it('a failed onboarding leaves no user behind: two employees in one request, the second refused after the first was written', async () => {
    const res = await post('/egov-hrms/employees/_create', divAdmin, {
      Employees: [employee(BHADSON, '9876500003', [['COLLECTION_OPERATOR', BHADSON]], 'First Person'), employee(BHADSON, '9876500003', [['SECRETARY', BHADSON]], 'Second Person')],
    });
    expect([res.status, res.body.Errors?.[0]?.code]).toEqual([409, 'ERR_HRMS_USER_EXIST_MOB']);
    expect(JSON.stringify(res.body.Errors[0])).toContain('$.Employees[1].user.mobileNumber');
    const users = await post('/user/_search', admin, { tenantId: 'pb', mobileNumber: '9876500003' });
    expect(users.body.user).toEqual([]);
    const rows = await sql<{ n: string }>`select count(*) as n from seva_employee where tenant_id = ${BHADSON}`.execute(server.seva.database.db);
    expect(Number(rows.rows[0]!.n)).toBe(0);
  });

  it('searches and counts as DIGIT answers them; a GP lists only its own employees', async () => {
    const bhadson = await post('/egov-hrms/employees/_create', divAdmin, { Employees: [employee(BHADSON, '9876500004', [['COLLECTION_OPERATOR', BHADSON]], 'Harjit Singh')] });
    expect(bhadson.status, JSON.stringify(bhadson.body)).toBe(200);
    const codesAt = async (query: Record<string, string>, token = divAdmin) => {
      const res = await search(token, query);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.Employees.map((e: any) => e.code);
    };
    const other = bhadson.body.Employees[0].code;
    expect(await codesAt({ tenantId: LODHIPUR })).toEqual([secretary.code]);
    expect(await codesAt({ tenantId: BHADSON })).toEqual([other]);
    expect((await codesAt({ tenantId: 'pb' })).sort()).toEqual([secretary.code, other].sort());
    expect(await codesAt({ tenantId: LODHIPUR, codes: secretary.code.toLowerCase() })).toEqual([secretary.code]);
    expect(await codesAt({ tenantId: 'pb', phone: '9876500004' })).toEqual([other]);
    expect(await codesAt({ tenantId: 'pb', names: 'gurpreet' })).toEqual([secretary.code]);
    expect(await codesAt({ tenantId: 'pb', roles: 'SECRETARY' })).toEqual([secretary.code]);
    expect(await codesAt({ tenantId: BHADSON, roles: 'SECRETARY' })).toEqual([]);
    expect(await codesAt({ tenantId: 'pb', departments: 'DEPT_WATER_SUPPLY', designations: 'DESIG_SECRETARY', isActive: 'true' })).toHaveLength(2);
    expect(await codesAt({ tenantId: 'pb', designations: 'DESIG_OPERATOR' })).toEqual([]);
    expect(await codesAt({ tenantId: 'pb', limit: '1', offset: '1' })).toHaveLength(1);
    const found = (await search(divAdmin, { tenantId: LODHIPUR, codes: secretary.code })).body.Employees[0];
    expect(found.user).toMatchObject({ userName: secretary.code, name: 'Gurpreet Kaur', dob: expect.any(Number), createdDate: expect.any(Number) });

    const count = await server.post(`/egov-hrms/employees/_count?tenantId=${LODHIPUR}`, { RequestInfo: requestInfo(divAdmin) });
    expect(count.status).toBe(200);
    expect(count.body.EmployeCount).toEqual({ totalEmployee: '1', activeEmployee: '1', inactiveEmployee: '0' });
    const state = await server.post('/egov-hrms/employees/v1/_count?tenantId=pb&roles=COLLECTION_OPERATOR&isStateLevelSearch=true', { RequestInfo: requestInfo(divAdmin) });
    expect(state.body.EmployeCount).toEqual({ totalEmployee: '2', activeEmployee: '2', inactiveEmployee: '0' });
  });

  it('deactivating the employee with a reason ends its sessions at once and it cannot sign in; reactivation lets it back', async () => {
    const token = await server.token(secretary.code, 'pass-word-1', 'pb');
    expect((await search(token, { tenantId: LODHIPUR })).status).toBe(200);
    const current = (await search(divAdmin, { tenantId: LODHIPUR, codes: secretary.code })).body.Employees[0];

    const noReason = await post('/egov-hrms/employees/_update', divAdmin, { Employees: [{ ...current, isActive: false }] });
    expect([noReason.status, noReason.body.Errors?.[0]?.code]).toEqual([400, 'ERR_HRMS_DEACT_DETAILS_REQUIRED']);
    const badReason = await post('/egov-hrms/employees/_update', divAdmin, { Employees: [{ ...current, isActive: false, deactivationDetails: [{ reasonForDeactivation: 'BORED', effectiveFrom: clock.now() }] }] });
    expect([badReason.status, badReason.body.Errors?.[0]?.code]).toEqual([400, 'ERR_HRMS_INVALID_DEACT_REASON']);
    expect((await search(token, { tenantId: LODHIPUR })).status).toBe(200);

    clock.advance(60_000);
    const deactivation = { reasonForDeactivation: 'TRANSFER', effectiveFrom: clock.now(), orderNo: 'ORD/12', remarks: 'Moved to another block' };
    const res = await post('/egov-hrms/employees/_update', divAdmin, { Employees: [{ ...current, isActive: false, deactivationDetails: [deactivation] }] });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const deactivated = res.body.Employees[0];
    expect(deactivated).toMatchObject({ isActive: false, user: { active: false }, deactivationDetails: [{ ...deactivation, tenantId: LODHIPUR }] });
    expect(typeof deactivated.deactivationDetails[0].id).toBe('string');

    const after = await search(token, { tenantId: LODHIPUR });
    expect(after.status).toBe(401);
    const login = await server.login(secretary.code, 'pass-word-1', 'pb');
    expect([login.status, login.body.Errors[0].code]).toEqual([401, 'USER_INACTIVE']);
    const count = await server.post(`/egov-hrms/employees/_count?tenantId=${LODHIPUR}`, { RequestInfo: requestInfo(divAdmin) });
    expect(count.body.EmployeCount).toEqual({ totalEmployee: '1', activeEmployee: '0', inactiveEmployee: '1' });
    expect((await search(divAdmin, { tenantId: LODHIPUR, isActive: 'false' })).body.Employees.map((e: any) => e.code)).toEqual([secretary.code]);

    // Reactivation as DIGIT: reActivateEmployee with a reactivation entry; the deactivation stays on record.
    clock.advance(60_000);
    const back = await post('/egov-hrms/employees/_update', divAdmin, {
      Employees: [{ ...deactivated, isActive: true, reActivateEmployee: true, reactivationDetails: [{ reasonForReactivation: 'Transfer cancelled', effectiveFrom: clock.now() }] }],
    });
    expect(back.status, JSON.stringify(back.body)).toBe(200);
    expect(back.body.Employees[0]).toMatchObject({ isActive: true, user: { active: true }, deactivationDetails: [deactivation], reactivationDetails: [{ reasonForReactivation: 'Transfer cancelled' }] });
    expect((await server.login(secretary.code, 'pass-word-1', 'pb')).status).toBe(200);
  });
});
