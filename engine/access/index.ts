import { forbidden, unauthenticated } from '../errors/index.ts';
import { isWithinTenant } from '../tenancy/index.ts';
import type { User } from '../users/index.ts';
import type { MaskRule } from '../masking/index.ts';

export { maskAnswer, maskValue, type MaskRule } from '../masking/index.ts';

/**
 * A narrow look-up open to callers without the roles (DIGIT's "mixed mode": the bill or receipt an
 * SMS links to): the request names every criterion of one of `criteria`, each with one value, and
 * the answer is masked.
 */
export interface AnonymousAccess {
  criteria: string[][];
  mask: MaskRule[];
}

/** Who may call an endpoint. There is no default grant: an endpoint nobody is granted is closed. */
export type EndpointAccess =
  | { mode: 'public' }
  /**
   * Any signed-in user, for endpoints about the caller's own session (details, logout).
   * `anonymousWhereAllowed`: a caller without a session is let through too, to an endpoint that
   * decides itself where that is allowed (a file upload, per module).
   */
  | { mode: 'authenticated'; anonymousWhereAllowed?: boolean }
  /** `self`: anyone signed in may also call it about their own record (the endpoint decides what that is). */
  | { mode: 'roles'; roles: string[]; self?: boolean; anonymous?: AnonymousAccess };

/** True when the user holds one of `roles` at `tenantId` (a role at a state counts in its GPs). */
export function holdsRoleAt(user: User, roles: readonly string[], tenantId: string): boolean {
  return user.roles.some((r) => roles.includes(r.code) && isWithinTenant(tenantId, r.tenantId));
}

/**
 * Lets the call through or throws: 401 without a (live) user, 403 when a role is missing at any of
 * the tenants the request touches, or when it names none to check them at. `self`: the request is
 * about the caller's own record, which a grant with `self` lets anyone signed in make.
 */
export function authorize(endpoint: string, access: EndpointAccess, caller: User | undefined, tenants: readonly string[], self = false): void {
  if (access.mode === 'public') return;
  if (!caller && access.mode === 'authenticated' && access.anonymousWhereAllowed) return;
  if (!caller) throw unauthenticated('UNAUTHENTICATED', `${endpoint} needs a valid access token (RequestInfo.authToken or an Authorization: Bearer header)`);
  if (!caller.active) throw unauthenticated('USER_INACTIVE', `user ${caller.userName} is not active`);
  if (access.mode === 'authenticated') return;
  if (access.self && self) return;
  if (access.roles.length === 0) throw forbidden('ACCESS_DENIED', `${endpoint} is not granted to any role`);
  // Roles are held at tenants: a request that names none cannot be checked, so it is refused.
  if (tenants.length === 0) throw forbidden('ACCESS_DENIED', `${endpoint}: the request names no tenant to check the caller's roles at`);
  for (const tenantId of tenants) {
    if (!holdsRoleAt(caller, access.roles, tenantId)) {
      throw forbidden('ACCESS_DENIED', `user ${caller.userName} may not call ${endpoint} at tenant ${tenantId}: it needs one of the roles ${access.roles.join(', ')} there`);
    }
  }
}

/** What a caller let through may see: everything, or the answer masked by these rules. */
export type Admission = { masked: false } | { masked: true; rules: MaskRule[] };

/**
 * `authorize`, and then the narrow anonymous look-up: a caller without the roles (or without a
 * token) who names one of the endpoint's criteria sets gets the masked answer instead of a refusal.
 * `criteria` are the request's search criteria (query and body).
 */
export function admit(endpoint: string, access: EndpointAccess, caller: User | undefined, tenants: readonly string[], criteria: Record<string, unknown>, self = false): Admission {
  const anonymous = access.mode === 'roles' ? access.anonymous : undefined;
  if (!anonymous) {
    authorize(endpoint, access, caller, tenants, self);
    return { masked: false };
  }
  try {
    authorize(endpoint, access, caller, tenants, self);
    return { masked: false };
  } catch (refusal) {
    if (anonymous.criteria.some((set) => set.every((name) => singleValue(criteria[name])))) return { masked: true, rules: anonymous.mask };
    throw refusal;
  }
}

/** One value: a non-empty text (not a comma-separated list), or a list holding one such text. */
function singleValue(value: unknown): boolean {
  const v = Array.isArray(value) && value.length === 1 ? value[0] : value;
  return (typeof v === 'string' && v.trim() !== '' && !v.includes(',')) || (typeof v === 'number' && Number.isFinite(v));
}
