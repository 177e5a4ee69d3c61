import { createDataAjv } from '../validation/index.ts';
import { checkServiceRules } from './check-service-rules.ts';
import { engineWrittenFields, leafPaths, openObjects, schemaAt, schemaTypeOf, withStandardFields } from './entity-schema.ts';
import type { DefinitionProblem } from './problem.ts';
import { problemAt } from './source.ts';
import type { ChildTableDefinition, ColumnDefinition, ColumnType, JsonSchema, PersisterDefinition, ServiceDefinition, Sourced } from './types.ts';

export interface ServiceCheckContext {
  roles: Set<string>;
  /** Some persister file failed to load: an unknown persister may be that one, so say nothing. */
  persistersIncomplete: boolean;
  idFormatNames: Set<string>;
  /** Routes the engine serves itself (`/user/oauth/token`, ...), which a service may not take. */
  reservedRoutes: Set<string>;
  /** Names of the workflows defined; undefined when some workflow file failed to load. */
  workflows: Set<string> | undefined;
  /** Names of the rule sets; undefined when some rule-set file failed to load. */
  ruleSets: Set<string> | undefined;
}

export const defaultEndpointPaths = { create: '/_create', update: '/_update', search: '/_search' } as const;

export function columnOf(def: string | ColumnDefinition): Required<ColumnDefinition> {
  return typeof def === 'string' ? { path: def, type: 'text' } : { path: def.path, type: def.type ?? 'text' };
}

/** Paths of the entity (relative to it) that a persister stores in a root-table column. */
export function rootColumnPaths(persister: PersisterDefinition): Map<string, string> {
  return new Map(Object.entries(persister.columns).map(([column, def]) => [columnOf(def).path, column]));
}

/** The fields each service stores in a root column of its own (what records can be found and sorted by). */
export function storedFieldsOf(services: Sourced<ServiceDefinition>[], persisters: Sourced<PersisterDefinition>[]): (service: string) => Set<string> | undefined {
  return (name) => {
    const svc = services.find((s) => s.value.service === name)?.value;
    const p = svc && persisters.find((x) => x.value.persister === svc.persister)?.value;
    return p ? new Set(rootColumnPaths(p).keys()) : undefined;
  };
}

export function checkServices(services: Sourced<ServiceDefinition>[], persisters: Sourced<PersisterDefinition>[], ctx: ServiceCheckContext): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const ajv = createDataAjv();
  const seenNames = new Map<string, string>();
  const routes = new Map<string, string>();
  for (const route of ctx.reservedRoutes) routes.set(route, 'the engine');
  const bound = new Map<string, string>();
  const storedFields = storedFieldsOf(services, persisters);

  for (const { value: svc, source } of services) {
    const at = (path: (string | number)[], message: string, key = false) => problems.push(problemAt(source, path, message, key));
    if (seenNames.has(svc.service)) at(['service'], `service '${svc.service}' is already defined in ${seenNames.get(svc.service)}`);
    seenNames.set(svc.service, source.file);

    for (const [name, endpoint] of Object.entries(svc.endpoints)) {
      const route = `${svc.basePath}${endpoint?.path ?? defaultEndpointPaths[name as keyof typeof defaultEndpointPaths]}`;
      const owner = routes.get(route);
      if (owner) at(['endpoints', name], `duplicate route POST ${route}: already served by ${owner}`);
      else routes.set(route, `service '${svc.service}' (${source.file})`);
      (endpoint?.roles ?? []).forEach((role, i) => {
        if (!ctx.roles.has(role)) at(['endpoints', name, 'roles', i], `unknown role '${role}': it is not in the ACCESSCONTROL-ROLES.roles master`);
      });
    }

    const schema = withStandardFields(svc.entity.schema);
    try {
      ajv.compile(schema);
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
    for (const [param, criterion] of Object.entries(svc.search.criteria)) {
      if (param === 'tenantId' || param === 'offset' || param === 'limit' || param === 'sortBy' || param === 'sortOrder') {
        at(['search', 'criteria', param], `search parameter '${param}' is built in and cannot be redefined`, true);
        continue;
      }
      const fields = [{ field: criterion.field, path: ['search', 'criteria', param, 'field'] }, ...(criterion.orFields ?? []).map((field, j) => ({ field, path: ['search', 'criteria', param, 'orFields', j] }))];
      for (const { field, path } of fields) {
        fieldExists(path, field, 'search field');
        if (schemaAt(schema, field) && !searchable(field)) at(path, `search field '${field}' has no column in persister '${svc.persister}' (a JSON column cannot be searched)`);
      }
    }
    const counts = svc.search.counts;
    if (counts) {
      if (!rootColumns.has(counts.field)) at(['search', 'counts', 'field'], `counted field '${counts.field}' has no column of its own in persister '${svc.persister}'`);
      (counts.ignore ?? []).forEach((param, j) => {
        if (!(param in svc.search.criteria)) at(['search', 'counts', 'ignore', j], `'${param}' is not a search criterion of ${svc.service} (known: ${Object.keys(svc.search.criteria).join(', ')})`);
      });
    }
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
    }
    checkServiceRules(svc, schema, at, { storedFields, ruleSets: ctx.ruleSets });
    if ((svc.search.defaultLimit ?? 0) > (svc.search.maxLimit ?? Infinity)) at(['search', 'defaultLimit'], `defaultLimit ${svc.search.defaultLimit} is above maxLimit ${svc.search.maxLimit}`);

    const wf = svc.workflow;
    if (wf) {
      if (ctx.workflows && !ctx.workflows.has(wf.businessService)) at(['workflow', 'businessService'], `unknown workflow '${wf.businessService}' (known: ${[...ctx.workflows].join(', ') || 'none'})`);
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

const compatibleColumnTypes: Record<string, ColumnType[]> = {
  string: ['text'],
  integer: ['integer', 'bigint', 'numeric', 'text'],
  number: ['numeric', 'text'],
  boolean: ['boolean'],
  object: ['json'],
  array: ['json'],
};

/** `servicesIncomplete`: some service file failed to load, so an unknown service may be that one. */
export function checkPersisters(persisters: Sourced<PersisterDefinition>[], services: Sourced<ServiceDefinition>[], servicesIncomplete: boolean): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const tables = new Map<string, string>();
  const seen = new Map<string, string>();
  for (const { value: p, source } of persisters) {
    const at = (path: (string | number)[], message: string, key = false) => problems.push(problemAt(source, path, message, key));
    if (seen.has(p.persister)) at(['persister'], `persister '${p.persister}' is already defined in ${seen.get(p.persister)}`);
    seen.set(p.persister, source.file);
    const claimTable = (table: string, path: (string | number)[]) => {
      if (table.startsWith('seva_')) at(path, `table name '${table}' is reserved: names starting with seva_ belong to the engine`);
      else if (tables.has(table)) at(path, `table '${table}' is already mapped by ${tables.get(table)}`);
      else tables.set(table, `persister '${p.persister}'`);
    };
    claimTable(p.table, ['table']);

    const candidates = services.filter((s) => s.value.service === p.service);
    // Two services with one name are reported as such; checking against either would only add noise.
    if (candidates.length > 1) continue;
    const service = candidates[0];
    if (!service) {
      if (servicesIncomplete) continue;
      at(['service'], `unknown service '${p.service}' (known: ${services.map((s) => s.value.service).join(', ') || 'none'})`);
      continue;
    }
    const schema = withStandardFields(service.value.entity.schema);
    const covered: string[] = [];
    const checkColumns = (columns: Record<string, string | ColumnDefinition>, itemSchema: JsonSchema, base: (string | number)[], prefix: string) => {
      const paths = new Map<string, string>();
      for (const [column, def] of Object.entries(columns)) {
        const { path, type } = columnOf(def);
        const where = [...base, 'columns', column];
        const fieldSchema = schemaAt(itemSchema, path);
        if (!fieldSchema) {
          at(where, `path '${path}' is not in the ${p.service} entity schema${prefix ? ` (under '${prefix}')` : ''}`);
          continue;
        }
        if (paths.has(path)) at(where, `path '${path}' is already stored in column '${paths.get(path)}'`);
        paths.set(path, column);
        const fieldType = schemaTypeOf(fieldSchema);
        const allowed = fieldType ? compatibleColumnTypes[fieldType] : undefined;
        if (allowed && !allowed.includes(type)) at(where, `column '${column}' has type ${type}, but '${path}' is ${fieldType === 'object' || fieldType === 'array' ? 'an' : 'a'} ${fieldType} (use ${allowed.join(' or ')})`);
        covered.push(prefix ? `${prefix}.${path}` : path);
      }
      return paths;
    };
    const rootPaths = checkColumns(p.columns, schema, [], '');
    const pk = p.primaryKey ?? 'id';
    if (!(pk in p.columns)) at(p.primaryKey ? ['primaryKey'] : ['columns'], `primary key column '${pk}' is not among the columns`);
    for (const required of ['id', 'tenantId']) if (!rootPaths.has(required)) at(['columns'], `no column stores '${required}', which every entity has`);

    (p.children ?? []).forEach((child, i) => {
      claimTable(child.table, ['children', i, 'table']);
      const arraySchema = schemaAt(schema, child.path);
      const itemSchema = arraySchema?.items as JsonSchema | undefined;
      if (!arraySchema || schemaTypeOf(arraySchema) !== 'array' || !itemSchema || schemaTypeOf(itemSchema) !== 'object') {
        at(['children', i, 'path'], `'${child.path}' is not an array of objects in the ${p.service} entity schema`);
        return;
      }
      covered.push(child.path);
      const childPaths = checkColumns(child.columns, itemSchema, ['children', i], child.path);
      const childPk = child.primaryKey ?? 'id';
      if (!(childPk in child.columns)) at(['children', i, 'columns'], `primary key column '${childPk}' is not among the columns`);
      if (child.parentColumn in child.columns) at(['children', i, 'parentColumn'], `parent column '${child.parentColumn}' is filled by the engine and must not also be mapped`);
      if (!childPaths.has('id') && childPk === 'id') at(['children', i, 'columns'], `no column stores the item 'id'`);
      checkRestColumn(child.rest, [...Object.keys(child.columns), child.parentColumn, 'seva_order'], ['children', i, 'rest', 'column'], at);
      const childCovered = [...childPaths.keys()];
      if (child.rest) return;
      for (const leaf of leafPaths(itemSchema)) {
        if (!coveredBy(leaf, childCovered)) at(['children', i, 'columns'], `entity field '${child.path}.${leaf}' is not stored by any column: map it, make a JSON column for its parent, or give this child a rest column`);
      }
      for (const open of openObjects(itemSchema, (f) => coveredBy(f, childCovered))) {
        const what = open.field ? `entity field '${child.path}[].${open.field}'` : `each item of '${child.path}'`;
        problems.push(problemAt(service.source, ['entity', 'schema', ...schemaPathOf(child.path), 'items', ...open.schemaPath], openMessage(what, open.field !== '', p, child)));
      }
    });
    checkRestColumn(p.rest, Object.keys(p.columns), ['rest', 'column'], at);
    if (p.rest) continue;
    for (const leaf of leafPaths(schema)) {
      if (!coveredBy(leaf, covered)) at(['columns'], `entity field '${leaf}' is not stored by any column: map it, make a JSON column for its parent, or give the persister a rest column`);
    }
    // The engine rewrites its own fields whole on every write, so nothing sent there could be lost by the table.
    for (const open of openObjects(schema, (f) => coveredBy(f, [...covered, ...engineWrittenFields]))) {
      const what = open.field ? `entity field '${open.field}'` : `the ${p.service} entity`;
      problems.push(problemAt(service.source, ['entity', 'schema', ...open.schemaPath], openMessage(what, open.field !== '', p)));
    }
  }
  return problems;
}

/**
 * Why an open object loses data and the ways out. `nested`: an object inside the level, which could
 * also be stored whole in a json column.
 */
function openMessage(what: string, nested: boolean, p: PersisterDefinition, child?: ChildTableDefinition): string {
  const ways = [`add additionalProperties: false${nested ? ' to it' : ''}`, ...(nested ? ['store it whole in a json column'] : []), `or give ${child ? `the '${child.path}' child of persister '${p.persister}'` : `persister '${p.persister}'`} a rest column (rest: { column: <name> }) to keep them as JSON`];
  return `${what} admits fields its schema does not declare, and no column of table '${child?.table ?? p.table}' would store them: ${ways.join(', ')}`;
}

function checkRestColumn(rest: { column: string } | undefined, taken: string[], path: (string | number)[], at: (path: (string | number)[], message: string) => void): void {
  if (rest && taken.includes(rest.column)) at(path, `rest column '${rest.column}' is already a column of this table: name it something else`);
}

/** Where a field's schema sits in the entity schema (`a.b` → properties.a.properties.b). */
function schemaPathOf(field: string): string[] {
  return field.split('.').flatMap((key) => ['properties', key]);
}

function isStringField(schema: JsonSchema): boolean {
  const type = schemaTypeOf(schema);
  if (type) return type === 'string';
  return Array.isArray(schema.enum) && schema.enum.every((v) => typeof v === 'string');
}

function coveredBy(leaf: string, paths: string[]): boolean {
  return paths.some((p) => leaf === p || leaf.startsWith(`${p}.`));
}
