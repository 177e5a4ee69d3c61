import { ruleProblems, templateProblems } from '../../../rules/index.ts';
import type { DefinitionProblem } from '../../problem.ts';
import { problemAt, type PathSegment, type Sourced } from '../../source.ts';
import { checkDemandDetails, endpointRoutes, type ServiceDefinition } from '../service/index.ts';
import type { BatchDefinition } from './types.generated.ts';

export interface BatchCheckContext {
  roles: Set<string>;
  services: ServiceDefinition[];
  /** Fields a service stores in a column of its own. */
  storedFields: (service: string) => Set<string> | undefined;
  ruleSets: Set<string> | undefined;
  reservedRoutes: Set<string>;
}

/** A bulk operation's route is free, its roles, service, fields and rule sets exist, and its rules hold together. */
export function checkBatches(batches: Sourced<BatchDefinition>[], ctx: BatchCheckContext): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const seen = new Map<string, string>();
  const routes = new Map<string, string>([...ctx.reservedRoutes].map((r) => [r, 'the engine']));
  for (const svc of ctx.services) {
    for (const { route } of endpointRoutes(svc)) routes.set(route, `service '${svc.service}'`);
  }
  for (const { value: b, source } of batches) {
    const at = (path: PathSegment[], message: string) => problems.push(problemAt(source, path, message));
    const rules = (value: unknown, path: PathSegment[], strict = false) => {
      for (const p of strict ? ruleProblems(value, path) : templateProblems(value, path)) at(p.path, p.message);
    };
    if (seen.has(b.batch)) at(['batch'], `batch '${b.batch}' is already defined in ${seen.get(b.batch)}`);
    seen.set(b.batch, source.file);
    const owner = routes.get(b.path);
    if (owner) at(['path'], `duplicate route POST ${b.path}: already served by ${owner}`);
    else routes.set(b.path, `batch '${b.batch}'`);
    b.roles.forEach((role, i) => {
      if (!ctx.roles.has(role)) at(['roles', i], `unknown role '${role}': it is not in the ACCESSCONTROL-ROLES.roles master`);
    });
    const stored = ctx.storedFields(b.over.service);
    if (!stored) at(['over', 'service'], `unknown service '${b.over.service}' (known: ${ctx.services.map((s) => s.service).join(', ') || 'none'})`);
    else {
      for (const [field, value] of Object.entries(b.over.where ?? {})) {
        if (!stored.has(field)) at(['over', 'where', field], `'${field}' has no column of its own in service '${b.over.service}', so records cannot be chosen by it`);
        rules(value, ['over', 'where', field]);
      }
      if (!stored.has(b.over.consumerCode)) at(['over', 'consumerCode'], `'${b.over.consumerCode}' has no column of its own in service '${b.over.service}'`);
    }
    for (const [name, rule] of Object.entries(b.let ?? {})) rules(rule, ['let', name], true);
    (b.checks ?? []).forEach((c, i) => rules(c.rule, ['checks', i, 'rule'], true));
    if (b.runKey !== undefined) rules(b.runKey, ['runKey']);
    const d = b.demand;
    for (const key of ['consumerType', 'consumerCode', 'payer', 'taxPeriodFrom', 'taxPeriodTo', 'minimumAmountPayable', 'additionalDetails'] as const) {
      if (d[key] !== undefined) rules(d[key], ['demand', key]);
    }
    checkDemandDetails(d.details, ['demand', 'details'], rules, at, ctx.ruleSets);
  }
  return problems;
}
