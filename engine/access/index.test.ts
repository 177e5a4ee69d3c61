import { describe, expect, it } from 'vitest';
import type { User } from '../users/index.ts';
import { authorize, type EndpointAccess } from './index.ts';

const user = (roles: User['roles']): User => ({ id: 1, uuid: 'u', userName: 'ravi', type: 'EMPLOYEE', tenantId: 'pb', roles, active: true });
const vendorCreate: EndpointAccess = { mode: 'roles', roles: ['EXPENSE_PROCESSING'] };

describe('authorize', () => {
  it('lets a role held at a GP work at that GP only', () => {
    const u = user([{ code: 'EXPENSE_PROCESSING', tenantId: 'pb.lodhipur' }]);
    expect(() => authorize('POST /x', vendorCreate, u, ['pb.lodhipur'])).not.toThrow();
    expect(() => authorize('POST /x', vendorCreate, u, ['pb.bhadson'])).toThrow(expect.objectContaining({ kind: 'forbidden' }));
    expect(() => authorize('POST /x', vendorCreate, u, ['pb'])).toThrow(expect.objectContaining({ kind: 'forbidden' }));
  });
  it('lets a role held at the state work in every GP of it', () => {
    const u = user([{ code: 'EXPENSE_PROCESSING', tenantId: 'pb' }]);
    expect(() => authorize('POST /x', vendorCreate, u, ['pb.lodhipur', 'pb.bhadson'])).not.toThrow();
    expect(() => authorize('POST /x', vendorCreate, u, ['pbx.other'])).toThrow(expect.objectContaining({ kind: 'forbidden' }));
  });
  it('refuses anonymous callers unless public, and inactive users always', () => {
    expect(() => authorize('POST /x', vendorCreate, undefined, ['pb'])).toThrow(expect.objectContaining({ kind: 'unauthenticated' }));
    expect(() => authorize('POST /x', { mode: 'public' }, undefined, [])).not.toThrow();
    const inactive = { ...user([{ code: 'EXPENSE_PROCESSING', tenantId: 'pb' }]), active: false };
    expect(() => authorize('POST /x', vendorCreate, inactive, ['pb'])).toThrow(expect.objectContaining({ code: 'USER_INACTIVE' }));
  });
  it('closes an endpoint granted to no role', () => {
    expect(() => authorize('POST /x', { mode: 'roles', roles: [] }, user([{ code: 'SUPERUSER', tenantId: 'pb' }]), ['pb'])).toThrow(expect.objectContaining({ kind: 'forbidden' }));
  });
});
