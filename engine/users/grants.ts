import { forbidden } from '../errors/index.ts';
import { isWithinTenant } from '../tenancy/index.ts';
import type { RoleGrant, User } from './user.ts';

/** The caller holding `grantor` may grant `roles` at tenants of level `at` within the tenant it holds `grantor` at. */
export interface RoleGrantRule {
  grantor: string;
  roles: '*' | string[];
  at: 'any' | 'state' | 'gp';
}

/** Without a policy, only SUPERUSER changes anyone's roles. */
export const DEFAULT_ROLE_GRANTS: RoleGrantRule[] = [{ grantor: 'SUPERUSER', roles: '*', at: 'any' }];

const levelOf = (tenantId: string): 'state' | 'gp' => (tenantId.includes('.') ? 'gp' : 'state');
const key = (r: RoleGrant) => `${r.code}@${r.tenantId}`;

/** True when a rule lets the caller grant (or take away) `role`. */
export function mayGrant(caller: User, role: RoleGrant, rules: readonly RoleGrantRule[]): boolean {
  return rules.some(
    (rule) =>
      (rule.roles === '*' || rule.roles.includes(role.code)) &&
      (rule.at === 'any' || rule.at === levelOf(role.tenantId)) &&
      caller.roles.some((held) => held.code === rule.grantor && isWithinTenant(role.tenantId, held.tenantId)),
  );
}

/** The roles added or taken away by a change from `before` to `after`. */
export function changedRoles(before: readonly RoleGrant[], after: readonly RoleGrant[]): { added: RoleGrant[]; removed: RoleGrant[] } {
  const had = new Set(before.map(key));
  const has = new Set(after.map(key));
  return { added: after.filter((r) => !had.has(key(r))), removed: before.filter((r) => !has.has(key(r))) };
}

/**
 * Refuses a change of a user's roles (a new user's, or an update's) unless the caller may grant each
 * role added and each taken away: a GP admin cannot make anyone, itself included, a state admin.
 */
export function checkRoleChange(caller: User, before: readonly RoleGrant[], after: readonly RoleGrant[], rules: readonly RoleGrantRule[], path = '$.user.roles'): { added: RoleGrant[]; removed: RoleGrant[] } {
  const change = changedRoles(before, after);
  for (const [role, verb] of [...change.added.map((r) => [r, 'grant'] as const), ...change.removed.map((r) => [r, 'take away'] as const)]) {
    if (!mayGrant(caller, role, rules)) throw forbidden('ROLE_GRANT_DENIED', `user ${caller.userName} may not ${verb} the role ${role.code} at ${role.tenantId} (${path})`);
  }
  return change;
}
