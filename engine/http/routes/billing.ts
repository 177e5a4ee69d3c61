import type { EndpointAccess } from '../../access/index.ts';
import { billJson, demandJson, type Bill, type BillingEngine } from '../../billing/index.ts';
import { invalid } from '../../errors/index.ts';
import { requireTenant, type HttpRequest, type Route } from '../route.ts';

export const BILLING_PATHS = {
  'billing.demand.create': '/billing-service/demand/_create',
  'billing.demand.update': '/billing-service/demand/_update',
  'billing.demand.search': '/billing-service/demand/_search',
  'billing.demand.history': '/billing-service/demand/_history',
  'billing.bill.fetch': '/billing-service/bill/v2/_fetchbill',
  'billing.bill.search': '/billing-service/bill/v2/_search',
} as const;

type Json = Record<string, unknown>;

function criteriaOf(req: HttpRequest): Json {
  const { RequestInfo: _ignored, ...rest } = req.body;
  return { ...rest, ...req.query };
}

const demandsOf = (req: HttpRequest): Json[] => {
  const list = req.body.Demands;
  if (!Array.isArray(list) || list.length === 0) throw invalid('INVALID_REQUEST', 'Demands must be a non-empty list', '$.Demands');
  return list as Json[];
};

/** DIGIT's billing-service API over the engine's billing. */
export function billingRoutes(billing: BillingEngine, grant: (id: keyof typeof BILLING_PATHS) => EndpointAccess): Route[] {
  const demandTenants = (req: HttpRequest) => demandsOf(req).map((d, i) => requireTenant(d?.tenantId, `$.Demands[${i}].tenantId`));
  return [
    {
      path: BILLING_PATHS['billing.demand.create'],
      endpoint: 'billing.demand.create',
      access: grant('billing.demand.create'),
      tenants: demandTenants,
      handle: async (req) => req.respond({ Demands: (await billing.createDemands(req.body.Demands, req.caller!.uuid)).map(demandJson) }),
    },
    {
      path: BILLING_PATHS['billing.demand.update'],
      endpoint: 'billing.demand.update',
      access: grant('billing.demand.update'),
      tenants: demandTenants,
      handle: async (req) => req.respond({ Demands: (await billing.updateDemands(req.body.Demands, req.caller!.uuid)).map(demandJson) }),
    },
    {
      path: BILLING_PATHS['billing.demand.search'],
      endpoint: 'billing.demand.search',
      access: grant('billing.demand.search'),
      tenants: (req) => [requireTenant(criteriaOf(req).tenantId, '$.tenantId')],
      handle: async (req) => req.respond({ Demands: (await billing.searchDemands(criteriaOf(req))).map(demandJson) }),
    },
    {
      path: BILLING_PATHS['billing.demand.history'],
      endpoint: 'billing.demand.history',
      access: grant('billing.demand.history'),
      tenants: (req) => [requireTenant(criteriaOf(req).tenantId, '$.tenantId')],
      handle: async (req) => {
        const c = criteriaOf(req);
        if (typeof c.demandId !== 'string' || c.demandId === '') throw invalid('REQUIRED_FIELD_MISSING', 'demandId is required', '$.demandId');
        return req.respond({ DemandHistory: await billing.demandHistory(String(c.tenantId), c.demandId) });
      },
    },
    {
      path: BILLING_PATHS['billing.bill.fetch'],
      endpoint: 'billing.bill.fetch',
      access: grant('billing.bill.fetch'),
      tenants: (req) => [requireTenant(criteriaOf(req).tenantId, '$.tenantId')],
      handle: async (req) => {
        const c = criteriaOf(req);
        const codes = String(c.consumerCode ?? '').split(',').map((x) => x.trim()).filter(Boolean);
        if (codes.length === 0) throw invalid('REQUIRED_FIELD_MISSING', 'consumerCode is required', '$.consumerCode');
        if (typeof c.businessService !== 'string' || c.businessService === '') throw invalid('REQUIRED_FIELD_MISSING', 'businessService is required', '$.businessService');
        const bills = await billing.fetchBills(String(c.tenantId), codes, c.businessService, req.caller!.uuid);
        return req.respond({ Bill: bills.map(present) });
      },
    },
    {
      path: BILLING_PATHS['billing.bill.search'],
      endpoint: 'billing.bill.search',
      access: grant('billing.bill.search'),
      tenants: (req) => [requireTenant(criteriaOf(req).tenantId, '$.tenantId')],
      handle: async (req) => req.respond({ Bill: (await billing.searchBills(criteriaOf(req))).map(present) }),
    },
  ];

  function present(b: Bill) {
    return billJson(b, billing.masters.businessService(b.tenantId, b.businessService));
  }
}
