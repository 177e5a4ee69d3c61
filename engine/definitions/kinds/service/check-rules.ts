import { templateProblems } from '../../../rules/index.ts';
import { schemaAt } from '../../entity-schema.ts';
import type { JsonSchema } from '../../kind.ts';
import type { DemandEffectDefinition, ServiceDefinition } from './types.generated.ts';

export type At = (path: (string | number)[], message: string) => void;

/** What a related payment is found by (the payment search's criteria). */
const PAYMENT_CRITERIA = ['ids', 'receiptNumbers', 'consumerCodes', 'businessServices'];

export interface ServiceRulesContext {
  /** Fields other services store in a column of their own, by service name. */
  storedFields: (service: string) => Set<string> | undefined;
  /** Names of the rule sets; undefined when some rule-set file failed to load. */
  ruleSets: Set<string> | undefined;
}

/** `related`, `compute`, `checks` and `effects` of a service: names, fields and rules all exist. */
export function checkServiceRules(svc: ServiceDefinition, schema: JsonSchema, at: At, ctx: ServiceRulesContext): void {
  const rules = (value: unknown, path: (string | number)[]) => {
    for (const p of templateProblems(value, path)) at(p.path, p.message);
  };
  const field = (path: (string | number)[], name: string, what: string) => {
    if (!schemaAt(schema, name)) at(path, `${what} '${name}' is not a field of the ${svc.service} entity schema`);
  };

  for (const [name, spec] of Object.entries(svc.related ?? {})) {
    const base = ['related', name];
    if (spec.billing) {
      for (const [f, value] of Object.entries(spec.where)) {
        if (!PAYMENT_CRITERIA.includes(f)) at([...base, 'where', f], `a payment is found by ${PAYMENT_CRITERIA.join(', ')}, not '${f}'`);
        rules(value, [...base, 'where', f]);
      }
      if (spec.latest || spec.lock) at([...base, spec.latest ? 'latest' : 'lock'], 'a related payment is found by its criteria alone: latest and lock are for records of services');
      continue;
    }
    const service = spec.service ?? '';
    const stored = service === svc.service ? undefined : ctx.storedFields(service);
    const own = service === svc.service ? ctx.storedFields(svc.service) : stored;
    if (!own) {
      at([...base, 'service'], `unknown service '${spec.service}'`);
      continue;
    }
    for (const [f, value] of Object.entries(spec.where)) {
      if (!own.has(f)) at([...base, 'where', f], `'${f}' has no column of its own in service '${spec.service}', so records cannot be found by it`);
      rules(value, [...base, 'where', f]);
    }
    if (spec.latest && !own.has(spec.latest)) at([...base, 'latest'], `'${spec.latest}' has no column of its own in service '${spec.service}', so it cannot order records`);
  }
  (svc.compute ?? []).forEach((c, i) => {
    field(['compute', i, 'field'], c.field, 'computed field');
    rules(c.value, ['compute', i, 'value']);
  });
  (svc.checks ?? []).forEach((c, i) => {
    if (c.field) field(['checks', i, 'field'], c.field, 'checked field');
    rules(c.rule, ['checks', i, 'rule']);
    if (c.when !== undefined) rules(c.when, ['checks', i, 'when']);
  });
  (svc.effects ?? []).forEach((e, i) => {
    if (e.when !== undefined) rules(e.when, ['effects', i, 'when']);
    if (e.demand) {
      const d = e.demand;
      for (const key of ['consumerType', 'consumerCode', 'payer', 'taxPeriodFrom', 'taxPeriodTo', 'minimumAmountPayable', 'additionalDetails'] as const) {
        if (d[key] !== undefined) rules(d[key], ['effects', i, 'demand', key]);
      }
      rules(d.businessService, ['effects', i, 'demand', 'businessService']);
      checkDemandDetails(d.details, ['effects', i, 'demand', 'details'], rules, at, ctx.ruleSets);
      if (d.field) field(['effects', i, 'demand', 'field'], d.field, 'refusal field');
    }
    for (const kind of ['cancelUnpaidDemands', 'payment', 'cancelPayments'] as const) {
      const spec = e[kind];
      if (!spec) continue;
      for (const [key, value] of Object.entries(spec)) {
        if (key === 'field') field(['effects', i, kind, key], String(value), 'refusal field');
        else rules(value, ['effects', i, kind, key]);
      }
    }
  });
}

/** A demand's details: their rules hold together, and a named rule set exists. */
export function checkDemandDetails(
  details: DemandEffectDefinition['details'],
  path: (string | number)[],
  rules: (value: unknown, path: (string | number)[]) => void,
  at: At,
  ruleSets: Set<string> | undefined,
): void {
  if (Array.isArray(details) || 'each' in details) {
    rules(details, path);
    return;
  }
  if (ruleSets && !ruleSets.has(details.rules)) at([...path, 'rules'], `unknown rule set '${details.rules}' (known: ${[...ruleSets].join(', ') || 'none'})`);
  if (details.input) rules(details.input, [...path, 'input']);
}
