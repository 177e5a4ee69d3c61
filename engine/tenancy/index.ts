/**
 * Tenant ids form a hierarchy by dots: `pb` (state) → `pb.lodhipur` (GP). Everything that resolves
 * per tenant (master data, ID formats, roles) walks the same chain, nearest first.
 */
export function tenantChain(tenantId: string): string[] {
  const parts = tenantId.split('.');
  const chain: string[] = [];
  for (let i = parts.length; i > 0; i--) chain.push(parts.slice(0, i).join('.'));
  return chain;
}

/** True when `tenantId` is `ancestor` itself or lies below it. */
export function isWithinTenant(tenantId: string, ancestor: string): boolean {
  return tenantId === ancestor || tenantId.startsWith(`${ancestor}.`);
}

export function stateTenantOf(tenantId: string): string {
  return tenantId.split('.')[0] ?? tenantId;
}
