import { DEMAND_INPUT_SCHEMA, PAYMENT_INPUT_SCHEMA, PAYMENT_MODES } from '../../billing/index.ts';
import type { JsonSchema } from '../../definitions/index.ts';
import { answer, criteria, envelope, listCriterion, listOf, pageParams, ref, wholeNumber, type RouteDoc } from '../openapi/route-doc.ts';
import type { BILLING_PATHS } from './billing.ts';

// The answers as engine/billing's demandJson, billJson, paymentJson and transactionJson give them.
// Amounts are JSON numbers, each the exact decimal amount.
const text = { type: 'string' };
const maybeText = { type: ['string', 'null'] };
const whole = { type: 'integer' };
const maybeWhole = { type: ['integer', 'null'] };
const amount = { type: 'number' };
const anything = {};
const object = (properties: Record<string, JsonSchema>, optional: string[] = []): JsonSchema => ({
  type: 'object',
  properties,
  required: Object.keys(properties).filter((k) => !optional.includes(k)),
});

const billingSchemas: Record<string, JsonSchema> = {
  DemandInput: { ...DEMAND_INPUT_SCHEMA, description: 'A demand as a request carries it. Amounts may be numbers or decimal strings; credits (advance) are negative.' },
  Demand: object({
    id: text,
    tenantId: text,
    consumerCode: text,
    consumerType: text,
    businessService: text,
    payer: anything,
    taxPeriodFrom: whole,
    taxPeriodTo: whole,
    billExpiryTime: maybeWhole,
    minimumAmountPayable: amount,
    status: { enum: ['ACTIVE', 'CANCELLED'] },
    isPaymentCompleted: { type: 'boolean' },
    additionalDetails: anything,
    demandDetails: listOf(
      object({ id: text, demandId: text, tenantId: text, taxHeadMasterCode: text, taxAmount: amount, collectionAmount: amount, additionalDetails: anything, auditDetails: ref('AuditDetails') }),
    ),
    auditDetails: ref('AuditDetails'),
  }),
  Bill: object({
    id: text,
    tenantId: text,
    billNumber: text,
    billDate: whole,
    consumerCode: text,
    businessService: text,
    status: { enum: ['ACTIVE', 'EXPIRED', 'PAID', 'CANCELLED'] },
    payerName: maybeText,
    mobileNumber: maybeText,
    payerAddress: maybeText,
    payerEmail: maybeText,
    payerId: maybeText,
    totalAmount: amount,
    amountPaid: amount,
    minimumAmountToBePaid: amount,
    partPaymentAllowed: { type: 'boolean' },
    isAdvanceAllowed: { type: 'boolean' },
    collectionModesNotAllowed: listOf(text),
    expiryDate: whole,
    billDetails: listOf(
      object({
        id: text,
        tenantId: text,
        billId: text,
        demandId: text,
        fromPeriod: whole,
        toPeriod: whole,
        amount: { ...amount, description: 'Outstanding on the demand when the bill was made.' },
        amountPaid: { ...amount, description: 'Collected on the demand before the bill.' },
        expiryDate: whole,
        billAccountDetails: listOf(object({ id: text, tenantId: text, billDetailId: text, demandDetailId: text, order: whole, amount, adjustedAmount: amount, taxHeadCode: text })),
      }),
    ),
    auditDetails: ref('AuditDetails'),
  }),
  PaymentInput: { ...PAYMENT_INPUT_SCHEMA, description: 'A payment against one or more fetched bills. Amounts may be numbers or decimal strings.' },
  Payment: object({
    id: text,
    tenantId: text,
    totalDue: amount,
    totalAmountPaid: amount,
    transactionNumber: maybeText,
    transactionDate: whole,
    paymentMode: { enum: [...PAYMENT_MODES] },
    instrumentDate: maybeWhole,
    instrumentNumber: maybeText,
    instrumentStatus: text,
    ifscCode: maybeText,
    paidBy: maybeText,
    payerName: maybeText,
    mobileNumber: maybeText,
    payerAddress: maybeText,
    payerEmail: maybeText,
    payerId: maybeText,
    paymentStatus: { enum: ['NEW', 'CANCELLED'] },
    additionalDetails: anything,
    paymentDetails: listOf(
      object({
        id: text,
        tenantId: text,
        paymentId: text,
        businessService: text,
        billId: text,
        receiptNumber: text,
        receiptDate: whole,
        receiptType: { const: 'BILLBASED' },
        manualReceiptNumber: maybeText,
        totalDue: amount,
        totalAmountPaid: amount,
        additionalDetails: anything,
        bill: { ...ref('Bill'), description: 'The bill as it was paid.' },
      }),
    ),
    auditDetails: ref('AuditDetails'),
  }),
  Transaction: object({
    txnId: text,
    tenantId: text,
    txnAmount: amount,
    billId: text,
    module: text,
    consumerCode: text,
    taxAndPayments: listOf(object({ billId: text, amountPaid: amount, businessService: text })),
    productInfo: maybeText,
    gateway: text,
    callbackUrl: maybeText,
    redirectUrl: { ...maybeText, description: "Where to send the payer while the transaction is PENDING: the gateway's page." },
    txnStatus: { enum: ['PENDING', 'SUCCESS', 'FAILURE'] },
    txnStatusMsg: text,
    gatewayTxnId: maybeText,
    gatewayStatusCode: maybeText,
    receipt: maybeText,
    paymentId: maybeText,
    user: { type: ['object', 'null'] },
    auditDetails: ref('AuditDetails'),
  }),
};

const tenantId = { type: 'string', description: "The tenant searched (a state's search covers its GPs)." };
const page = pageParams({ defaultLimit: 100, maxLimit: 1000 });

const withSchemas = (doc: Omit<RouteDoc, 'schemas'>): RouteDoc => ({ ...doc, schemas: billingSchemas });

/** The contract of each billing and collection route, by its endpoint id. */
export const billingDocs: Record<keyof typeof BILLING_PATHS, RouteDoc> = {
  'billing.demand.create': withSchemas({
    summary: 'Create demands',
    description: "Each demand's heads must belong to its business service (BillingService masters), credits negative, charges positive, its period inside a tax period. All are written together, or none.",
    body: envelope({ Demands: { type: 'array', items: ref('DemandInput'), minItems: 1 } }, ['Demands']),
    response: answer({ Demands: listOf(ref('Demand')) }),
  }),
  'billing.demand.update': withSchemas({
    summary: 'Update demands',
    description: 'Each demand names its id, and sends auditDetails.lastModifiedTime as read (else 409 STALE_RECORD). Every change is kept in the demand history.',
    body: envelope({ Demands: { type: 'array', items: ref('DemandInput'), minItems: 1 } }, ['Demands']),
    response: answer({ Demands: listOf(ref('Demand')) }),
  }),
  'billing.demand.search': withSchemas({
    summary: 'Search demands',
    ...criteria(
      {
        tenantId,
        demandId: listCriterion(),
        consumerCode: listCriterion(),
        businessService: text,
        status: listCriterion({ enum: ['ACTIVE', 'CANCELLED'] }),
        periodFrom: wholeNumber('Demands whose period starts at or after this time (epoch ms).'),
        periodTo: wholeNumber('Demands whose period ends at or before this time (epoch ms).'),
        isPaymentCompleted: { anyOf: [{ type: 'boolean' }, { enum: ['true', 'false'] }] },
        ...page,
      },
      ['tenantId'],
    ),
    response: answer({ Demands: listOf(ref('Demand')) }),
  }),
  'billing.demand.history': withSchemas({
    summary: "A demand's history",
    description: 'Every version of the demand, oldest first, with who changed it, when and why.',
    ...criteria({ tenantId, demandId: text }, ['tenantId', 'demandId']),
    response: answer({ DemandHistory: listOf(object({ version: whole, reason: text, changedBy: text, changedTime: whole, demand: ref('Demand') })) }),
  }),
  'billing.bill.fetch': withSchemas({
    summary: "Fetch the consumers' current bills",
    description: 'One bill per consumer code over its ACTIVE demands that are not settled; an earlier bill still true is answered again, else a new one replaces it.',
    ...criteria({ tenantId, consumerCode: listCriterion(), businessService: text }, ['tenantId', 'consumerCode', 'businessService']),
    response: answer({ Bill: listOf(ref('Bill')) }),
  }),
  'billing.bill.search': withSchemas({
    summary: 'Search bills',
    ...criteria({ tenantId, billId: listCriterion(), consumerCode: listCriterion(), businessService: text, status: listCriterion({ enum: ['ACTIVE', 'EXPIRED', 'PAID', 'CANCELLED'] }), ...page }, ['tenantId']),
    response: answer({ Bill: listOf(ref('Bill')) }),
  }),
  'collection.payment.create': withSchemas({
    summary: 'Take a payment',
    description: "The amount is checked against the business service's rules (modes, part payment, advance), apportioned over the bill's demands (oldest period first), and given a receipt number; everything commits together.",
    body: envelope({ Payment: ref('PaymentInput') }, ['Payment']),
    response: answer({ Payments: listOf(ref('Payment')) }),
  }),
  'collection.payment.search': withSchemas({
    summary: 'Search payments (receipts)',
    ...criteria(
      {
        tenantId,
        ids: listCriterion(),
        receiptNumbers: listCriterion(),
        consumerCodes: listCriterion(),
        billIds: listCriterion(),
        businessServices: listCriterion(),
        paymentStatus: listCriterion({ enum: ['NEW', 'CANCELLED'] }),
        mobileNumber: text,
        fromDate: wholeNumber('Payments made at or after this time (epoch ms).'),
        toDate: wholeNumber('Payments made at or before this time (epoch ms).'),
        ...page,
      },
      ['tenantId'],
      { receiptNumbers: 'Also read as receiptNumber; likewise consumerCode, billId, businessService and status.' },
    ),
    response: answer({ Payments: listOf(ref('Payment')) }),
  }),
  'collection.payment.cancel': withSchemas({
    summary: 'Cancel payments',
    description: "DIGIT's PaymentWorkflows with action CANCEL: each payment's collections are taken back from its demands and its bill is open again.",
    body: envelope({
      PaymentWorkflows: {
        type: 'array',
        minItems: 1,
        items: { type: 'object', required: ['paymentId', 'action', 'tenantId'], properties: { paymentId: text, action: { const: 'CANCEL' }, tenantId: text, reason: text, additionalDetails: { type: ['object', 'null'] } } },
      },
      Payment: { type: 'object', description: 'Instead of PaymentWorkflows: the payment to cancel (its id and tenantId).', properties: { id: text, tenantId: text, reason: text } },
    }),
    response: answer({ Payments: listOf(ref('Payment')) }),
  }),
  'pg.transaction.create': withSchemas({
    summary: 'Start an online payment',
    description: "Creates a PENDING transaction for one bill and answers the gateway's page to send the payer to (redirectUrl).",
    body: envelope(
      {
        Transaction: {
          type: 'object',
          required: ['tenantId', 'gateway', 'txnAmount'],
          properties: {
            tenantId: text,
            gateway: text,
            txnAmount: { type: ['number', 'string'] },
            billId: text,
            module: text,
            taxAndPayments: listOf({ type: 'object', properties: { billId: text, amountPaid: { type: ['number', 'string'] }, businessService: text } }),
            callbackUrl: text,
            productInfo: text,
            user: { type: 'object' },
          },
        },
      },
      ['Transaction'],
    ),
    response: answer({ Transaction: ref('Transaction') }),
  }),
  'pg.transaction.update': withSchemas({
    summary: "The gateway's callback",
    description: "The gateway's signed answer, relayed by the payer's browser (query string or body): a successful one becomes a payment with its receipt. Its signature, not a token, vouches for it.",
    body: { type: 'object', additionalProperties: { type: ['string', 'number'] }, description: "The gateway's parameters, signature included." },
    response: answer({ Transaction: listOf(ref('Transaction')) }),
  }),
  'pg.transaction.search': withSchemas({
    summary: 'Search online payment transactions',
    ...criteria({ tenantId, txnId: listCriterion(), consumerCode: listCriterion(), billId: listCriterion(), txnStatus: listCriterion({ enum: ['PENDING', 'SUCCESS', 'FAILURE'] }), ...page }, ['tenantId']),
    response: answer({ Transaction: listOf(ref('Transaction')) }),
  }),
};
