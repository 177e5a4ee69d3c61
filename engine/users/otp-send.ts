import type { OTPMessage, OTPPolicyDefinition } from '../definitions/index.ts';
import { invalid, invalidFields, type ErrorDetail } from '../errors/index.ts';
import { renderText, type SmsSender } from '../sms/index.ts';
import { issueOtp, OTP_PURPOSES, type OtpPolicy, type OtpPurpose } from './otp.ts';
import type { Db } from '../store/index.ts';
import { findLoginUser, searchUsers, type User, type UserChecks, type UserType } from './user.ts';

/** Texts used when the OTP policy gives none (DIGIT's user-otp falls back to English too). */
const DEFAULT_TEXTS: Record<OtpPurpose, string> = {
  register: 'Dear Citizen, your OTP to complete your registration is {{ otp }}. It is valid for {{ minutes }} minutes.',
  login: 'Dear Citizen, your login OTP is {{ otp }}. It is valid for {{ minutes }} minutes.',
  passwordreset: 'Your OTP to reset your password is {{ otp }}. It is valid for {{ minutes }} minutes. Do not share it with anyone.',
};

export interface OtpSettings extends OtpPolicy {
  messages: OTPPolicyDefinition['messages'];
}

/** The policy a definition gives, with the engine's defaults (those of DIGIT's egov-otp where it has them). */
export function otpSettings(def: OTPPolicyDefinition, pepper: string): OtpSettings {
  return {
    length: def.length ?? 6,
    ttlMs: (def.ttlMinutes ?? 15) * 60_000,
    maxAttempts: def.maxAttempts ?? 5,
    sendsPerHour: def.sendsPerHour ?? 5,
    pepper,
    messages: def.messages ?? {},
  };
}

export interface OtpSendDeps {
  db: Db;
  settings: OtpSettings;
  sms: SmsSender;
  checks: UserChecks;
}

/** DIGIT's user-otp request: `{otp: {mobileNumber, tenantId, type, userType, locale}}`. */
export interface OtpRequest {
  mobileNumber?: unknown;
  tenantId?: unknown;
  type?: unknown;
  userType?: unknown;
  locale?: unknown;
}

const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

function checkRequest(req: OtpRequest): { mobileNumber: string; tenantId: string; purpose: OtpPurpose; userType?: UserType; locale?: string } {
  const details: ErrorDetail[] = [];
  const tenantId = text(req.tenantId);
  const mobileNumber = text(req.mobileNumber);
  // No type is a registration, as DIGIT reads it.
  const type = (text(req.type) ?? 'register').toLowerCase();
  if (!tenantId) details.push({ code: 'OTP.TENANT_ID_MANDATORY', message: '$.otp.tenantId is required', path: '$.otp.tenantId' });
  if (!mobileNumber) details.push({ code: 'OTP.MOBILE_NUMBER_MANDATORY', message: '$.otp.mobileNumber is required', path: '$.otp.mobileNumber' });
  if (!OTP_PURPOSES.includes(type as OtpPurpose)) details.push({ code: 'OTP.REQUEST_TYPE_MANDATORY', message: `$.otp.type must be one of ${OTP_PURPOSES.join(', ')}`, path: '$.otp.type' });
  // A password reset may name an employee by user name; the others name a mobile number.
  if (mobileNumber && type !== 'passwordreset' && !/^[0-9]{10,13}$/.test(mobileNumber)) {
    details.push({ code: 'OTP.MOBILE_NUMBER_INVALID', message: '$.otp.mobileNumber must be 10 to 13 digits', path: '$.otp.mobileNumber' });
  }
  if (details.length > 0) throw invalidFields(details);
  const userType = text(req.userType)?.toUpperCase();
  return { mobileNumber: mobileNumber!, tenantId: tenantId!, purpose: type as OtpPurpose, userType: userType as UserType | undefined, locale: text(req.locale) };
}

/** The user an OTP request names: an employee by user name, a citizen by mobile number (as user-otp looks them up). */
async function userOf(db: Db, mobileNumber: string, tenantId: string, userType: UserType | undefined): Promise<User | undefined> {
  const byName = await findLoginUser(db, mobileNumber, tenantId, userType);
  if (byName) return byName;
  if (userType === 'EMPLOYEE') return undefined;
  const [byMobile] = await searchUsers(db, { tenantId, mobileNumber, userType: userType ?? 'CITIZEN', limit: 1 });
  return byMobile;
}

function messageFor(settings: OtpSettings, purpose: OtpPurpose, user: User | undefined): OTPMessage | undefined {
  const m = settings.messages ?? {};
  if (purpose === 'passwordreset' && user && user.defaultPwdChgd === false) return m.firstPassword ?? m.passwordreset;
  return m[purpose];
}

/**
 * Sends an OTP as DIGIT's user-otp does: a registration needs a mobile number no citizen has, a
 * login one a user has; a password reset goes to the mobile number of the user named. The text
 * is the policy's for the purpose and locale (en_IN when the locale has none).
 */
export async function sendOtp(deps: OtpSendDeps, request: OtpRequest, now: number): Promise<void> {
  const req = checkRequest(request);
  if (!deps.checks.tenantExists(req.tenantId)) throw invalid('INVALID_TENANT_ID', `$.otp.tenantId '${req.tenantId}' is not a known tenant`, '$.otp.tenantId');
  const user = await userOf(deps.db, req.mobileNumber, req.tenantId, req.purpose === 'passwordreset' ? req.userType : (req.userType ?? 'CITIZEN'));
  if (req.purpose === 'register' && user) throw invalid('OTP.MOBILENUMBER', 'this mobile number is registered already', '$.otp.mobileNumber');
  if (req.purpose === 'login' && !user) throw invalid('OTP.UNKNOWN_USER', 'no user has this mobile number', '$.otp.mobileNumber');
  if (req.purpose === 'passwordreset') {
    if (!user) throw invalid('OTP.UNKNOWN_MOBILE_NUMBER', 'no user has this mobile number or user name', '$.otp.mobileNumber');
    if (!user.mobileNumber) throw invalid('OTP.MOBILE_NUMBER', 'the user has no mobile number to send the OTP to', '$.otp.mobileNumber');
  }
  const recipient = req.purpose === 'passwordreset' ? user!.mobileNumber! : req.mobileNumber;
  const { code } = await issueOtp(deps.db, deps.settings, { tenantId: req.tenantId, mobileNumber: recipient, purpose: req.purpose, userUuid: user?.uuid }, now);
  const message = messageFor(deps.settings, req.purpose, user);
  const locale = req.locale ?? user?.locale ?? 'en_IN';
  const template = message?.text[locale] ?? message?.text.en_IN ?? DEFAULT_TEXTS[req.purpose];
  const textOut = renderText(template, { otp: code, minutes: Math.round(deps.settings.ttlMs / 60_000), name: user?.name ?? '' });
  await deps.sms.send({ recipient, text: textOut, templateId: message?.templateId, tenantId: req.tenantId, category: 'OTP' });
}
