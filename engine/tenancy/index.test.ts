import { describe, expect, it } from 'vitest';
import { isWithinTenant, stateTenantOf, tenantChain } from './index.ts';

describe('tenancy', () => {
  it('walks from a GP up to its state, nearest first', () => {
    expect(tenantChain('pb.lodhipur')).toEqual(['pb.lodhipur', 'pb']);
    expect(tenantChain('pb')).toEqual(['pb']);
  });
  it('knows which tenants lie below another, and no look-alikes', () => {
    expect(isWithinTenant('pb.lodhipur', 'pb')).toBe(true);
    expect(isWithinTenant('pb', 'pb')).toBe(true);
    expect(isWithinTenant('pbx.a', 'pb')).toBe(false);
    expect(isWithinTenant('pb', 'pb.lodhipur')).toBe(false);
    expect(stateTenantOf('pb.bhadson')).toBe('pb');
  });
});
