import type { AdjustmentDefinition, AdjustmentEstimate, JsonSchema } from '../../definitions/index.ts';
import { answer, criteria, listCriterion, listOf, ref, type RouteDoc } from '../openapi/route-doc.ts';

const text = { type: 'string' };
const maybeText = { type: ['string', 'null'] };
const whole = { type: 'integer' };
const amount = { type: 'number' };
const object = (properties: Record<string, JsonSchema>): JsonSchema => ({ type: 'object', properties, required: Object.keys(properties) });

/** A demand as routes/estimates.ts answers it: as billing's, with estimated lines that have no id nor audit yet. */
const EstimatedDemand = object({
  id: text,
  tenantId: text,
  consumerCode: text,
  consumerType: text,
  businessService: text,
  payer: {},
  taxPeriodFrom: whole,
  taxPeriodTo: whole,
  billExpiryTime: { type: ['integer', 'null'] },
  minimumAmountPayable: amount,
  status: { enum: ['ACTIVE'] },
  isPaymentCompleted: { type: 'boolean' },
  additionalDetails: {},
  demandDetails: listOf(
    object({
      id: { ...maybeText, description: 'null on a line estimated, not saved.' },
      demandId: text,
      tenantId: text,
      taxHeadMasterCode: text,
      taxAmount: amount,
      collectionAmount: amount,
      additionalDetails: {},
      auditDetails: { anyOf: [ref('AuditDetails'), { type: 'null' }] },
    }),
  ),
  auditDetails: ref('AuditDetails'),
});

/** The contract of an adjustment's estimate route. */
export function estimateDoc(def: AdjustmentDefinition, estimate: AdjustmentEstimate): RouteDoc {
  return {
    summary: `What the adjustment ${def.adjustment} would add now (${def.once}), nothing saved.`,
    description: `${def.description ?? ''} The consumers' ACTIVE ${def.businessService} demands, with the ${def.once} line each would take now added (id and auditDetails null), and ${estimate.total}: the ${def.once} still owed over them, the estimate included.`.trim(),
    ...criteria({ tenantId: text, consumerCodes: listCriterion(), consumerCode: text }, ['tenantId'], { consumerCodes: 'The consumers to estimate for (or consumerCode, one).' }),
    response: answer({ Demands: listOf(ref('EstimatedDemand')), [estimate.total]: amount }),
    schemas: { EstimatedDemand },
  };
}
