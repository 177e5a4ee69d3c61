import { describe, expect, it } from 'vitest';
import type { User } from '../users/index.ts';
import { admit, authorize, maskAnswer, type EndpointAccess } from './index.ts';

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
  it('refuses a request that names no tenant to check the roles at, unless it is about the caller itself where the grant allows that', () => {
    const u = user([{ code: 'SUPERUSER', tenantId: 'pb' }]);
    expect(() => authorize('POST /x', vendorCreate, u, [])).toThrow(expect.objectContaining({ kind: 'forbidden', code: 'ACCESS_DENIED' }));
    const search: EndpointAccess = { mode: 'roles', roles: ['GP_ADMIN'], self: true };
    const anyone = user([{ code: 'COLLECTION_OPERATOR', tenantId: 'pb.lodhipur' }]);
    expect(() => authorize('user.search', search, anyone, [], true)).not.toThrow();
    expect(() => authorize('user.search', search, anyone, ['pb'], false)).toThrow(expect.objectContaining({ kind: 'forbidden' }));
    expect(() => authorize('POST /x', vendorCreate, anyone, [], true)).toThrow(expect.objectContaining({ kind: 'forbidden' }));
  });
  it('lets a caller without a token through an authenticated grant only where it allows anonymous callers (the endpoint then decides), never an inactive user', () => {
    const upload: EndpointAccess = { mode: 'authenticated', anonymousWhereAllowed: true };
    expect(() => authorize('filestore.upload', upload, undefined, [])).not.toThrow();
    expect(() => authorize('filestore.upload', { mode: 'authenticated' }, undefined, [])).toThrow(expect.objectContaining({ kind: 'unauthenticated' }));
    const inactive = { ...user([]), active: false };
    expect(() => authorize('filestore.upload', upload, inactive, [])).toThrow(expect.objectContaining({ code: 'USER_INACTIVE' }));
  });
  it('closes an endpoint granted to no role', () => {
    expect(() => authorize('POST /x', { mode: 'roles', roles: [] }, user([{ code: 'SUPERUSER', tenantId: 'pb' }]), ['pb'])).toThrow(expect.objectContaining({ kind: 'forbidden' }));
  });
});

describe('anonymous look-ups', () => {
  const billSearch: EndpointAccess = {
    mode: 'roles',
    roles: ['COLLECTION_OPERATOR'],
    anonymous: { criteria: [['tenantId', 'consumerCode', 'billNumber']], mask: [{ path: 'Bill.mobileNumber', keepLast: 4 }, { path: 'Bill.payerName', keepFirst: 1 }, { path: 'Bill.payerAddress' }] },
  };
  const operator = user([{ code: 'COLLECTION_OPERATOR', tenantId: 'pb.lodhipur' }]);
  const named = { tenantId: 'pb.lodhipur', consumerCode: 'WS/1', billNumber: 'B-1' };

  it('answers a caller with the roles whole, and one without (or without a token) masked when the request names a criteria set', () => {
    expect(admit('bill', billSearch, operator, ['pb.lodhipur'], named)).toEqual({ masked: false });
    expect(admit('bill', billSearch, undefined, ['pb.lodhipur'], named)).toMatchObject({ masked: true });
    expect(admit('bill', billSearch, user([{ code: 'COLLECTION_OPERATOR', tenantId: 'pb.bhadson' }]), ['pb.lodhipur'], named)).toMatchObject({ masked: true });
  });
  it('refuses an anonymous caller whose request misses a criterion, leaves it empty, or names several values', () => {
    expect(() => admit('bill', billSearch, undefined, ['pb.lodhipur'], { tenantId: 'pb.lodhipur', consumerCode: 'WS/1' })).toThrow(expect.objectContaining({ kind: 'unauthenticated' }));
    expect(() => admit('bill', billSearch, undefined, ['pb.lodhipur'], { ...named, billNumber: ' ' })).toThrow(expect.objectContaining({ kind: 'unauthenticated' }));
    expect(() => admit('bill', billSearch, undefined, ['pb.lodhipur'], { ...named, consumerCode: 'WS/1,WS/2' })).toThrow(expect.objectContaining({ kind: 'unauthenticated' }));
    expect(() => admit('bill', billSearch, undefined, ['pb.lodhipur'], { ...named, consumerCode: ['WS/1', 'WS/2'] })).toThrow(expect.objectContaining({ kind: 'unauthenticated' }));
  });
  it('stars all but the kept characters of each masked text, walking arrays, and withholds values that are not text', () => {
    const answer = { Bill: [{ payerName: 'Gurpreet Singh', mobileNumber: '9800008888', payerAddress: { street: 'Main' } }, { payerName: null, mobileNumber: '12' }] };
    const masked = maskAnswer(answer, billSearch.mode === 'roles' ? billSearch.anonymous!.mask : []);
    expect(masked.Bill[0]).toEqual({ payerName: 'G******* *****', mobileNumber: '******8888', payerAddress: null });
    expect(masked.Bill[1]).toEqual({ payerName: null, mobileNumber: '12' });
    expect(answer.Bill[0]!.mobileNumber).toBe('9800008888');
  });
});
