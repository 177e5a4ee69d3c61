import type { EndpointAccess } from '../../access/index.ts';
import { billJson, demandJson, paymentJson, type Bill, type BillingEngine } from '../../billing/index.ts';
import { invalid } from '../../errors/index.ts';
import { listCriterion } from '../../validation/index.ts';
import { ANONYMOUS, criteriaOf, requireTenant, type HttpRequest, type Route } from '../route.ts';
import { billingDocs } from './billing-docs.ts';

export const BILLING_PATHS = {
  'billing.demand.create': '/billing-service/demand/_create',
  'billing.demand.update': '/billing-service/demand/_update',
  'billing.demand.search': '/billing-service/demand/_search',
  'billing.demand.history': '/billing-service/demand/_history',
  'billing.bill.fetch': '/billing-service/bill/v2/_fetchbill',
  'billing.bill.search': '/billing-service/bill/v2/_search',
  'collection.payment.create': '/collection-services/payments/_create',
  'collection.payment.search': '/collection-services/payments/_search',
  'collection.payment.cancel': '/collection-services/payments/_workflow',
  'pg.transaction.create': '/pg-service/transaction/v1/_create',
  'pg.transaction.update': '/pg-service/transaction/v1/_update',
  'pg.transaction.search': '/pg-service/transaction/v1/_search',
} as const;

/** Further routes of the same endpoints (DIGIT serves both spellings). */
const PAYMENT_SEARCH_BY_SERVICE = '/collection-services/payments/:businessService/_search';
const PAYMENT_CANCEL = '/collection-services/payments/_cancel';
export const BILLING_EXTRA_ROUTES = [PAYMENT_SEARCH_BY_SERVICE, PAYMENT_CANCEL];

type Json = Record<string, unknown>;

const demandsOf = (req: HttpRequest): Json[] => {
  const list = req.body.Demands;
  if (!Array.isArray(list) || list.length === 0) throw invalid('INVALID_REQUEST', 'Demands must be a non-empty list', '$.Demands');
  return list as Json[];
};

/**
 * DIGIT's `PaymentWorkflows: [{paymentId, action: CANCEL, tenantId, reason}]`, or a `Payment`
 * naming the payment to cancel.
 */
function cancellationsOf(req: HttpRequest): { tenantId: string; paymentId: string; reason: string | null }[] {
  const list = Array.isArray(req.body.PaymentWorkflows) ? (req.body.PaymentWorkflows as Json[]) : req.body.Payment ? [{ ...(req.body.Payment as Json), paymentId: (req.body.Payment as Json).id, action: 'CANCEL' }] : [];
  if (list.length === 0) throw invalid('INVALID_REQUEST', 'PaymentWorkflows must be a non-empty list', '$.PaymentWorkflows');
  return list.map((w, i) => {
    const path = `$.PaymentWorkflows[${i}]`;
    if (!w || typeof w !== 'object' || Array.isArray(w)) throw invalid('INVALID_REQUEST', `${path} must be an object {paymentId, action, tenantId}`, path);
    if (w.action !== 'CANCEL') throw invalid('INVALID_ACTION', `${path}.action must be CANCEL (the only action on a payment)`, `${path}.action`);
    if (typeof w.paymentId !== 'string' || w.paymentId === '') throw invalid('REQUIRED_FIELD_MISSING', `${path}.paymentId is required`, `${path}.paymentId`);
    const reason = typeof w.reason === 'string' ? w.reason : typeof (w.additionalDetails as Json | undefined)?.reason === 'string' ? String((w.additionalDetails as Json).reason) : null;
    return { tenantId: requireTenant(w.tenantId, `${path}.tenantId`), paymentId: w.paymentId, reason };
  });
}

/** DIGIT's billing-service and collection-services APIs over the engine's billing. */
export function billingRoutes(billing: BillingEngine, grant: (id: keyof typeof BILLING_PATHS) => EndpointAccess): Route[] {
  const demandTenants = (req: HttpRequest) => demandsOf(req).map((d, i) => requireTenant(d?.tenantId, `$.Demands[${i}].tenantId`));
  return [
    {
      path: BILLING_PATHS['billing.demand.create'],
      endpoint: 'billing.demand.create',
      doc: billingDocs['billing.demand.create'],
      access: grant('billing.demand.create'),
      tenants: demandTenants,
      handle: async (req) => req.respond({ Demands: (await billing.createDemands(req.body.Demands, req.caller!.uuid)).map(demandJson) }),
    },
    {
      path: BILLING_PATHS['billing.demand.update'],
      endpoint: 'billing.demand.update',
      doc: billingDocs['billing.demand.update'],
      access: grant('billing.demand.update'),
      tenants: demandTenants,
      handle: async (req) => req.respond({ Demands: (await billing.updateDemands(req.body.Demands, req.caller!.uuid)).map(demandJson) }),
    },
    {
      path: BILLING_PATHS['billing.demand.search'],
      endpoint: 'billing.demand.search',
      doc: billingDocs['billing.demand.search'],
      access: grant('billing.demand.search'),
      tenants: (req) => [requireTenant(criteriaOf(req).tenantId, '$.tenantId')],
      handle: async (req) => req.respond({ Demands: (await billing.searchDemands(criteriaOf(req))).map(demandJson) }),
    },
    {
      path: BILLING_PATHS['billing.demand.history'],
      endpoint: 'billing.demand.history',
      doc: billingDocs['billing.demand.history'],
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
      doc: billingDocs['billing.bill.fetch'],
      access: grant('billing.bill.fetch'),
      tenants: (req) => [requireTenant(criteriaOf(req).tenantId, '$.tenantId')],
      handle: async (req) => {
        const c = criteriaOf(req);
        const codes = listCriterion(c.consumerCode, 'consumerCode') ?? [];
        if (codes.length === 0) throw invalid('REQUIRED_FIELD_MISSING', 'consumerCode is required', '$.consumerCode');
        if (typeof c.businessService !== 'string' || c.businessService === '') throw invalid('REQUIRED_FIELD_MISSING', 'businessService is required', '$.businessService');
        // Without a token (the app's collect-payment screen), a bill made now is made by `anonymous`.
        const bills = await billing.fetchBills(String(c.tenantId), codes, c.businessService, (req.caller ?? ANONYMOUS).uuid);
        return req.respond({ Bill: bills.map(present) });
      },
    },
    {
      path: BILLING_PATHS['billing.bill.search'],
      endpoint: 'billing.bill.search',
      doc: billingDocs['billing.bill.search'],
      access: grant('billing.bill.search'),
      tenants: (req) => [requireTenant(criteriaOf(req).tenantId, '$.tenantId')],
      handle: async (req) => req.respond({ Bill: (await billing.searchBills(criteriaOf(req))).map(present) }),
    },
    {
      path: BILLING_PATHS['collection.payment.create'],
      endpoint: 'collection.payment.create',
      doc: billingDocs['collection.payment.create'],
      access: grant('collection.payment.create'),
      tenants: (req) => [requireTenant((req.body.Payment as Json | undefined)?.tenantId, '$.Payment.tenantId')],
      handle: async (req) => req.respond({ Payments: [paymentJson(await billing.createPayment(req.body.Payment, req.caller!.uuid))] }),
    },
    ...[BILLING_PATHS['collection.payment.search'], PAYMENT_SEARCH_BY_SERVICE].map((path) => ({
      path,
      endpoint: 'collection.payment.search',
      doc: billingDocs['collection.payment.search'],
      access: grant('collection.payment.search'),
      tenants: (req: HttpRequest) => [requireTenant(criteriaOf(req).tenantId, '$.tenantId')],
      handle: async (req: HttpRequest) => {
        const c = criteriaOf(req);
        if (req.params.businessService) c.businessServices = req.params.businessService;
        return req.respond({ Payments: (await billing.searchPayments(c)).map(paymentJson) });
      },
    })),
    ...[BILLING_PATHS['collection.payment.cancel'], PAYMENT_CANCEL].map((path) => ({
      path,
      endpoint: 'collection.payment.cancel',
      doc: billingDocs['collection.payment.cancel'],
      access: grant('collection.payment.cancel'),
      tenants: (req: HttpRequest) => cancellationsOf(req).map((w) => w.tenantId),
      handle: async (req: HttpRequest) => {
        const payments = [];
        for (const w of cancellationsOf(req)) payments.push(paymentJson(await billing.cancelPayment(w.tenantId, w.paymentId, w.reason, req.caller!.uuid)));
        return req.respond({ Payments: payments });
      },
    })),
    {
      path: BILLING_PATHS['pg.transaction.create'],
      endpoint: 'pg.transaction.create',
      doc: billingDocs['pg.transaction.create'],
      access: grant('pg.transaction.create'),
      tenants: (req) => [requireTenant((req.body.Transaction as Json | undefined)?.tenantId, '$.Transaction.tenantId')],
      handle: async (req) => req.respond({ Transaction: billing.transactionJson(await billing.createTransaction(req.body.Transaction, req.caller!.uuid)) }),
    },
    {
      // The gateway's callback, relayed by the payer's browser: its signature, not a token, vouches for it.
      path: BILLING_PATHS['pg.transaction.update'],
      endpoint: 'pg.transaction.update',
      doc: billingDocs['pg.transaction.update'],
      access: grant('pg.transaction.update'),
      tenants: () => [],
      handle: async (req) => {
        const params: Record<string, string> = {};
        for (const [k, v] of Object.entries({ ...req.body, ...req.query })) if (typeof v === 'string' || typeof v === 'number') params[k] = String(v);
        const txn = await billing.transactionCallback(params, req.caller?.uuid ?? 'gateway');
        return req.respond({ Transaction: [billing.transactionJson(txn)] });
      },
    },
    {
      path: BILLING_PATHS['pg.transaction.search'],
      endpoint: 'pg.transaction.search',
      doc: billingDocs['pg.transaction.search'],
      access: grant('pg.transaction.search'),
      tenants: (req) => [requireTenant(criteriaOf(req).tenantId, '$.tenantId')],
      handle: async (req) => req.respond({ Transaction: (await billing.searchTransactions(criteriaOf(req))).map((t) => billing.transactionJson(t)) }),
    },
  ];

  function present(b: Bill) {
    return billJson(b, billing.masters.businessService(b.tenantId, b.businessService));
  }
}
