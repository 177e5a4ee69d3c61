/** Schema pieces several kinds share. */

export const fieldPath = { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$' };
/** At most `requests` calls in each window of `seconds` (engine/limits counts them in the database). */
export const rateLimit = {
  title: 'Rate limit',
  type: 'object',
  additionalProperties: false,
  required: ['requests', 'seconds'],
  description: 'At most `requests` calls in each window of `seconds`; more are answered 429 with Retry-After.',
  properties: { requests: { type: 'integer', minimum: 1 }, seconds: { type: 'integer', minimum: 1 } },
};
export const roles = { type: 'array', items: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$' }, minItems: 1, uniqueItems: true };

/** A demand as a service's effect writes it; bulk operations write one per record. */
export const demandEffect = {
  title: 'Demand effect definition',
  type: 'object',
  additionalProperties: false,
  required: ['businessService', 'consumerCode', 'taxPeriodFrom', 'taxPeriodTo', 'details'],
  description: "A demand (DIGIT billing) written in the entity's own transaction. Each value may be a rule.",
  properties: {
    businessService: { description: 'A BillingService.BusinessService code, or a rule giving one.' },
    consumerType: {},
    consumerCode: {},
    payer: {},
    taxPeriodFrom: {},
    taxPeriodTo: {},
    minimumAmountPayable: {},
    additionalDetails: {},
    details: {
      description:
        'The demand details: a list of {taxHeadCode, amount} (rules allowed); {rules, input} naming a rule set whose result is that list; or {each, taxHeadCode, amount}: one line per item of a list in the data (each), its rules reading the item as item. Details of 0 are left out; a demand left with none is not written.',
      anyOf: [
        { type: 'array', items: { type: 'object', required: ['taxHeadCode', 'amount'], additionalProperties: false, properties: { taxHeadCode: {}, amount: {} } } },
        { type: 'object', additionalProperties: false, required: ['rules'], properties: { rules: { type: 'string' }, input: { type: 'object' } } },
        { type: 'object', additionalProperties: false, required: ['each', 'taxHeadCode', 'amount'], properties: { each: {}, taxHeadCode: {}, amount: {} } },
      ],
    },
    field: { ...fieldPath, description: 'The entity field a refused demand is reported at (default: the entity).' },
  },
};

/** Sums of tax heads over a consumer's ACTIVE demands, by name (consumer summaries, adjustments). */
export const buckets = {
  type: 'object',
  minProperties: 1,
  propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
  additionalProperties: {
    type: 'object',
    additionalProperties: false,
    required: ['of', 'heads', 'measure'],
    properties: {
      of: { enum: ['current', 'earlier', 'all'], description: 'The current demand, the other ACTIVE demands of the consumer, or all of them.' },
      heads: { type: 'array', items: { type: 'string' }, minItems: 1 },
      measure: {
        enum: ['tax', 'collected', 'outstanding', 'count'],
        description: 'Sum of taxAmount, collectionAmount, or their difference; or count: how many demands have a line of these heads still open (tax ≠ collected).',
      },
      negate: { type: 'boolean', description: 'Report the sum with its sign turned.' },
    },
  },
};

/** DIGIT's mixed mode: a narrow look-up open without the roles, its answer masked. */
export const anonymousLookup = {
  title: 'Anonymous look-up definition',
  type: 'object',
  additionalProperties: false,
  required: ['criteria', 'mask'],
  description:
    "A narrow look-up open without the roles (DIGIT's mixed mode: the bill or receipt an SMS links to). A caller without a token, or without the roles, who names every criterion of one set (one value each) gets the answer with the masked fields starred; a caller with the roles gets it whole.",
  properties: {
    criteria: {
      type: 'array',
      minItems: 1,
      items: { type: 'array', items: { type: 'string' }, minItems: 1, uniqueItems: true },
      description: 'Sets of request criteria (query or body); naming all of one set, each with a single value, opens the look-up.',
    },
    mask: {
      type: 'array',
      items: {
        title: 'Mask rule',
        type: 'object',
        additionalProperties: false,
        required: ['path'],
        properties: {
          path: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*$', description: 'Dotted path in the answer; arrays on the way are walked item by item (Bill.payerName).' },
          keepFirst: { type: 'integer', minimum: 0, description: 'Characters shown at the start (default 0).' },
          keepLast: { type: 'integer', minimum: 0, description: 'Characters shown at the end (default 0): 4 shows a mobile number as ******8888.' },
        },
      },
      description: 'The personal data in the answer, starred for anonymous callers (a value that is not text is withheld as null).',
    },
  },
};
