import type { JsonSchema } from '../../definitions/index.ts';
import { OTP_PURPOSES, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PROFILE_UPDATE_SCHEMA } from '../../users/index.ts';
import { answer, envelope, listOf, ref, type RouteDoc } from '../openapi/route-doc.ts';

const text = { type: 'string' };
const nullableText = { type: ['string', 'null'] };
const password = { type: 'string', format: 'password', description: `${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters with a digit, a lower-case and an upper-case letter and a special character, no spaces (DIGIT's rule).` };
const userType = { type: ['string', 'null'], description: 'EMPLOYEE or CITIZEN (any case).' };
/** egov-user's answer to a password change: `responseInfo` alone. */
const passwordAnswer: JsonSchema = { type: 'object', properties: { responseInfo: ref('ResponseInfo') }, required: ['responseInfo'] };

const tokenAnswer: JsonSchema = {
  type: 'object',
  properties: { access_token: text, token_type: { const: 'bearer' }, refresh_token: text, expires_in: { type: 'integer' }, scope: text, ResponseInfo: { type: 'object' }, UserRequest: ref('User') },
  required: ['access_token', 'token_type', 'refresh_token', 'expires_in', 'scope', 'UserRequest'],
};

export const userFlowDocs: Record<'user.profile.update' | 'user.password.update' | 'user.password.nologin' | 'otp.send' | 'user.citizen.create', RouteDoc> = {
  'user.profile.update': {
    summary: 'Update one’s own profile',
    description:
      'The signed-in user changes their name, e-mail, gender, date of birth, locale and other profile details (photo, addresses, ...). The user is named by id or uuid, and must be the caller; null keeps a value; user name, mobile number, type, roles and password are not changed here.',
    body: envelope({ user: { ...PROFILE_UPDATE_SCHEMA, additionalProperties: true, description: 'The user as the app read it, with the changes.' } }, ['user']),
    response: { type: 'object', properties: { responseInfo: ref('ResponseInfo'), user: listOf(ref('User')) }, required: ['responseInfo', 'user'] },
  },
  'user.password.update': {
    summary: 'Change one’s password',
    description: 'The signed-in user gives the password they have and a new one; it becomes their own (defaultPwdChgd: true). userName, tenantId and type are read from the session, as DIGIT reads them from RequestInfo.',
    body: envelope({ existingPassword: { type: 'string', format: 'password' }, newPassword: password, userName: nullableText, tenantId: nullableText, type: userType }, ['existingPassword', 'newPassword']),
    response: passwordAnswer,
  },
  'user.password.nologin': {
    summary: 'Set a new password with an OTP',
    description: 'For a forgotten password, or the first change of a default one: the OTP sent for passwordreset (/user-otp/v1/_send) to the user’s mobile number. Wrong, expired and used OTPs are refused with OTP_INVALID, OTP_EXPIRED and OTP_ALREADY_USED.',
    body: envelope({ otpReference: { ...text, description: 'The OTP.' }, userName: text, newPassword: password, tenantId: text, type: userType }, ['otpReference', 'userName', 'newPassword', 'tenantId', 'type']),
    response: passwordAnswer,
  },
  'otp.send': {
    summary: 'Send an OTP by SMS',
    description:
      'DIGIT’s user-otp: register (a mobile number no citizen has), login (a citizen’s), passwordreset (a user named by user name or mobile number; the OTP goes to their mobile number). Sends per mobile number and hour are limited (429 OTP_SEND_LIMIT).',
    body: envelope(
      {
        otp: {
          type: 'object',
          properties: { mobileNumber: text, tenantId: text, type: { type: ['string', 'null'], enum: [...OTP_PURPOSES, null], description: 'Default register.' }, userType, locale: nullableText },
          required: ['mobileNumber', 'tenantId'],
        },
      },
      ['otp'],
    ),
    response: { type: 'object', properties: { responseInfo: { type: 'null' }, isSuccessful: { type: 'boolean' } }, required: ['isSuccessful'] },
  },
  'user.citizen.create': {
    summary: 'Register as a citizen with an OTP',
    description: 'The user name is the mobile number the register OTP was sent to; the citizen is created at the state with the CITIZEN role and signed in (DIGIT’s registration with login).',
    body: envelope(
      { user: { type: 'object', properties: { userName: text, name: text, otpReference: text, tenantId: text, mobileNumber: nullableText, emailId: nullableText, gender: nullableText }, required: ['userName', 'name', 'otpReference', 'tenantId'] } },
      ['user'],
    ),
    response: tokenAnswer,
  },
};

export const smsOutboxDoc: RouteDoc = {
  summary: 'Read the development SMS outbox',
  description: 'Messages the development provider kept instead of sending (OTPs included), newest first: for tests and people trying Seva. An admin’s route.',
  body: envelope({ recipient: text, tenantId: text, limit: { type: 'integer', minimum: 1, maximum: 500 } }),
  response: answer({
    messages: listOf({
      type: 'object',
      properties: { id: text, recipient: text, text, templateId: text, tenantId: text, category: text, provider: text, createdAt: { type: 'integer' } },
      required: ['id', 'recipient', 'text', 'tenantId', 'provider', 'createdAt'],
    }),
  }),
};
