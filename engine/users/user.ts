import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { conflict, invalid, invalidFields, notFound } from '../errors/index.ts';
import { nextSequenceValue } from '../idgen/index.ts';
import type { Db } from '../store/index.ts';
import { uniqueViolationOf } from '../store/index.ts';
import { compilePayloadValidator } from '../validation/index.ts';
import { hashPassword } from './passwords.ts';

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
  auditDetails?: { createdBy?: string; createdTime?: number; lastModifiedBy?: string; lastModifiedTime?: number };
}

export interface UserInput extends Partial<Omit<User, 'uuid' | 'id'>> {
  uuid?: string;
  password?: string;
}

const userSchema = {
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
    active: { type: 'boolean', default: true },
    password: { type: 'string', minLength: 8, 'x-error-code': 'INVALID_PASSWORD', 'x-error-message': 'must have at least 8 characters' },
    roles: {
      type: 'array',
      minItems: 1,
      items: { type: 'object', required: ['code', 'tenantId'], properties: { code: { type: 'string' }, tenantId: { type: 'string' }, name: { type: 'string' } } },
    },
  },
};
const validateUser = compilePayloadValidator(userSchema);

type Row = Record<string, unknown>;

export function userFromRow(row: Row): User {
  const user: User = {
    id: Number(row.id),
    uuid: String(row.uuid),
    userName: String(row.user_name),
    type: row.type as UserType,
    tenantId: String(row.tenant_id),
    roles: (typeof row.roles === 'string' ? JSON.parse(row.roles) : row.roles) as RoleGrant[],
    active: Boolean(row.active),
    auditDetails: {
      createdBy: (row.created_by as string) ?? undefined,
      createdTime: row.created_time === null ? undefined : Number(row.created_time),
      lastModifiedBy: (row.last_modified_by as string) ?? undefined,
      lastModifiedTime: row.last_modified_time === null ? undefined : Number(row.last_modified_time),
    },
  };
  if (row.name !== null) user.name = String(row.name);
  if (row.mobile_number !== null) user.mobileNumber = String(row.mobile_number);
  if (row.email_id !== null) user.emailId = String(row.email_id);
  if (row.gender !== null) user.gender = String(row.gender);
  return user;
}

export interface UserChecks {
  tenantExists(tenantId: string): boolean;
  roleExists(code: string): boolean;
}

function checkInput(input: UserInput, basePath: string, checks: UserChecks): void {
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

/** The columns a create and an update both take from the request. */
function profileColumns(input: UserInput): Row {
  return {
    user_name: input.userName,
    name: input.name ?? null,
    mobile_number: input.mobileNumber ?? null,
    email_id: input.emailId ?? null,
    gender: input.gender ?? null,
    type: input.type,
    roles: JSON.stringify(input.roles!.map((r) => ({ code: r.code, tenantId: r.tenantId, ...(r.name ? { name: r.name } : {}) }))),
    active: input.active ?? true,
  };
}

function rethrowDuplicate(err: unknown, input: UserInput): never {
  if (uniqueViolationOf(err)) throw conflict('DUPLICATE_USER_NAME', `a user named '${input.userName}' already exists at tenant ${input.tenantId}`, '$.user.userName');
  throw err;
}

export async function createUser(db: Db, input: UserInput, actor: string | undefined, now: number, checks: UserChecks): Promise<User> {
  checkInput(input, '$.user', checks);
  const uuid = randomUUID();
  const row = {
    uuid,
    id: await nextSequenceValue(db, 'seva_user_id'),
    tenant_id: input.tenantId,
    ...profileColumns(input),
    password_hash: input.password ? await hashPassword(input.password) : null,
    created_by: actor ?? uuid,
    created_time: now,
    last_modified_by: actor ?? uuid,
    last_modified_time: now,
  };
  try {
    await db.insertInto('seva_user').values(row).execute();
  } catch (err) {
    rethrowDuplicate(err, input);
  }
  return userFromRow(row);
}

export async function updateUser(db: Db, input: UserInput, actor: string, now: number, checks: UserChecks): Promise<User> {
  if (!input.uuid) throw invalid('REQUIRED_FIELD_MISSING', '$.user.uuid is required to update a user', '$.user.uuid');
  checkInput(input, '$.user', checks);
  const set: Row = {
    ...profileColumns(input),
    last_modified_by: actor,
    last_modified_time: now,
  };
  if (input.password) set.password_hash = await hashPassword(input.password);
  try {
    const r = await db.updateTable('seva_user').set(set).where('uuid', '=', input.uuid).where('tenant_id', '=', input.tenantId!).returningAll().executeTakeFirst();
    if (!r) throw notFound('USER_NOT_FOUND', `no user ${input.uuid} at tenant ${input.tenantId}`);
    return userFromRow(r);
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
  offset?: number;
  limit?: number;
}

export async function searchUsers(db: Db, c: UserCriteria): Promise<User[]> {
  let q = db.selectFrom('seva_user').selectAll();
  // Users of a state-level tenant are searched with the GPs below it.
  q = c.tenantId.includes('.') ? q.where('tenant_id', 'in', [c.tenantId, c.tenantId.split('.')[0]!]) : q.where((eb) => eb.or([eb('tenant_id', '=', c.tenantId), eb('tenant_id', 'like', `${c.tenantId}.%`)]));
  if (c.uuid?.length) q = q.where('uuid', 'in', c.uuid);
  if (c.id?.length) q = q.where('id', 'in', c.id);
  if (c.userName) q = q.where(sql`lower(user_name)`, '=', c.userName.toLowerCase());
  if (c.mobileNumber) q = q.where('mobile_number', '=', c.mobileNumber);
  if (c.userType) q = q.where('type', '=', c.userType);
  if (c.active !== undefined) q = q.where('active', '=', c.active);
  const rows = await q.orderBy('id').offset(c.offset ?? 0).limit(Math.min(c.limit ?? 100, 500)).execute();
  const users = rows.map(userFromRow);
  return c.roleCodes?.length ? users.filter((u) => u.roles.some((r) => c.roleCodes!.includes(r.code))) : users;
}

/** The user a login names: by user name and type, at the tenant given or at its state. */
export async function findLoginUser(db: Db, userName: string, tenantId: string, type: UserType | undefined): Promise<(User & { passwordHash?: string }) | undefined> {
  let q = db.selectFrom('seva_user').selectAll().where(sql`lower(user_name)`, '=', userName.toLowerCase()).where('tenant_id', 'in', [tenantId, tenantId.split('.')[0]!]);
  if (type) q = q.where('type', '=', type);
  const row = await q.orderBy(sql`length(tenant_id)`, 'desc').executeTakeFirst();
  if (!row) return undefined;
  return { ...userFromRow(row), passwordHash: (row.password_hash as string) ?? undefined };
}

export async function findUserByUuid(db: Db, uuid: string): Promise<User | undefined> {
  const row = await db.selectFrom('seva_user').selectAll().where('uuid', '=', uuid).executeTakeFirst();
  return row ? userFromRow(row) : undefined;
}

/** Users by uuid (for showing who acted); unknown uuids are simply absent. */
export async function usersByUuid(db: Db, uuids: string[]): Promise<Map<string, User>> {
  const unique = [...new Set(uuids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('seva_user').selectAll().where('uuid', 'in', unique).execute();
  return new Map(rows.map((r) => [String(r.uuid), userFromRow(r)]));
}
