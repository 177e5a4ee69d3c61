import { forbidden, unauthenticated } from '../errors/index.ts';
import { isWithinTenant } from '../tenancy/index.ts';
import type { User } from '../users/index.ts';

/** Who may call an endpoint. There is no default grant: an endpoint nobody is granted is closed. */
export type EndpointAccess =
  | { mode: 'public' }
  /** Any signed-in user, for endpoints about the caller's own session (details, logout). */
  | { mode: 'authenticated' }
  /** `self`: anyone signed in may also call it about their own record (the endpoint decides what that is). */
  | { mode: 'roles'; roles: string[]; self?: boolean };

/** True when the user holds one of `roles` at `tenantId` (a role at a state counts in its GPs). */
export function holdsRoleAt(user: User, roles: readonly string[], tenantId: string): boolean {
  return user.roles.some((r) => roles.includes(r.code) && isWithinTenant(tenantId, r.tenantId));
}

/**
 * Lets the call through or throws: 401 without a (live) user, 403 when a role is missing at any of
 * the tenants the request touches.
 */
export function authorize(endpoint: string, access: EndpointAccess, caller: User | undefined, tenants: readonly string[]): void {
  if (access.mode === 'public') return;
  if (!caller) throw unauthenticated('UNAUTHENTICATED', `${endpoint} needs a valid access token (RequestInfo.authToken or an Authorization: Bearer header)`);
  if (!caller.active) throw unauthenticated('USER_INACTIVE', `user ${caller.userName} is not active`);
  if (access.mode === 'authenticated') return;
  if (access.roles.length === 0) throw forbidden('ACCESS_DENIED', `${endpoint} is not granted to any role`);
  for (const tenantId of tenants) {
    if (!holdsRoleAt(caller, access.roles, tenantId)) {
      throw forbidden('ACCESS_DENIED', `user ${caller.userName} may not call ${endpoint} at tenant ${tenantId}: it needs one of the roles ${access.roles.join(', ')} there`);
    }
  }
}
