import type { JsonSchema } from '../../definitions/index.ts';
import { PROFILE_FIELDS, USER_INPUT_SCHEMA } from '../../users/index.ts';
import { envelope, listCriterion, listOf, ref, wholeNumber, type RouteDoc } from '../openapi/route-doc.ts';

const text = { type: 'string' };
const userTypes = { enum: ['EMPLOYEE', 'CITIZEN', 'SYSTEM'] };

/** egov-user's user and user input, which other answers (an employee's user) build on. */
export const userSchemas: Record<'User' | 'UserInput', JsonSchema> = {
  User: {
    type: 'object',
    description: "A user as egov-user answers it (never with its password): profile details at the top level, dates as text, absent details left out or null.",
    properties: {
      id: { type: 'integer' },
      uuid: text,
      userName: text,
      name: text,
      mobileNumber: text,
      emailId: text,
      gender: text,
      type: userTypes,
      tenantId: text,
      roles: listOf({ type: 'object', properties: { code: text, tenantId: text, name: text }, required: ['code', 'tenantId'] }),
      active: { type: 'boolean' },
      locale: text,
      ...Object.fromEntries(PROFILE_FIELDS.map((f) => [f, f === 'addresses' ? { type: ['array', 'null'] } : { type: ['string', 'null'] }])),
      defaultPwdChgd: { type: 'boolean', description: 'False until the user sets a password of their own.' },
      accountLocked: { type: 'boolean' },
      dob: { type: ['string', 'null'], description: 'yyyy-MM-dd' },
      createdDate: { type: ['string', 'null'], description: 'dd-MM-yyyy HH:mm:ss' },
      lastModifiedDate: { type: ['string', 'null'], description: 'dd-MM-yyyy HH:mm:ss' },
      pwdExpiryDate: { type: ['string', 'null'] },
      auditDetails: ref('AuditDetails'),
    },
    required: ['id', 'uuid', 'userName', 'type', 'tenantId', 'roles', 'active', 'defaultPwdChgd', 'accountLocked', 'createdDate', 'lastModifiedDate'],
  },
  UserInput: { ...USER_INPUT_SCHEMA, description: 'A user to create, or (with its uuid) to change. Each role is held at a tenant: a GP, or the state for all its GPs.' },
};

/** egov-user's answers to a user write or search: `responseInfo` in lower case, as DIGIT spells it there. */
const usersAnswer: JsonSchema = { type: 'object', properties: { responseInfo: ref('ResponseInfo'), user: listOf(ref('User')) }, required: ['responseInfo', 'user'] };

const tokenAnswer: JsonSchema = {
  type: 'object',
  properties: {
    access_token: text,
    token_type: { const: 'bearer' },
    refresh_token: text,
    expires_in: { type: 'integer', description: 'Seconds the access token is good for.' },
    scope: text,
    ResponseInfo: { type: 'object', properties: { api: text, status: text } },
    UserRequest: ref('User'),
  },
  required: ['access_token', 'token_type', 'refresh_token', 'expires_in', 'scope', 'ResponseInfo', 'UserRequest'],
};

/** The contract of each user and session route, by its endpoint id. */
export const userDocs: Record<'auth.token' | 'user.details' | 'auth.logout' | 'user.create' | 'user.update' | 'user.search', RouteDoc> = {
  'auth.token': {
    summary: 'Sign in (OAuth2 password grant), or refresh a token',
    description: "DIGIT's login, form-encoded, with the OAuth client's credentials in an Authorization: Basic header (egov-user-client: by default).",
    body: {
      type: 'object',
      properties: {
        grant_type: { enum: ['password', 'refresh_token'] },
        username: text,
        password: { type: 'string', format: 'password' },
        tenantId: text,
        userType: userTypes,
        scope: text,
        refresh_token: { ...text, description: 'With grant_type=refresh_token: the refresh token of an earlier sign-in (each is used once).' },
      },
      required: ['grant_type'],
    },
    response: tokenAnswer,
    schemas: userSchemas,
    security: [{ clientBasic: [] }],
  },
  'user.details': {
    summary: 'The signed-in user',
    description: 'The user the access token (?access_token=, the Authorization header or RequestInfo.authToken) belongs to.',
    query: [{ name: 'access_token', schema: text, description: 'The access token, as DIGIT clients send it here.' }],
    body: envelope({}),
    response: ref('User'),
    schemas: userSchemas,
  },
  'auth.logout': {
    summary: 'Sign out',
    description: 'Revokes the access token the request carries.',
    body: envelope({}),
    response: { type: 'object', properties: { ResponseInfo: { type: 'object', properties: { status: text } } }, required: ['ResponseInfo'] },
  },
  'user.create': {
    summary: 'Create a user',
    description: 'Needs the grant at every tenant where the user will hold a role.',
    body: envelope({ user: ref('UserInput') }, ['user']),
    response: usersAnswer,
    schemas: userSchemas,
  },
  'user.update': {
    summary: 'Change a user',
    description: 'Names the user by uuid; needs the grant where the user holds roles now and where it will.',
    body: envelope({ user: ref('UserInput') }, ['user']),
    response: usersAnswer,
    schemas: userSchemas,
  },
  'user.search': {
    summary: 'Search users',
    description: 'The criteria come in the body; tenantId may come in the query string instead.',
    query: [{ name: 'tenantId', schema: text }],
    body: envelope({
      tenantId: text,
      uuid: listCriterion(),
      id: listCriterion({ type: 'integer' }),
      userName: text,
      mobileNumber: text,
      roleCodes: listCriterion(),
      userType: userTypes,
      active: { type: 'boolean' },
      pageSize: wholeNumber('Users per page (default all).'),
      pageNumber: wholeNumber('Page, from 0.'),
    }),
    response: usersAnswer,
    schemas: userSchemas,
  },
};
