import type { EstimateResult, AdjustmentRunner } from '../../adjustments/index.ts';
import { demandJson } from '../../billing/index.ts';
import type { AdjustmentDefinition } from '../../definitions/index.ts';
import { invalid } from '../../errors/index.ts';
import { moneyToJson } from '../../money/index.ts';
import { listCriterion } from '../../validation/index.ts';
import { criteriaOf, requireTenant, type HttpRequest, type Route } from '../route.ts';
import { estimateDoc } from './estimate-docs.ts';

/**
 * Each adjustment's estimate (adjustments/, `estimate`) at its path: `{tenantId, consumerCodes}` →
 * the consumers' demands with what the adjustment would add now, and its total. Nothing is saved.
 */
export function estimateRoutes(definitions: AdjustmentDefinition[], runner: AdjustmentRunner): Route[] {
  const tenantOf = (req: HttpRequest) => [requireTenant(criteriaOf(req).tenantId, '$.tenantId')];
  return definitions.flatMap((def) => {
    const estimate = def.estimate;
    if (!estimate) return [];
    const route: Route = {
      path: estimate.path,
      endpoint: `POST ${estimate.path}`,
      access: { mode: 'roles', roles: estimate.roles, ...(estimate.anonymous ? { anonymous: estimate.anonymous } : {}) },
      tenants: tenantOf,
      doc: estimateDoc(def, estimate),
      handle: async (req) => {
        const c = criteriaOf(req);
        const consumerCodes = listCriterion(c.consumerCodes ?? c.consumerCode, 'consumerCodes');
        if (!consumerCodes) throw invalid('REQUIRED_FIELD_MISSING', 'consumerCodes is required (the consumers whose demands to estimate)', '$.consumerCodes');
        const result = await runner.estimate(def.adjustment, String(c.tenantId), consumerCodes);
        return req.respond({ Demands: estimatedDemands(result), [estimate.total]: moneyToJson(result.total) });
      },
    };
    return [route];
  });
}

/** The demands as clients read them, each estimated line added to its demand: no id, no audit, as it is not saved. */
function estimatedDemands({ demands, lines }: EstimateResult) {
  return demands.map((d) => {
    const json = demandJson(d);
    const added = lines
      .filter((l) => l.demandId === d.id)
      .map((l) => ({ id: null, demandId: d.id, tenantId: d.tenantId, taxHeadMasterCode: l.taxHeadMasterCode, taxAmount: moneyToJson(l.taxAmount), collectionAmount: 0, additionalDetails: null, auditDetails: null }));
    return { ...json, demandDetails: [...json.demandDetails, ...added] };
  });
}
