import { engineWrittenFields, leafPaths, openObjects, schemaAt, schemaTypeOf, withStandardFields } from '../../entity-schema.ts';
import type { JsonSchema } from '../../kind.ts';
import type { DefinitionProblem } from '../../problem.ts';
import { problemAt, type Sourced } from '../../source.ts';
import type { ServiceDefinition } from '../service/index.ts';
import { columnOf } from './columns.ts';
import type { ChildTableDefinition, ColumnDefinition, ColumnType, PersisterDefinition } from './types.generated.ts';

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
      // By default items are keyed by their `id`; a child that names its key column may store another field there (DIGIT's ownerInfoUuid).
      if (!child.primaryKey && !childPaths.has('id')) at(['children', i, 'columns'], `no column stores the item 'id'`);
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

function coveredBy(leaf: string, paths: string[]): boolean {
  return paths.some((p) => leaf === p || leaf.startsWith(`${p}.`));
}
