import { consumerBuckets } from '../../billing/index.ts';
import type { SummaryDefinition } from '../../definitions/index.ts';
import { invalid } from '../../errors/index.ts';
import type { Mdms } from '../../mdms/index.ts';
import { evaluateTemplate, type RuleSets } from '../../rules/index.ts';
import type { Db } from '../../store/index.ts';
import { criteriaOf, requireTenant, type HttpRequest, type Route } from '../route.ts';
import { summaryDoc } from './summary-docs.ts';

export interface SummaryRouteDeps {
  db: Db;
  rules: RuleSets;
  mdms: () => Mdms;
  now: () => number;
  timeZone: string;
}

/** Each consumer summary (summaries/) at its path: `{tenantId, consumerCode}` → its figures, shaped by its rules. */
export function summaryRoutes(definitions: SummaryDefinition[], deps: SummaryRouteDeps): Route[] {
  const tenantOf = (req: HttpRequest) => [requireTenant(criteriaOf(req).tenantId, '$.tenantId')];
  return definitions.map((def) => ({
    path: def.path,
    endpoint: `POST ${def.path}`,
    access: { mode: 'roles', roles: def.roles },
    tenants: tenantOf,
    doc: summaryDoc(def, deps.rules),
    handle: async (req) => {
      const c = criteriaOf(req);
      const tenantId = String(c.tenantId);
      const consumerCode = c.consumerCode;
      if (typeof consumerCode !== 'string' || consumerCode === '') throw invalid('REQUIRED_FIELD_MISSING', 'consumerCode is required', '$.consumerCode');
      const consumer = { tenantId, businessService: def.businessService, consumerCode };
      const { values, current, latest, demands } = await consumerBuckets(deps.db, consumer, { currentTypes: def.current?.consumerTypes, openLinesOnly: def.openLinesOnly }, def.buckets);
      const data = { ...values, buckets: values, current, latest, demands, consumerCode, tenantId, now: deps.now() };
      const context = { mdms: deps.mdms(), timeZone: deps.timeZone };
      const answer = def.rules ? deps.rules.get(def.rules).evaluate(data, context) : evaluateTemplate(def.result, data, context);
      return req.respond(answer as Record<string, unknown>);
    },
  }));
}
