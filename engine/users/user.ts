import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { conflict, invalid, invalidFields, notFound } from '../errors/index.ts';
import { nextSequenceValue } from '../idgen/index.ts';
import { exactFilters, findRecord, inFilters, insertRecord, searchRecords, updateMatching, type FieldValues, type Matching } from '../persister/index.ts';
import { uniqueViolationOf, type Db } from '../store/index.ts';
import { compilePayloadValidator } from '../validation/index.ts';
import { hashPassword } from './passwords.ts';
import { userTable } from './tables.ts';

export type UserType = 'EMPLOYEE' | 'CITIZEN' | 'SYSTEM';

export interface RoleGrant {
  code: string;
  tenantId: string;
  name?: string;
}

/** A user as DIGIT clients see it (never with the password). */
export interface User {
  id: number;
  uuid: string;
  userName: string;
  name?: string;
  mobileNumber?: string;
  emailId?: string;
  gender?: string;
  type: UserType;
  tenantId: string;
  roles: RoleGrant[];
  active: boolean;
  /** False until the user sets a password of their own (DIGIT's app then asks for one). */
  defaultPwdChgd?: boolean;
  /** Date of birth, yyyy-MM-dd. */
  dob?: string;
  locale?: string;
  /** DIGIT's other profile details (salutation, addresses, PAN, photo, ...), kept as sent. */
  profile?: Record<string, unknown>;
  /** Locked by too many failed logins (DIGIT's egov-user), since accountLockedDate. */
  accountLocked?: boolean;
  accountLockedDate?: number;
  auditDetails?: { createdBy?: string; createdTime?: number; lastModifiedBy?: string; lastModifiedTime?: number };
}

/** Profile details of DIGIT's user that Seva keeps as they come and gives back as they were. */
export const PROFILE_FIELDS = [
  'salutation',
  'altContactNumber',
  'pan',
  'aadhaarNumber',
  'permanentAddress',
  'permanentCity',
  'permanentPinCode',
  'correspondenceAddress',
  'correspondenceCity',
  'correspondencePinCode',
  'addresses',
  'fatherOrHusbandName',
  'relationship',
  'signature',
  'bloodGroup',
  'photo',
  'identificationMark',
] as const;
const text = { type: ['string', 'null'] };

export interface UserInput extends Partial<Omit<User, 'uuid' | 'id' | 'profile'>> {
  uuid?: string;
  password?: string;
  [profileField: string]: unknown;
}

/** A user as a create or update request carries it (the published contract shows this schema too). */
export const USER_INPUT_SCHEMA = {
  type: 'object',
  required: ['userName', 'name', 'type', 'tenantId', 'roles'],
  properties: {
    uuid: { type: 'string' },
    userName: { type: 'string', minLength: 1, maxLength: 180 },
    name: { type: 'string', minLength: 1, maxLength: 250 },
    mobileNumber: { type: ['string', 'null'], pattern: '^[0-9]{10}$', 'x-error-code': 'INVALID_MOBILE_NUMBER', 'x-error-message': 'must be a 10-digit mobile number' },
    emailId: { type: ['string', 'null'] },
    gender: { type: ['string', 'null'] },
    type: { enum: ['EMPLOYEE', 'CITIZEN', 'SYSTEM'] },
    tenantId: { type: 'string', minLength: 1 },
    active: { type: ['boolean', 'null'] },
    defaultPwdChgd: { type: ['boolean', 'null'] },
    dob: { type: ['string', 'integer', 'null'], pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', 'x-error-code': 'INVALID_DATE_OF_BIRTH', 'x-error-message': 'must be a date yyyy-MM-dd or epoch milliseconds' },
    locale: text,
    ...Object.fromEntries(PROFILE_FIELDS.map((f) => [f, f === 'addresses' ? { type: ['array', 'null'], items: { type: 'object' } } : text])),
    password: { type: 'string', minLength: 8, 'x-error-code': 'INVALID_PASSWORD', 'x-error-message': 'must have at least 8 characters' },
    roles: {
      type: 'array',
      minItems: 1,
      items: { type: 'object', required: ['code', 'tenantId'], properties: { code: { type: 'string' }, tenantId: { type: 'string' }, name: { type: 'string' } } },
    },
  },
};
const validateUser = compilePayloadValidator(USER_INPUT_SCHEMA);

/** A user as stored: with the hash of their password, which nothing outside this module sees. */
export interface StoredUser extends User {
  passwordHash?: string;
}

export const withoutPassword = ({ passwordHash: _hidden, ...user }: StoredUser): User => user;

export interface UserChecks {
  tenantExists(tenantId: string): boolean;
  roleExists(code: string): boolean;
}

export function checkInput(input: UserInput, basePath: string, checks: UserChecks): void {
  const details = validateUser(input, basePath);
  if (details.length === 0) {
    if (!checks.tenantExists(input.tenantId!)) details.push({ code: 'INVALID_TENANT_ID', message: `${basePath}.tenantId '${input.tenantId}' is not a known tenant`, path: `${basePath}.tenantId` });
    input.roles!.forEach((r, i) => {
      if (!checks.roleExists(r.code)) details.push({ code: 'INVALID_ROLE', message: `${basePath}.roles[${i}].code '${r.code}' is not a known role`, path: `${basePath}.roles[${i}].code` });
      if (!checks.tenantExists(r.tenantId)) details.push({ code: 'INVALID_TENANT_ID', message: `${basePath}.roles[${i}].tenantId '${r.tenantId}' is not a known tenant`, path: `${basePath}.roles[${i}].tenantId` });
    });
  }
  if (details.length > 0) throw invalidFields(details);
}

/** yyyy-MM-dd of a date of birth sent as that or as epoch milliseconds (the day in UTC, as DIGIT stores a date). */
export function dateOfBirth(dob: unknown): string | undefined {
  if (dob === undefined || dob === null) return undefined;
  return typeof dob === 'number' ? new Date(dob).toISOString().slice(0, 10) : String(dob);
}

export function profileDetailsOf(input: UserInput): Record<string, unknown> | undefined {
  const details = Object.fromEntries(PROFILE_FIELDS.filter((f) => input[f] !== undefined && input[f] !== null).map((f) => [f, input[f]]));
  return Object.keys(details).length > 0 ? details : undefined;
}

/** The fields a create and an update both take from the request (null means absent). */
function profileOf(input: UserInput) {
  return {
    userName: input.userName!,
    name: input.name ?? undefined,
    mobileNumber: input.mobileNumber ?? undefined,
    emailId: input.emailId ?? undefined,
    gender: input.gender ?? undefined,
    type: input.type!,
    roles: input.roles!.map((r) => ({ code: r.code, tenantId: r.tenantId, ...(r.name ? { name: r.name } : {}) })),
    active: input.active ?? true,
    dob: dateOfBirth(input.dob),
    locale: input.locale ?? undefined,
    profile: profileDetailsOf(input),
  };
}

function rethrowDuplicate(err: unknown, input: UserInput): never {
  if (uniqueViolationOf(err)) throw conflict('DUPLICATE_USER_NAME', `a user named '${input.userName}' already exists at tenant ${input.tenantId}`, '$.user.userName');
  throw err;
}

export async function createUser(db: Db, input: UserInput, actor: string | undefined, now: number, checks: UserChecks): Promise<User> {
  checkInput(input, '$.user', checks);
  const uuid = randomUUID();
  const user: StoredUser = {
    uuid,
    id: await nextSequenceValue(db, 'seva_user_id'),
    tenantId: input.tenantId!,
    ...profileOf(input),
    defaultPwdChgd: input.defaultPwdChgd ?? false,
    passwordHash: input.password ? await hashPassword(input.password) : undefined,
    auditDetails: { createdBy: actor ?? uuid, createdTime: now, lastModifiedBy: actor ?? uuid, lastModifiedTime: now },
  };
  try {
    await insertRecord(db, userTable, user);
  } catch (err) {
    rethrowDuplicate(err, input);
  }
  return withoutPassword(user);
}

export async function updateUser(db: Db, input: UserInput, actor: string, now: number, checks: UserChecks): Promise<User> {
  if (!input.uuid) throw invalid('REQUIRED_FIELD_MISSING', '$.user.uuid is required to update a user', '$.user.uuid');
  checkInput(input, '$.user', checks);
  const changes: FieldValues<StoredUser> = { ...profileOf(input), 'auditDetails.lastModifiedBy': actor, 'auditDetails.lastModifiedTime': now };
  if (input.password) changes.passwordHash = await hashPassword(input.password);
  if (typeof input.defaultPwdChgd === 'boolean') changes.defaultPwdChgd = input.defaultPwdChgd;
  try {
    const [updated] = await updateMatching(db, userTable, { filters: exactFilters({ uuid: input.uuid, tenantId: input.tenantId }) }, changes);
    if (!updated) throw notFound('USER_NOT_FOUND', `no user ${input.uuid} at tenant ${input.tenantId}`);
    return withoutPassword(updated);
  } catch (err) {
    return rethrowDuplicate(err, input);
  }
}

export interface UserCriteria {
  tenantId: string;
  uuid?: string[];
  id?: number[];
  userName?: string;
  mobileNumber?: string;
  roleCodes?: string[];
  userType?: UserType;
  active?: boolean;
  /** Only users holding a role at this tenant or below it (a user search never lists anyone working elsewhere). */
  rolesWithin?: string;
  offset?: number;
  limit?: number;
}

export async function searchUsers(db: Db, c: UserCriteria): Promise<User[]> {
  // A GP's users with its state's; a state's with those of its GPs.
  const scope: Matching = c.tenantId.includes('.') ? { filters: inFilters({ tenantId: [c.tenantId, stateOf(c.tenantId)] }) } : { tenant: { id: c.tenantId, scope: 'within' }, filters: [] };
  const within = c.rolesWithin;
  const users = await searchRecords(db, userTable, {
    ...scope,
    ...(within
      ? { also: () => sql<boolean>`exists (select 1 from jsonb_array_elements(roles) as r where r->>'tenantId' = ${within} or starts_with(r->>'tenantId', ${`${within}.`}))` }
      : {}),
    filters: [
      ...scope.filters,
      ...inFilters({ uuid: c.uuid?.length ? c.uuid : undefined, id: c.id?.length ? c.id : undefined }),
      ...(c.userName ? [{ fields: ['userName'], match: 'exact' as const, caseInsensitive: true, values: [c.userName] }] : []),
      ...exactFilters({ mobileNumber: c.mobileNumber || undefined, type: c.userType || undefined, active: c.active }),
    ],
    sort: [['id', 'asc']],
    page: { offset: c.offset ?? 0, limit: Math.min(c.limit ?? 100, 500) },
  });
  const found = c.roleCodes?.length ? users.filter((u) => u.roles.some((r) => c.roleCodes!.includes(r.code))) : users;
  return found.map(withoutPassword);
}

const stateOf = (tenantId: string) => tenantId.split('.')[0]!;

/** The user a login names: by user name and type, at the tenant given or else at its state. */
export async function findLoginUser(db: Db, userName: string, tenantId: string, type: UserType | undefined): Promise<StoredUser | undefined> {
  const found = await searchRecords(db, userTable, {
    filters: [{ fields: ['userName'], match: 'exact', caseInsensitive: true, values: [userName] }, ...inFilters({ tenantId: [tenantId, stateOf(tenantId)] }), ...exactFilters({ type })],
  });
  return found.sort((a, b) => b.tenantId.length - a.tenantId.length)[0];
}

export async function findUserByUuid(db: Db, uuid: string): Promise<User | undefined> {
  const user = await findRecord(db, userTable, { uuid });
  return user && withoutPassword(user);
}

/** Users by uuid (for showing who acted); unknown uuids are simply absent. */
export async function usersByUuid(db: Db, uuids: string[]): Promise<Map<string, User>> {
  const unique = [...new Set(uuids)];
  if (unique.length === 0) return new Map();
  const users = await searchRecords(db, userTable, { filters: inFilters({ uuid: unique }) });
  return new Map(users.map((u) => [u.uuid, withoutPassword(u)]));
}
