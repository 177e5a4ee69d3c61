import type { DemandEffectDefinition } from '../definitions/index.ts';
import { SevaError } from '../errors/index.ts';
import { Money } from '../money/index.ts';
import { evaluateTemplate, type RuleContext, type RuleSets } from '../rules/index.ts';

/**
 * The DIGIT demand a definition describes (a service's effect, a bulk operation), its values
 * evaluated over `data`; undefined when every amount is 0. Details of 0 are left out.
 */
export function demandFromSpec(
  spec: Omit<DemandEffectDefinition, 'consumerCode'> & { consumerCode?: unknown },
  data: { tenantId: string; now: number },
  context: RuleContext,
  rules: RuleSets,
  source: string,
  fixed: { consumerCode?: string; consumerType?: unknown; taxPeriodFrom?: unknown; taxPeriodTo?: unknown } = {},
  /** Rule-set results by input, for many demands made at once (a rule set's result depends on its input alone). */
  memo?: Map<string, unknown>,
): Record<string, unknown> | undefined {
  const ev = (v: unknown) => (v === undefined ? undefined : evaluateTemplate(v, data, context));
  const fromRules = (name: string, input: Record<string, unknown>) => {
    if (!memo) return rules.get(name).evaluate(input, context);
    const key = `${name}|${JSON.stringify(input)}`;
    if (!memo.has(key)) memo.set(key, rules.get(name).evaluate(input, context));
    return memo.get(key);
  };
  const details = spec.details;
  let lines: unknown;
  let from = source;
  if (Array.isArray(details)) lines = details.map((d) => ({ taxHeadCode: ev(d.taxHeadCode), amount: ev(d.amount) }));
  else if ('each' in details) {
    const items = ev(details.each);
    if (!Array.isArray(items)) throw new SevaError('internal', 'INVALID_RULE_RESULT', `${source}: the demand's details.each must give a list, gave ${JSON.stringify(items)}`);
    lines = items.map((item) => {
      const scope = { ...data, item };
      return { taxHeadCode: evaluateTemplate(details.taxHeadCode, scope, context), amount: evaluateTemplate(details.amount, scope, context) };
    });
  } else {
    lines = fromRules(details.rules, { now: data.now, ...(ev(details.input ?? {}) as Record<string, unknown>) });
    from = `rule set ${details.rules}`;
  }
  if (!Array.isArray(lines)) throw new SevaError('internal', 'INVALID_RULE_RESULT', `${from} must give demand details as a list of {taxHeadCode, amount}, gave ${JSON.stringify(lines)}`);
  const demandDetails = lines
    .map((line: { taxHeadCode?: unknown; amount?: unknown }) => {
      if (typeof line?.taxHeadCode !== 'string') throw new SevaError('internal', 'INVALID_RULE_RESULT', `${from} gave a demand detail without a taxHeadCode: ${JSON.stringify(line)}`);
      return { taxHeadMasterCode: line.taxHeadCode, taxAmount: line.amount ?? 0 };
    })
    .filter((d) => !isZero(d.taxAmount));
  if (demandDetails.length === 0) return undefined;
  const optional = (key: string, value: unknown) => (value === undefined || value === null ? {} : { [key]: value });
  return {
    tenantId: data.tenantId,
    businessService: ev(spec.businessService),
    consumerCode: fixed.consumerCode ?? String(ev(spec.consumerCode)),
    ...optional('consumerType', 'consumerType' in fixed ? fixed.consumerType : ev(spec.consumerType)),
    ...optional('payer', ev(spec.payer)),
    taxPeriodFrom: 'taxPeriodFrom' in fixed ? fixed.taxPeriodFrom : ev(spec.taxPeriodFrom),
    taxPeriodTo: 'taxPeriodTo' in fixed ? fixed.taxPeriodTo : ev(spec.taxPeriodTo),
    ...optional('minimumAmountPayable', ev(spec.minimumAmountPayable)),
    ...optional('additionalDetails', ev(spec.additionalDetails)),
    demandDetails,
  };
}

function isZero(amount: unknown): boolean {
  if (amount === null || amount === undefined || amount === '') return true;
  try {
    return new Money(String(amount)).isZero();
  } catch {
    return false; // not a number: left for the billing engine to refuse with its path
  }
}
