import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../engine/clock/index.ts';
import { backends, freshDatabase, requestInfo, TestServer } from './harness.ts';

/**
 * DIGIT's user flows over HTTP, as the mGramSeva app calls them: the first login with a default
 * password and the forced change, a profile edit, a forgotten password reset with an OTP read from
 * the development SMS outbox, a citizen registering and signing in with OTPs, and the ways an OTP
 * is refused (wrong, expired, used, guessed too often, sent too often).
 */
const GP = 'pb.lodhipur';
const IST = 5.5 * 3600_000;
const ist = (y: number, m: number, d: number, h = 0) => Date.UTC(y, m - 1, d, h) - IST;
const MINUTE = 60_000;

describe.each(backends())('user flows: passwords, profile, OTPs (%s)', (backend) => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  let server: TestServer;
  let admin: string;
  const clock = new ManualClock(ist(2026, 11, 21, 10));

  beforeAll(async () => {
    db = await freshDatabase(backend);
    server = await TestServer.start({ database: db.config, clock, otpPepper: 'test-pepper-of-this-run' });
    admin = await server.token('admin', 'admin-secret-1', 'pb');
  });
  afterAll(async () => {
    await server?.stop();
    await db?.drop();
  });

  /** An employee as a GP admin creates one: user name = mobile number, a default password. */
  const createEmployee = async (mobile: string, name: string) => {
    const res = await server.post('/user/users/_createnovalidate', {
      RequestInfo: requestInfo(admin),
      user: { userName: mobile, mobileNumber: mobile, name, gender: 'MALE', type: 'EMPLOYEE', tenantId: 'pb', password: 'default-pass-1', roles: [{ code: 'COLLECTION_OPERATOR', tenantId: GP }] },
    });
    expect(res.status).toBe(200);
    return res.body.user[0];
  };
  /**
   * The app's forgot-password call (providers/forgot_password_provider.dart), without a token; a
   * second later than the last, so the outbox's newest message is this one's.
   */
  const sendOtp = (otp: Record<string, unknown>) => (clock.advance(1000), server.post('/user-otp/v1/_send', { RequestInfo: requestInfo(), otp: { tenantId: 'pb', locale: 'en_IN', ...otp } }));
  /** The newest message the development outbox holds for a mobile number, read as an admin. */
  const lastMessage = async (mobile: string) => {
    const res = await server.post('/seva/sms/v1/_search', { RequestInfo: requestInfo(admin), recipient: mobile, limit: 1 });
    expect(res.status).toBe(200);
    return res.body.messages[0];
  };
  const lastOtp = async (mobile: string) => /\b([0-9]{6})\b/.exec((await lastMessage(mobile)).text)![1]!;
  const reset = (body: Record<string, unknown>) => server.post('/user/password/nologin/_update', { RequestInfo: requestInfo(), tenantId: 'pb', type: 'Employee', ...body });
  const citizenLogin = async (username: string, password: string) => {
    const res = await fetch(`${server.baseUrl}/user/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from('egov-user-client:').toString('base64')}` },
      body: new URLSearchParams({ username, password, tenantId: 'pb', userType: 'CITIZEN', grant_type: 'password', scope: 'read' }).toString(),
    });
    return { status: res.status, body: await res.json() };
  };
  const codeOf = (res: { body: any }) => res.body.Errors?.[0]?.code;

  it('a new operator signs in with the default password, must change it, edits the profile and signs out', async () => {
    const created = await createEmployee('9811100001', 'Gurpreet Singh');
    const login = await server.login('9811100001', 'default-pass-1', 'pb');
    expect(login.status).toBe(200);
    const token = login.body.access_token;
    // The app reads its own record right after login; defaultPwdChgd false sends it to the change-password screen.
    const own = await server.post('/user/_search', { RequestInfo: requestInfo(token), tenantId: 'pb', id: [created.id], mobileNumber: '9811100001' });
    expect(own.body.user[0].defaultPwdChgd).toBe(false);

    // screeens/change_password/change_password.dart's body.
    const change = (existingPassword: string, newPassword: string) =>
      server.post('/user/password/_update', { RequestInfo: requestInfo(token), userName: '9811100001', existingPassword, newPassword, tenantId: GP, type: 'EMPLOYEE' });
    expect(codeOf(await change('default-pass-1', 'weakpass1'))).toBe('INVALID_PWD_PATTERN');
    expect(codeOf(await change('default-pass-1', 'Ab@1'))).toBe('INVALID_PWD_LENGTH');
    const mismatch = await change('not-my-password', 'Gurpreet@2026');
    expect([mismatch.status, codeOf(mismatch)]).toEqual([400, 'USER.PASSWORD_MISMATCH']);
    const changed = await change('default-pass-1', 'Gurpreet@2026');
    expect(changed.status).toBe(200);
    expect(changed.body.responseInfo.status).toBe('200');
    const after = await server.post('/user/_search', { RequestInfo: requestInfo(token), tenantId: 'pb', id: [created.id] });
    expect(after.body.user[0].defaultPwdChgd).toBe(true);
    expect((await server.login('9811100001', 'default-pass-1', 'pb')).status).toBe(401);
    expect((await server.login('9811100001', 'Gurpreet@2026', 'pb')).status).toBe(200);

    // screeens/profile/edit_profile.dart: the whole record as read, with the edits.
    const profile = { ...after.body.user[0], name: 'Gurpreet Singh Sandhu', emailId: 'gurpreet@example.org', gender: 'MALE', photo: 'filestore-id-1', userName: 'someone-else', mobileNumber: '9999999999', roles: [{ code: 'SUPERUSER', tenantId: 'pb' }] };
    const edited = await server.post('/user/profile/_update', { RequestInfo: requestInfo(token), user: profile });
    expect(edited.status).toBe(200);
    const user = edited.body.user[0];
    expect([user.name, user.emailId, user.photo]).toEqual(['Gurpreet Singh Sandhu', 'gurpreet@example.org', 'filestore-id-1']);
    // What a profile edit may not change stays as it was.
    expect([user.userName, user.mobileNumber, user.roles.map((r: any) => r.code)]).toEqual(['9811100001', '9811100001', ['COLLECTION_OPERATOR']]);
    const other = await server.post('/user/profile/_update', { RequestInfo: requestInfo(token), user: { ...profile, id: 1, uuid: undefined } });
    expect([other.status, codeOf(other)]).toEqual([403, 'USER.USER_UPDATE_DENIED']);
    expect((await server.post('/user/profile/_update', { RequestInfo: requestInfo(), user: profile })).status).toBe(401);

    expect((await server.post('/user/_logout', { RequestInfo: requestInfo(token) })).status).toBe(200);
    expect((await server.post('/user/password/_update', { RequestInfo: requestInfo(token), existingPassword: 'Gurpreet@2026', newPassword: 'Gurpreet@2027' })).status).toBe(401);
  });

  it('a forgotten password is reset with the OTP the development outbox shows; a wrong, an expired and a used OTP are each refused', async () => {
    await createEmployee('9811100002', 'Harjit Kaur');
    const sent = await sendOtp({ mobileNumber: '9811100002', type: 'passwordreset', userType: 'Employee' });
    expect(sent.status).toBe(200);
    expect(sent.body.isSuccessful).toBe(true);
    const message = await lastMessage('9811100002');
    // Still on the default password: the first-password text, with its template id.
    expect(message.text).toMatch(/^Dear Harjit Kaur, welcome to mGramSeva\. [0-9]{6} is your OTP to set your own password\. It is valid for 15 minutes\.$/);
    expect([message.templateId, message.category, message.provider, message.tenantId]).toEqual(['1007000000000000002', 'OTP', 'DEV_OUTBOX', 'pb']);
    const otp = await lastOtp('9811100002');

    // The OTP is stored only as a keyed hash.
    const rows = await server.seva.database.db.selectFrom('seva_otp').selectAll().where('mobile_number', '=', '9811100002').execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(otp);

    // A non-admin does not read the outbox.
    const operator = await server.token('9811100002', 'default-pass-1', 'pb');
    expect((await server.post('/seva/sms/v1/_search', { RequestInfo: requestInfo(operator) })).status).toBe(403);

    const wrong = String((Number(otp) + 1) % 1_000_000).padStart(6, '0');
    const refused = await reset({ otpReference: wrong, userName: '9811100002', newPassword: 'Harjit@2026' });
    expect([refused.status, codeOf(refused)]).toEqual([400, 'OTP_INVALID']);
    // A weak password is refused before the OTP is spent.
    expect(codeOf(await reset({ otpReference: otp, userName: '9811100002', newPassword: 'harjit' }))).toBe('INVALID_PWD_LENGTH');
    const done = await reset({ otpReference: otp, userName: '9811100002', newPassword: 'Harjit@2026' });
    expect(done.status).toBe(200);
    expect(done.body.responseInfo.status).toBe('200');
    const reused = await reset({ otpReference: otp, userName: '9811100002', newPassword: 'Harjit@2027' });
    expect([reused.status, codeOf(reused)]).toEqual([400, 'OTP_ALREADY_USED']);
    const login = await server.login('9811100002', 'Harjit@2026', 'pb');
    expect(login.status).toBe(200);
    expect(login.body.UserRequest.defaultPwdChgd).toBe(true);

    // Now on a password of her own, the reset text; fifteen minutes later it no longer holds.
    await sendOtp({ mobileNumber: '9811100002', type: 'passwordreset', userType: 'EMPLOYEE' });
    expect((await lastMessage('9811100002')).text).toMatch(/^Dear Harjit Kaur, [0-9]{6} is your OTP to reset your mGramSeva password\./);
    const late = await lastOtp('9811100002');
    clock.advance(16 * MINUTE);
    const expired = await reset({ otpReference: late, userName: '9811100002', newPassword: 'Harjit@2027' });
    expect([expired.status, codeOf(expired)]).toEqual([400, 'OTP_EXPIRED']);

    // Five wrong guesses spend an OTP: the right code then no longer works.
    await sendOtp({ mobileNumber: '9811100002', type: 'passwordreset', userType: 'EMPLOYEE' });
    const guessed = await lastOtp('9811100002');
    const miss = String((Number(guessed) + 7) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 4; i++) expect(codeOf(await reset({ otpReference: miss, userName: '9811100002', newPassword: 'Harjit@2027' }))).toBe('OTP_INVALID');
    expect(codeOf(await reset({ otpReference: miss, userName: '9811100002', newPassword: 'Harjit@2027' }))).toBe('OTP_ATTEMPTS_EXCEEDED');
    expect(codeOf(await reset({ otpReference: guessed, userName: '9811100002', newPassword: 'Harjit@2027' }))).toBe('OTP_ATTEMPTS_EXCEEDED');
    expect((await server.login('9811100002', 'Harjit@2026', 'pb')).status).toBe(200);
  });

  it('OTPs to one mobile number are limited per hour, and unknown users get none', async () => {
    await createEmployee('9811100003', 'Sukhwinder');
    for (let i = 0; i < 5; i++) expect((await sendOtp({ mobileNumber: '9811100003', type: 'passwordreset', userType: 'EMPLOYEE' })).status).toBe(200);
    const sixth = await sendOtp({ mobileNumber: '9811100003', type: 'passwordreset', userType: 'EMPLOYEE' });
    expect([sixth.status, codeOf(sixth)]).toEqual([429, 'OTP_SEND_LIMIT']);
    clock.advance(61 * MINUTE);
    expect((await sendOtp({ mobileNumber: '9811100003', type: 'passwordreset', userType: 'EMPLOYEE' })).status).toBe(200);

    const unknown = await sendOtp({ mobileNumber: '9811199999', type: 'passwordreset', userType: 'EMPLOYEE' });
    expect([unknown.status, codeOf(unknown)]).toEqual([400, 'OTP.UNKNOWN_MOBILE_NUMBER']);
    const badType = await sendOtp({ mobileNumber: '9811100003', type: 'sometimes' });
    expect(codeOf(badType)).toBe('OTP.REQUEST_TYPE_MANDATORY');
    expect(codeOf(await sendOtp({ mobileNumber: '98111', type: 'login' }))).toBe('OTP.MOBILE_NUMBER_INVALID');
  });

  it('a citizen registers with an OTP and signs in with another', async () => {
    expect(codeOf(await sendOtp({ mobileNumber: '9822200001', type: 'login', userType: 'CITIZEN' }))).toBe('OTP.UNKNOWN_USER');
    expect((await sendOtp({ mobileNumber: '9822200001', type: 'register', userType: 'CITIZEN' })).status).toBe(200);
    const registration = await lastOtp('9822200001');
    const wrongOtp = await server.post('/user/citizen/_create', { RequestInfo: requestInfo(), user: { userName: '9822200001', name: 'Baldev Raj', otpReference: '000000' === registration ? '111111' : '000000', tenantId: GP } });
    expect(codeOf(wrongOtp)).toBe('OTP_INVALID');
    const created = await server.post('/user/citizen/_create', { RequestInfo: requestInfo(), user: { userName: '9822200001', name: 'Baldev Raj', otpReference: registration, tenantId: GP, roles: [{ code: 'SUPERUSER', tenantId: 'pb' }] } });
    expect(created.status).toBe(200);
    expect(created.body.access_token).toEqual(expect.any(String));
    const citizen = created.body.UserRequest;
    expect([citizen.type, citizen.tenantId, citizen.mobileNumber, citizen.roles.map((r: any) => r.code)]).toEqual(['CITIZEN', 'pb', '9822200001', ['CITIZEN']]);
    expect(codeOf(await sendOtp({ mobileNumber: '9822200001', type: 'register' }))).toBe('OTP.MOBILENUMBER');

    expect((await sendOtp({ mobileNumber: '9822200001', type: 'login', userType: 'CITIZEN' })).status).toBe(200);
    expect((await lastMessage('9822200001')).text).toMatch(/^Dear Citizen, [0-9]{6} is your mGramSeva login OTP\./);
    const otp = await lastOtp('9822200001');
    const signedIn = await citizenLogin('9822200001', otp);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.UserRequest.uuid).toBe(citizen.uuid);
    const again = await citizenLogin('9822200001', otp);
    expect([again.status, codeOf(again)]).toEqual([401, 'OTP_ALREADY_USED']);
    expect((await server.post('/seva/sms/v1/_search', { RequestInfo: requestInfo(signedIn.body.access_token) })).status).toBe(403);
  });
});
