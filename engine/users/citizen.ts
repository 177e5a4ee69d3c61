import { invalid, SevaError, unauthenticated } from '../errors/index.ts';
import type { Db } from '../store/index.ts';
import { stateTenantOf } from '../tenancy/index.ts';
import { consumeOtp, type OtpPolicy } from './otp.ts';
import { checkInput, createUser, findLoginUser, withoutPassword, type User, type UserChecks, type UserInput } from './user.ts';

/** The role a self-registered citizen holds (DIGIT's setRoleToCitizen). */
export const CITIZEN_ROLE = 'CITIZEN';

/**
 * A citizen registers themselves with the OTP sent to their mobile number (DIGIT's
 * /user/citizen/_create with OTP-based citizen login): the user name is the mobile number, the
 * tenant the state, the one role CITIZEN; there is no password.
 */
export async function registerCitizen(db: Db, policy: OtpPolicy, input: UserInput & { otpReference?: unknown }, now: number, checks: UserChecks): Promise<User> {
  const userName = typeof input.userName === 'string' && input.userName !== '' ? input.userName : input.mobileNumber;
  if (typeof userName !== 'string' || !/^[0-9]{10}$/.test(userName)) throw invalid('USER.INVALID_USERNAME', '$.user.userName must be the citizen’s 10-digit mobile number', '$.user.userName');
  if (typeof input.otpReference !== 'string' || input.otpReference === '') throw invalid('USER.OTP_REFERENCE_MANDATORY', '$.user.otpReference (the OTP sent to the mobile number) is required', '$.user.otpReference');
  if (typeof input.tenantId !== 'string' || input.tenantId === '') throw invalid('INVALID_TENANT_ID', '$.user.tenantId is required', '$.user.tenantId');
  const tenantId = stateTenantOf(input.tenantId);
  const { otpReference, password: _none, roles: _given, id: _id, uuid: _uuid, ...details } = input as UserInput & { otpReference: string; id?: unknown };
  const citizen: UserInput = { ...details, userName, mobileNumber: userName, tenantId, type: 'CITIZEN', roles: [{ code: CITIZEN_ROLE, tenantId }], active: true, defaultPwdChgd: true };
  // The details are checked (and a taken name refused) before the OTP is spent; the OTP is used
  // outside any transaction, so a wrong guess counts even though the request fails.
  checkInput(citizen, '$.user', checks);
  if (await findLoginUser(db, userName, tenantId, undefined)) throw invalid('OTP.MOBILENUMBER', 'this mobile number is registered already', '$.user.userName');
  await consumeOtp(db, policy, { tenantId, mobileNumber: userName, purpose: 'register' }, otpReference, now);
  return createUser(db, citizen, undefined, now, checks);
}

/**
 * A citizen signs in with the OTP sent for login in place of a password (DIGIT's OTP-based citizen
 * login at /user/oauth/token). Each OTP failure keeps its own code, as a 401.
 */
export async function citizenOtpLogin(db: Db, policy: OtpPolicy, userName: string, tenantId: string, otp: string, now: number): Promise<User> {
  const user = await findLoginUser(db, userName, tenantId, 'CITIZEN');
  if (!user) throw unauthenticated('INVALID_CREDENTIALS', 'the user name, password or tenant is wrong');
  try {
    await consumeOtp(db, policy, { tenantId, mobileNumber: user.mobileNumber ?? user.userName, purpose: 'login', userUuid: user.uuid }, otp, now);
  } catch (err) {
    if (err instanceof SevaError && err.code.startsWith('OTP_')) throw unauthenticated(err.code, err.message);
    throw err;
  }
  if (!user.active) throw unauthenticated('USER_INACTIVE', `user ${user.userName} is not active`);
  return withoutPassword(user);
}
