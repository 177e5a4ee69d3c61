import type { EndpointAccess } from '../../access/index.ts';
import { authorize } from '../../access/index.ts';
import type { Clock } from '../../clock/index.ts';
import { invalid, unauthenticated } from '../../errors/index.ts';
import type { Db } from '../../store/index.ts';
import {
  consumeRefreshToken,
  createUser,
  findLoginUser,
  findUserByUuid,
  openSession,
  revokeSession,
  searchUsers,
  updateUser,
  userView,
  verifyPassword,
  type SessionPolicy,
  type User,
  type UserChecks,
  type UserInput,
  type UserType,
} from '../../users/index.ts';
import { requireTenant, type HttpRequest, type Route } from '../route.ts';
import { userDocs } from './users-docs.ts';

export interface UserRouteDeps {
  db: Db;
  clock: Clock;
  checks: UserChecks;
  sessions: SessionPolicy;
  /** OAuth clients accepted in the Basic header of the token endpoint: `client:secret`. */
  clients: Set<string>;
  grant: (endpointId: string) => EndpointAccess;
  /** The zone DIGIT's date texts (createdDate, ...) are written in. */
  timeZone: string;
}

export const USER_ENDPOINTS = {
  'auth.token': '/user/oauth/token',
  'user.create': '/user/users/_createnovalidate',
  'user.update': '/user/users/_updatenovalidate',
  'user.search': '/user/_search',
} as const;
export const SESSION_PATHS = ['/user/_details', '/user/_logout'];

const loginFailed = () => unauthenticated('INVALID_CREDENTIALS', 'the user name, password or tenant is wrong');

/** Tenants a user record acts in: where its roles are, and its own tenant when that is a GP. */
function tenantsOfUser(user: UserInput | User): string[] {
  const tenants = new Set((user.roles ?? []).map((r) => r.tenantId).filter((t): t is string => typeof t === 'string'));
  if (typeof user.tenantId === 'string' && user.tenantId.includes('.')) tenants.add(user.tenantId);
  return [...tenants];
}

function userInputOf(req: HttpRequest): UserInput {
  const user = req.body.user;
  if (!user || typeof user !== 'object' || Array.isArray(user)) throw invalid('INVALID_REQUEST', 'the request must carry the user as an object under "user"', '$.user');
  return user as UserInput;
}

const list = (v: unknown) => (v === undefined || v === null ? undefined : Array.isArray(v) ? v.map(String) : [String(v)]);

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
  const tokenResponse = async (user: User) => {
    const tokens = await openSession(db, user.uuid, clock.now(), deps.sessions);
    return {
      access_token: tokens.accessToken,
      token_type: 'bearer',
      refresh_token: tokens.refreshToken,
      expires_in: tokens.expiresIn,
      scope: 'read',
      ResponseInfo: { api: 'oauth/token', status: 'successful' },
      UserRequest: userView(user, deps.timeZone),
    };
  };
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
        const userType = req.body.userType ? (String(req.body.userType).toUpperCase() as UserType) : undefined;
        const found = await findLoginUser(db, username, tenantId, userType);
        if (!found || !found.passwordHash || !(await verifyPassword(String(req.body.password), found.passwordHash))) throw loginFailed();
        if (!found.active) throw unauthenticated('USER_INACTIVE', `user ${found.userName} is not active`);
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
        const user = await db.transaction().execute((trx) => createUser(trx, userInputOf(req), req.caller!.uuid, clock.now(), deps.checks));
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
        const existing = input.uuid ? await findUserByUuid(db, input.uuid) : undefined;
        // Changing a user needs the grant where that user works now, not only where it will.
        if (existing) authorize('user.update', deps.grant('user.update'), req.caller, tenantsOfUser(existing));
        const user = await db.transaction().execute((trx) => updateUser(trx, input, req.caller!.uuid, clock.now(), deps.checks));
        return { responseInfo: req.respond({}).ResponseInfo, user: [userView(user, deps.timeZone)] };
      },
    },
    {
      path: USER_ENDPOINTS['user.search'],
      endpoint: 'user.search',
      doc: userDocs['user.search'],
      access: searchAccess,
      // Asking for one's own record needs no role anywhere (the app does it right after login).
      tenants: (req) => (isOwnRecordSearch(req) ? [] : [requireTenant(req.body.tenantId ?? req.query.tenantId, '$.tenantId')]),
      handle: async (req) => {
        const b = req.body;
        const own = isOwnRecordSearch(req);
        const pageSize = b.pageSize === undefined ? undefined : Number(b.pageSize);
        const pageNumber = b.pageNumber === undefined ? 0 : Number(b.pageNumber);
        const users = await searchUsers(db, {
          tenantId: requireTenant(b.tenantId ?? req.query.tenantId, '$.tenantId'),
          // An own-record search finds the caller and no one else, whatever else it names.
          uuid: own ? [req.caller!.uuid] : list(b.uuid),
          id: list(b.id)?.map(Number),
          userName: b.userName as string | undefined,
          mobileNumber: b.mobileNumber as string | undefined,
          roleCodes: list(b.roleCodes),
          userType: b.userType as UserType | undefined,
          active: typeof b.active === 'boolean' ? b.active : undefined,
          limit: pageSize,
          offset: pageSize ? pageNumber * pageSize : 0,
        });
        return { responseInfo: req.respond({}).ResponseInfo, user: users.map((u) => userView(u, deps.timeZone)) };
      },
    },
  ];
}

