import { describe, expect, it } from 'vitest';
import { checkRoleChange, DEFAULT_ROLE_GRANTS, mayGrant, type RoleGrantRule } from './grants.ts';
import type { User } from './user.ts';

const user = (roles: [string, string][]): User => ({ id: 1, uuid: 'u', userName: 'caller', type: 'EMPLOYEE', tenantId: 'pb', active: true, roles: roles.map(([code, tenantId]) => ({ code, tenantId })) });
const rules: RoleGrantRule[] = [
  { grantor: 'SUPERUSER', roles: '*', at: 'any' },
  { grantor: 'STATE_ADMIN', roles: ['DIV_ADMIN'], at: 'state' },
  { grantor: 'GP_ADMIN', roles: ['COLLECTION_OPERATOR'], at: 'gp' },
];

describe('the role grant matrix', () => {
  it('lets a GP admin grant a GP role at its own GP only', () => {
    const admin = user([['GP_ADMIN', 'pb.lodhipur']]);
    expect(mayGrant(admin, { code: 'COLLECTION_OPERATOR', tenantId: 'pb.lodhipur' }, rules)).toBe(true);
    expect(mayGrant(admin, { code: 'COLLECTION_OPERATOR', tenantId: 'pb.bhadson' }, rules)).toBe(false);
    expect(mayGrant(admin, { code: 'COLLECTION_OPERATOR', tenantId: 'pb' }, rules)).toBe(false);
    expect(mayGrant(admin, { code: 'SUPERUSER', tenantId: 'pb.lodhipur' }, rules)).toBe(false);
  });

  it('takes the level of the tenant into account: a state role at a GP is not granted', () => {
    const state = user([['STATE_ADMIN', 'pb']]);
    expect(mayGrant(state, { code: 'DIV_ADMIN', tenantId: 'pb' }, rules)).toBe(true);
    expect(mayGrant(state, { code: 'DIV_ADMIN', tenantId: 'pb.lodhipur' }, rules)).toBe(false);
  });

  it('refuses a change adding or taking away a role the caller may not grant, and names it', () => {
    const admin = user([['GP_ADMIN', 'pb.lodhipur']]);
    const before = [{ code: 'GP_ADMIN', tenantId: 'pb.lodhipur' }];
    expect(() => checkRoleChange(admin, before, [...before, { code: 'STATE_ADMIN', tenantId: 'pb.lodhipur' }], rules)).toThrow(/may not grant the role STATE_ADMIN at pb.lodhipur/);
    expect(() => checkRoleChange(admin, before, [], rules)).toThrow(/may not take away the role GP_ADMIN/);
    expect(checkRoleChange(admin, before, [...before, { code: 'COLLECTION_OPERATOR', tenantId: 'pb.lodhipur' }], rules).added).toEqual([{ code: 'COLLECTION_OPERATOR', tenantId: 'pb.lodhipur' }]);
  });

  it('without a policy, only SUPERUSER grants', () => {
    expect(mayGrant(user([['GP_ADMIN', 'pb.lodhipur']]), { code: 'COLLECTION_OPERATOR', tenantId: 'pb.lodhipur' }, DEFAULT_ROLE_GRANTS)).toBe(false);
    expect(mayGrant(user([['SUPERUSER', 'pb']]), { code: 'SYSTEM', tenantId: 'pb' }, DEFAULT_ROLE_GRANTS)).toBe(true);
  });
});
