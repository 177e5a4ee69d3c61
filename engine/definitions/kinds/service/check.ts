import { compileDataSchema } from '../../../validation/index.ts';
import { schemaAt, schemaTypeOf, withStandardFields } from '../../entity-schema.ts';
import type { JsonSchema } from '../../kind.ts';
import type { DefinitionProblem } from '../../problem.ts';
import { problemAt, type Sourced } from '../../source.ts';
import { rootColumnPaths, type PersisterDefinition } from '../persister/index.ts';
import { checkServiceRules } from './check-rules.ts';
import { endpointRoutes } from './routes.ts';
import type { SearchCriterion, ServiceDefinition } from './types.generated.ts';

export interface ServiceCheckContext {
  roles: Set<string>;
  /** Some persister file failed to load: an unknown persister may be that one, so say nothing. */
  persistersIncomplete: boolean;
  idFormatNames: Set<string>;
  /** Routes the engine serves itself (`/user/oauth/token`, ...), which a service may not take. */
  reservedRoutes: Set<string>;
  /** Names of the workflows defined; undefined when some workflow file failed to load. */
  workflows: Set<string> | undefined;
  /** The actions of each workflow (undefined as workflows). */
  workflowActions: Map<string, Set<string>> | undefined;
  /** Names of the rule sets; undefined when some rule-set file failed to load. */
  ruleSets: Set<string> | undefined;
  /** Fields each service stores in a column of its own. */
  storedFields: (service: string) => Set<string> | undefined;
}

/** A service's endpoints, entity schema, search, uniqueness, ID formats, rules and workflow all hold together with its persister. */

export function checkServices(services: Sourced<ServiceDefinition>[], persisters: Sourced<PersisterDefinition>[], ctx: ServiceCheckContext): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const seenNames = new Map<string, string>();
  const routes = new Map<string, string>();
  for (const route of ctx.reservedRoutes) routes.set(route, 'the engine');
  const bound = new Map<string, string>();

  for (const { value: svc, source } of services) {
    const at = (path: (string | number)[], message: string, key = false) => problems.push(problemAt(source, path, message, key));
    if (seenNames.has(svc.service)) at(['service'], `service '${svc.service}' is already defined in ${seenNames.get(svc.service)}`);
    seenNames.set(svc.service, source.file);

    for (const { at: where, route, roles } of endpointRoutes(svc)) {
      const owner = routes.get(route);
      if (owner) at(where, `duplicate route POST ${route}: already served by ${owner}`);
      else routes.set(route, `service '${svc.service}' (${source.file})`);
      roles.forEach((role, i) => {
        if (!ctx.roles.has(role)) at([...where, 'roles', i], `unknown role '${role}': it is not in the ACCESSCONTROL-ROLES.roles master`);
      });
    }

    const schema = withStandardFields(svc.entity.schema);
    try {
      compileDataSchema(schema);
    } catch (err) {
      at(['entity', 'schema'], `the entity schema is not a valid JSON Schema: ${(err as Error).message}`);
      continue;
    }
    const fieldExists = (path: (string | number)[], field: string, what: string) => {
      if (!schemaAt(schema, field)) at(path, `${what} '${field}' is not a field of the ${svc.service} entity schema`);
    };
    (svc.entity.pii ?? []).forEach((f, i) => fieldExists(['entity', 'pii', i], f, 'PII field'));

    const persister = persisters.find((p) => p.value.persister === svc.persister);
    if (!persister) {
      if (!ctx.persistersIncomplete) at(['persister'], `unknown persister '${svc.persister}' (known: ${persisters.map((p) => p.value.persister).join(', ') || 'none'})`);
      continue;
    }
    if (persister.value.service !== svc.service) at(['persister'], `persister '${svc.persister}' belongs to service '${persister.value.service}', not '${svc.service}'`);
    const rootColumns = rootColumnPaths(persister.value);
    const childPaths = (persister.value.children ?? []).map((c) => c.path);
    const stored = (field: string) => rootColumns.has(field);
    const searchable = (field: string) => stored(field) || childPaths.some((p) => field.startsWith(`${p}.`));
    const isFigure = (field: string) => Object.hasOwn(svc.search.billing?.fields ?? {}, field);

    (svc.unique ?? []).forEach((u, i) =>
      u.fields.forEach((f, j) => {
        fieldExists(['unique', i, 'fields', j], f, 'unique field');
        if (schemaAt(schema, f) && !stored(f)) at(['unique', i, 'fields', j], `unique field '${f}' has no column of its own in persister '${svc.persister}'`);
      }),
    );
    (svc.idFormats ?? []).forEach((idf, i) => {
      fieldExists(['idFormats', i, 'field'], idf.field, 'ID field');
      if (!ctx.idFormatNames.has(idf.format)) at(['idFormats', i, 'format'], `unknown ID format '${idf.format}': no common-masters.IdFormat record has this idname`);
    });
    const checkCriteria = (criteria: Record<string, SearchCriterion>, base: (string | number)[]) => {
      for (const [param, criterion] of Object.entries(criteria)) {
        if (param === 'tenantId' || param === 'offset' || param === 'limit' || param === 'sortBy' || param === 'sortOrder') {
          at([...base, param], `search parameter '${param}' is built in and cannot be redefined`, true);
          continue;
        }
        if (criterion.match === 'settled') {
          if (!isFigure(criterion.field)) at([...base, param, 'field'], `'settled' matches a billing figure, and '${criterion.field}' is not one of search.billing.fields`);
          if (criterion.orFields) at([...base, param, 'orFields'], `a 'settled' criterion matches one figure, without orFields`);
          continue;
        }
        const fields = [{ field: criterion.field, path: [...base, param, 'field'] }, ...(criterion.orFields ?? []).map((field, j) => ({ field, path: [...base, param, 'orFields', j] }))];
        for (const { field, path } of fields) {
          fieldExists(path, field, 'search field');
          if (schemaAt(schema, field) && !searchable(field)) at(path, `search field '${field}' has no column in persister '${svc.persister}' (a JSON column cannot be searched)`);
        }
      }
    };
    checkCriteria(svc.search.criteria, ['search', 'criteria']);
    (svc.search.counts ?? []).forEach((counts, i) => {
      if (counts.settled) {
        if (!isFigure(counts.field)) at(['search', 'counts', i, 'field'], `settled counts are of a billing figure, and '${counts.field}' is not one of search.billing.fields`);
      } else if (!rootColumns.has(counts.field)) {
        at(['search', 'counts', i, 'field'], `counted field '${counts.field}' has no column of its own in persister '${svc.persister}'`);
      }
      (counts.ignore ?? []).forEach((param, j) => {
        if (!(param in svc.search.criteria)) at(['search', 'counts', i, 'ignore', j], `'${param}' is not a search criterion of ${svc.service} (known: ${Object.keys(svc.search.criteria).join(', ')})`);
      });
    });
    const figures = svc.search.billing;
    if (figures) {
      if (!stored(figures.consumerCode)) at(['search', 'billing', 'consumerCode'], `consumer code field '${figures.consumerCode}' has no column of its own in persister '${svc.persister}'`);
      for (const field of Object.keys(figures.fields)) fieldExists(['search', 'billing', 'fields', field], field, 'billing figure field');
    }
    const sort = svc.search.sort;
    if (sort) {
      for (const [name, field] of Object.entries(sort.fields)) {
        if (!rootColumns.has(field) && !(figures && field in figures.fields)) at(['search', 'sort', 'fields', name], `sort field '${field}' has no column of its own in persister '${svc.persister}' and is not a billing figure`);
      }
      if (!(sort.default in sort.fields)) at(['search', 'sort', 'default'], `default sort '${sort.default}' is not one of the sort fields (${Object.keys(sort.fields).join(', ')})`);
      if (sort.ignoreCase) {
        const seen = new Map<string, string>();
        for (const name of Object.keys(sort.fields)) {
          const other = seen.get(name.toLowerCase());
          if (other) at(['search', 'sort', 'fields', name], `sort values '${other}' and '${name}' differ only in case, which ignoreCase cannot tell apart`);
          seen.set(name.toLowerCase(), name);
        }
      }
    }
    (svc.searches ?? []).forEach((named, i) => {
      const base = ['searches', i];
      checkCriteria(named.criteria ?? {}, [...base, 'criteria']);
      (named.use ?? []).forEach((name, j) => {
        if (!Object.hasOwn(svc.search.criteria, name)) at([...base, 'use', j], `'${name}' is not a criterion of search.criteria (known: ${Object.keys(svc.search.criteria).join(', ')})`);
        else if (named.criteria && Object.hasOwn(named.criteria, name)) at([...base, 'use', j], `'${name}' is used from search.criteria and also defined in this search's criteria`);
      });
      const takes = new Set([...(named.use ?? []), ...Object.keys(named.criteria ?? {})]);
      for (const key of ['require', 'requireAny'] as const) {
        (named[key] ?? []).forEach((name, j) => {
          if (!takes.has(name)) at([...base, key, j], `'${name}' is not a criterion of this search (it takes ${[...takes].join(', ') || 'none'})`);
        });
      }
      for (const field of Object.keys(named.filters ?? {})) {
        fieldExists([...base, 'filters', field], field, 'filter field');
        if (schemaAt(schema, field) && !stored(field) && !isFigure(field)) at([...base, 'filters', field], `filter field '${field}' has no column of its own in persister '${svc.persister}' and is not a billing figure`, true);
      }
    });
    checkServiceRules(svc, schema, at, { storedFields: ctx.storedFields, ruleSets: ctx.ruleSets });
    if ((svc.search.defaultLimit ?? 0) > (svc.search.maxLimit ?? Infinity)) at(['search', 'defaultLimit'], `defaultLimit ${svc.search.defaultLimit} is above maxLimit ${svc.search.maxLimit}`);

    const wf = svc.workflow;
    if (wf) {
      if (ctx.workflows && !ctx.workflows.has(wf.businessService)) at(['workflow', 'businessService'], `unknown workflow '${wf.businessService}' (known: ${[...ctx.workflows].join(', ') || 'none'})`);
      const actions = ctx.workflowActions?.get(wf.businessService);
      for (const [status, action] of Object.entries(wf.actionsByStatus ?? {})) {
        if (actions && !actions.has(action)) at(['workflow', 'actionsByStatus', status], `workflow '${wf.businessService}' has no action '${action}' (its actions: ${[...actions].join(', ')})`);
      }
      const boundBy = bound.get(wf.businessService);
      if (boundBy) at(['workflow', 'businessService'], `workflow '${wf.businessService}' is already followed by service '${boundBy}': a workflow binds one service`);
      bound.set(wf.businessService, svc.service);
      for (const [key, field] of [['businessIdField', wf.businessIdField ?? 'id'], ['statusField', wf.statusField ?? 'applicationStatus']] as const) {
        const path = wf[key] ? ['workflow', key] : ['workflow'];
        const fieldSchema = schemaAt(schema, field);
        if (!fieldSchema) at(path, `${key} '${field}' is not a field of the ${svc.service} entity schema`);
        else if (!isStringField(fieldSchema)) at(path, `${key} '${field}' must be a string field`);
        else if (!stored(field)) at(path, `${key} '${field}' has no column of its own in persister '${svc.persister}'`);
      }
    }
  }
  return problems;
}

function isStringField(schema: JsonSchema): boolean {
  const type = schemaTypeOf(schema);
  if (type) return type === 'string';
  return Array.isArray(schema.enum) && schema.enum.every((v) => typeof v === 'string');
}
