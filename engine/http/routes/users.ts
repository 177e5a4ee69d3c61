import type { EndpointAccess } from '../../access/index.ts';
import { authorize } from '../../access/index.ts';
import type { Clock } from '../../clock/index.ts';
import { invalid, invalidFields, unauthenticated, type ErrorDetail } from '../../errors/index.ts';
import { listCriterion, wholeNumberCriterion } from '../../validation/index.ts';
import type { Db } from '../../store/index.ts';
import {
  admitLogin,
  checkRoleChange,
  consumeRefreshToken,
  createUser,
  findLoginUser,
  findUserByUuid,
  loginFailed,
  loginSucceeded,
  recordAuthEvent,
  revokeSession,
  searchUsers,
  updateUser,
  userView,
  verifyPassword,
  type LockoutPolicy,
  type RoleGrant,
  type RoleGrantRule,
  type SessionPolicy,
  type User,
  type UserChecks,
  type UserCriteria,
  type UserInput,
  type UserType,
} from '../../users/index.ts';
import type { CallLimits } from '../call-limits.ts';
import { requireTenant, type HttpRequest, type Route } from '../route.ts';
import { userDocs } from './users-docs.ts';
import { tokenAnswer } from './token-answer.ts';

export interface UserRouteDeps {
  db: Db;
  clock: Clock;
  checks: UserChecks;
  sessions: SessionPolicy;
  /** Failed logins lock an account; these say how many, and for how long. */
  lockout: LockoutPolicy;
  /** Who may grant which roles where (users/grants.ts). */
  roleGrants: readonly RoleGrantRule[];
  limits: CallLimits;
  /** OAuth clients accepted in the Basic header of the token endpoint: `client:secret`. */
  clients: Set<string>;
  grant: (endpointId: string) => EndpointAccess;
  /** The zone DIGIT's date texts (createdDate, ...) are written in. */
  timeZone: string;
  /** Signs a citizen in with the OTP sent for login (routes/user-flows.ts); without it citizens use passwords. */
  otpLogin?: (userName: string, tenantId: string, otp: string) => Promise<User>;
}

export const USER_ENDPOINTS = {
  'auth.token': '/user/oauth/token',
  'user.create': '/user/users/_createnovalidate',
  'user.update': '/user/users/_updatenovalidate',
  'user.search': '/user/_search',
} as const;
export const SESSION_PATHS = ['/user/_details', '/user/_logout'];

const wrongCredentials = () => unauthenticated('INVALID_CREDENTIALS', 'the user name, password or tenant is wrong');

/** Tenants a user record acts in: where its roles are, and its own tenant when that is a GP. */
function tenantsOfUser(user: UserInput | User): string[] {
  const tenants = new Set((user.roles ?? []).map((r) => r.tenantId).filter((t): t is string => typeof t === 'string'));
  if (typeof user.tenantId === 'string' && user.tenantId.includes('.')) tenants.add(user.tenantId);
  return [...tenants];
}

function userInputOf(req: HttpRequest): UserInput {
  const user = req.body.user;
  if (!user || typeof user !== 'object' || Array.isArray(user)) throw invalid('INVALID_REQUEST', 'the request must carry the user as an object under "user"', '$.user');
  // The roles decide where the caller must be granted the endpoint, so their shape is checked before access is.
  const roles = (user as UserInput).roles as unknown;
  if (roles !== undefined && roles !== null) {
    if (!Array.isArray(roles)) throw invalid('INVALID_TYPE', '$.user.roles must be a list of {code, tenantId}', '$.user.roles');
    roles.forEach((r, i) => {
      if (!r || typeof r !== 'object' || Array.isArray(r)) throw invalid('INVALID_TYPE', `$.user.roles[${i}] must be an object {code, tenantId}`, `$.user.roles[${i}]`);
    });
  }
  return user as UserInput;
}

/** The roles a create or update request gives (their shape is checked before access is). */
const rolesOf = (input: UserInput): RoleGrant[] =>
  Array.isArray(input.roles) ? input.roles.filter((r) => typeof r?.code === 'string' && typeof r?.tenantId === 'string').map((r) => ({ code: r.code, tenantId: r.tenantId })) : [];

/** A change of roles goes into the sign-in audit, with who made it. */
async function recordRoleChange(db: Db, req: HttpRequest, user: User, change: { added: RoleGrant[]; removed: RoleGrant[] }): Promise<void> {
  if (change.added.length === 0 && change.removed.length === 0) return;
  const at = user.auditDetails?.lastModifiedTime ?? 0;
  await recordAuthEvent(db, { at, event: 'ROLES_CHANGED', userUuid: user.uuid, userName: user.userName, tenantId: user.tenantId, clientAddress: req.clientAddress, actor: req.caller?.uuid, detail: change });
}

const list = (v: unknown) => (v === undefined || v === null ? undefined : Array.isArray(v) ? v.map(String) : [String(v)]);

/** A user search's criteria, from the body or the query: each of the type it must be, or a 400 naming it. */
function userCriteriaOf(req: HttpRequest): UserCriteria {
  const b = { ...req.query, ...req.body };
  const details: ErrorDetail[] = [];
  const text = (name: string): string | undefined => {
    const v = b[name];
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v === 'string') return v;
    details.push({ code: 'INVALID_SEARCH_CRITERIA', message: `${name} must be text`, path: `$.${name}` });
    return undefined;
  };
  const ids = listCriterion(b.id, 'id')?.map((v) => Number(v));
  if (ids?.some((n) => !Number.isSafeInteger(n))) details.push({ code: 'INVALID_SEARCH_CRITERIA', message: 'id must list whole numbers', path: '$.id' });
  const pageSize = wholeNumberCriterion(b.pageSize, 0, 'pageSize', details, 1);
  const pageNumber = wholeNumberCriterion(b.pageNumber, 0, 'pageNumber', details);
  if (!Number.isSafeInteger(pageNumber * pageSize)) details.push({ code: 'INVALID_PAGINATION', message: 'pageNumber × pageSize is beyond any page', path: '$.pageNumber' });
  const criteria: UserCriteria = {
    tenantId: requireTenant(b.tenantId, '$.tenantId'),
    uuid: listCriterion(b.uuid, 'uuid'),
    id: ids,
    userName: text('userName'),
    mobileNumber: text('mobileNumber'),
    roleCodes: listCriterion(b.roleCodes, 'roleCodes'),
    userType: text('userType') as UserType | undefined,
    active: typeof b.active === 'boolean' ? b.active : undefined,
    limit: pageSize || undefined,
    offset: pageSize ? pageNumber * pageSize : 0,
  };
  if (details.length > 0) throw invalidFields(details);
  return criteria;
}

export function userRoutes(deps: UserRouteDeps): Route[] {
  const { db, clock } = deps;
  const searchAccess = deps.grant('user.search');
  /** A search by id or uuid naming only the caller, where the grant lets anyone read their own record. */
  const isOwnRecordSearch = (req: HttpRequest): boolean => {
    const caller = req.caller;
    if (!caller || searchAccess.mode !== 'roles' || !searchAccess.self) return false;
    const ids = list(req.body.id);
    const uuids = list(req.body.uuid);
    if (!ids && !uuids) return false;
    return (ids ?? []).every((id) => id === String(caller.id)) && (uuids ?? []).every((uuid) => uuid === caller.uuid);
  };
  const tokenResponse = (user: User) => tokenAnswer(deps, user);
  const checkClient = (header: string | undefined) => {
    const basic = header?.toLowerCase().startsWith('basic ') ? Buffer.from(header.slice(6).trim(), 'base64').toString('utf8') : undefined;
    if (!basic || !deps.clients.has(basic)) throw unauthenticated('INVALID_CLIENT', 'the token endpoint needs a known client in an Authorization: Basic header');
  };

  return [
    {
      path: USER_ENDPOINTS['auth.token'],
      endpoint: 'auth.token',
      doc: userDocs['auth.token'],
      access: deps.grant('auth.token'),
      tenants: () => [],
      bodyType: 'form',
      handle: async (req) => {
        checkClient(req.header('authorization'));
        const grantType = String(req.body.grant_type ?? '');
        if (grantType === 'refresh_token') {
          const uuid = await consumeRefreshToken(db, String(req.body.refresh_token ?? ''), clock.now());
          const user = uuid ? await findUserByUuid(db, uuid) : undefined;
          if (!user || !user.active) throw unauthenticated('INVALID_REFRESH_TOKEN', 'the refresh token is unknown, used or expired');
          return tokenResponse(user);
        }
        if (grantType !== 'password') throw invalid('UNSUPPORTED_GRANT_TYPE', 'grant_type must be password or refresh_token', '$.grant_type');
        const username = String(req.body.username ?? '');
        const tenantId = String(req.body.tenantId ?? '');
        if (!username || !tenantId || !req.body.password) throw invalid('INVALID_REQUEST', 'username, password and tenantId are required', '$.username');
        // Counted before the password is hashed: a flood is refused cheaply.
        await deps.limits.hit('login', req, `${tenantId}/${username}`);
        const userType = req.body.userType ? (String(req.body.userType).toUpperCase() as UserType) : undefined;
        // A citizen signs in with an OTP in place of the password, as DIGIT's OTP-based citizen login
        // (the OTP has its own limit of guesses).
        if (userType === 'CITIZEN' && deps.otpLogin) return tokenResponse(await deps.otpLogin(username, tenantId, String(req.body.password)));
        const attempt = { userName: username, tenantId, clientAddress: req.clientAddress, now: clock.now() };
        const stored = await findLoginUser(db, username, tenantId, userType);
        const found = stored && (await admitLogin(db, stored, deps.lockout, attempt));
        if (!found || !found.passwordHash || !(await verifyPassword(String(req.body.password), found.passwordHash))) {
          await loginFailed(db, found, deps.lockout, attempt, found ? 'WRONG_PASSWORD' : 'UNKNOWN_USER');
          throw wrongCredentials();
        }
        if (!found.active) throw unauthenticated('USER_INACTIVE', `user ${found.userName} is not active`);
        await loginSucceeded(db, found, attempt);
        const { passwordHash: _hidden, ...user } = found;
        return tokenResponse(user);
      },
    },
    {
      path: '/user/_details',
      endpoint: 'user.details',
      doc: userDocs['user.details'],
      access: { mode: 'authenticated' },
      tenants: () => [],
      handle: async (req) => userView(req.caller!, deps.timeZone),
    },
    {
      path: '/user/_logout',
      endpoint: 'auth.logout',
      doc: userDocs['auth.logout'],
      access: { mode: 'authenticated' },
      tenants: () => [],
      handle: async (req) => {
        await revokeSession(db, req.token!);
        return { ResponseInfo: { status: 'Logout successfully' } };
      },
    },
    {
      path: USER_ENDPOINTS['user.create'],
      endpoint: 'user.create',
      doc: userDocs['user.create'],
      access: deps.grant('user.create'),
      tenants: (req) => tenantsOfUser(userInputOf(req)),
      handle: async (req) => {
        const input = userInputOf(req);
        const change = checkRoleChange(req.caller!, [], rolesOf(input), deps.roleGrants);
        const user = await db.transaction().execute(async (trx) => {
          const created = await createUser(trx, input, req.caller!.uuid, clock.now(), deps.checks);
          await recordRoleChange(trx, req, created, change);
          return created;
        });
        return { responseInfo: req.respond({}).ResponseInfo, user: [userView(user, deps.timeZone)] };
      },
    },
    {
      path: USER_ENDPOINTS['user.update'],
      endpoint: 'user.update',
      doc: userDocs['user.update'],
      access: deps.grant('user.update'),
      tenants: (req) => tenantsOfUser(userInputOf(req)),
      handle: async (req) => {
        const input = userInputOf(req);
        const existing = typeof input.uuid === 'string' && input.uuid !== '' ? await findUserByUuid(db, input.uuid) : undefined;
        // Changing a user needs the grant where that user works now, not only where it will.
        if (existing) authorize('user.update', deps.grant('user.update'), req.caller, tenantsOfUser(existing));
        const change = checkRoleChange(req.caller!, existing?.roles ?? [], rolesOf(input), deps.roleGrants);
        const user = await db.transaction().execute(async (trx) => {
          const updated = await updateUser(trx, input, req.caller!.uuid, clock.now(), deps.checks);
          await recordRoleChange(trx, req, updated, change);
          return updated;
        });
        return { responseInfo: req.respond({}).ResponseInfo, user: [userView(user, deps.timeZone)] };
      },
    },
    {
      path: USER_ENDPOINTS['user.search'],
      endpoint: 'user.search',
      doc: userDocs['user.search'],
      access: searchAccess,
      tenants: (req) => [requireTenant(req.body.tenantId ?? req.query.tenantId, '$.tenantId')],
      // Asking for one's own record needs no role anywhere (the app does it right after login).
      self: isOwnRecordSearch,
      handle: async (req) => {
        const criteria = userCriteriaOf(req);
        // An own-record search finds the caller and no one else, whatever else it names; any other
        // lists only users holding a role at the tenant searched (or below it).
        if (isOwnRecordSearch(req)) criteria.uuid = [req.caller!.uuid];
        else criteria.rolesWithin = criteria.tenantId;
        const users = await searchUsers(db, criteria);
        return { responseInfo: req.respond({}).ResponseInfo, user: users.map((u) => userView(u, deps.timeZone)) };
      },
    },
  ];
}

