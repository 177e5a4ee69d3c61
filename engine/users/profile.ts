import { forbidden, invalid, invalidFields, notFound, type ErrorDetail } from '../errors/index.ts';
import { exactFilters, findRecord, updateMatching, type FieldValues } from '../persister/index.ts';
import type { Db } from '../store/index.ts';
import { compilePayloadValidator } from '../validation/index.ts';
import { consumeOtp, type OtpPolicy } from './otp.ts';
import { checkPassword } from './password-policy.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { userTable } from './tables.ts';
import { dateOfBirth, findLoginUser, PROFILE_FIELDS, profileDetailsOf, USER_INPUT_SCHEMA, withoutPassword, type StoredUser, type User, type UserInput, type UserType } from './user.ts';

/** What a user may change of themselves (DIGIT's profile update): not their user name, mobile number, type, roles, tenant or password. */
const PROFILE_UPDATE_FIELDS = ['name', 'emailId', 'gender', 'dob', 'locale', ...PROFILE_FIELDS] as const;
const inputProperties = USER_INPUT_SCHEMA.properties as Record<string, unknown>;
export const PROFILE_UPDATE_SCHEMA = {
  type: 'object',
  properties: {
    id: { type: ['integer', 'null'] },
    uuid: { type: ['string', 'null'] },
    ...Object.fromEntries(PROFILE_UPDATE_FIELDS.map((f) => [f, f === 'name' ? { ...(inputProperties.name as object), type: ['string', 'null'] } : inputProperties[f]])),
  },
};
const validateProfile = compilePayloadValidator(PROFILE_UPDATE_SCHEMA);

async function storedUser(db: Db, uuid: string): Promise<StoredUser> {
  const user = await findRecord(db, userTable, { uuid });
  if (!user) throw notFound('USER_NOT_FOUND', `no user ${uuid}`);
  return user;
}

/**
 * A user changes their own profile. The request names them by id or uuid (the app sends the whole
 * record it read); naming anyone else is refused as DIGIT does. Fields sent as null keep their value;
 * the user name, mobile number, type, roles and password are not changed here, whatever is sent.
 */
export async function updateOwnProfile(db: Db, caller: User, input: UserInput, now: number): Promise<User> {
  const details: ErrorDetail[] = validateProfile(input, '$.user');
  if (details.length > 0) throw invalidFields(details);
  const id = (input as { id?: unknown }).id;
  if ((id !== undefined && id !== null && id !== caller.id) || (input.uuid !== undefined && input.uuid !== null && input.uuid !== caller.uuid)) {
    throw forbidden('USER.USER_UPDATE_DENIED', 'a user may update only their own profile');
  }
  const existing = await storedUser(db, caller.uuid);
  const changes: FieldValues<StoredUser> = { 'auditDetails.lastModifiedBy': caller.uuid, 'auditDetails.lastModifiedTime': now };
  for (const field of ['name', 'emailId', 'gender', 'locale'] as const) {
    if (typeof input[field] === 'string') changes[field] = input[field];
  }
  const dob = dateOfBirth(input.dob);
  if (dob) changes.dob = dob;
  const extra = profileDetailsOf(input);
  if (extra) changes.profile = { ...existing.profile, ...extra };
  const [updated] = await updateMatching(db, userTable, { filters: exactFilters({ uuid: caller.uuid }) }, changes);
  return withoutPassword(updated!);
}

/** Sets a new password, which is now the user's own (DIGIT's defaultPwdChgd). */
async function setPassword(db: Db, uuid: string, password: string, now: number): Promise<void> {
  await updateMatching(db, userTable, { filters: exactFilters({ uuid }) }, { passwordHash: await hashPassword(password), defaultPwdChgd: true, 'auditDetails.lastModifiedBy': uuid, 'auditDetails.lastModifiedTime': now });
}

const required = (value: unknown, code: string, path: string): string => {
  if (typeof value !== 'string' || value === '') throw invalid(code, `${path} is required`, path);
  return value;
};

/** A signed-in user changes their password, giving the one they have (DIGIT's /user/password/_update). */
export async function changeOwnPassword(db: Db, caller: User, body: { existingPassword?: unknown; newPassword?: unknown }, now: number): Promise<void> {
  const existingPassword = required(body.existingPassword, 'USER.EXISTING_PASSWORD_MANDATORY', '$.existingPassword');
  const newPassword = required(body.newPassword, 'USER.NEW_PASSWORD_MANDATORY', '$.newPassword');
  const user = await storedUser(db, caller.uuid);
  if (!user.passwordHash || !(await verifyPassword(existingPassword, user.passwordHash))) {
    throw invalid('USER.PASSWORD_MISMATCH', 'the existing password is not this user’s password', '$.existingPassword');
  }
  checkPassword(newPassword, '$.newPassword');
  await setPassword(db, user.uuid, newPassword, now);
}

export interface PasswordReset {
  otpReference?: unknown;
  userName?: unknown;
  newPassword?: unknown;
  tenantId?: unknown;
  type?: unknown;
}

/**
 * A user who cannot sign in sets a new password with the OTP sent to their mobile number (DIGIT's
 * /user/password/nologin/_update). The password is checked before the OTP, so a weak one does not
 * spend it.
 */
export async function resetPasswordWithOtp(db: Db, policy: OtpPolicy, body: PasswordReset, now: number): Promise<void> {
  const otp = required(body.otpReference, 'USER.OTP_REFERENCE_MANDATORY', '$.otpReference');
  const userName = required(body.userName, 'USER.USERNAME_MANDATORY', '$.userName');
  const newPassword = required(body.newPassword, 'USER.NEW_PASSWORD_MANDATORY', '$.newPassword');
  const tenantId = required(body.tenantId, 'USER.TENANT_ID_MANDATORY', '$.tenantId');
  const type = required(body.type, 'USER.TYPE_MANDATORY', '$.type').toUpperCase() as UserType;
  const user = await findLoginUser(db, userName, tenantId, type);
  if (!user) throw invalid('USER.USER_NOT_FOUND', `no ${type.toLowerCase()} user '${userName}' at ${tenantId}`, '$.userName');
  checkPassword(newPassword, '$.newPassword');
  await consumeOtp(db, policy, { tenantId, mobileNumber: user.mobileNumber ?? userName, purpose: 'passwordreset', userUuid: user.uuid }, otp, now);
  await setPassword(db, user.uuid, newPassword, now);
}
