import { schemaAt, withStandardFields, type JsonSchema, type NamedSearchDefinition, type SearchCountsDefinition, type SearchCriterion, type ServiceDefinition } from '../../definitions/index.ts';
import { answer, criteria, envelope, listCriterion, listOf, pageParams, ref, type RouteDoc } from '../openapi/route-doc.ts';

/** `street-light` → `StreetLight`: the entity's schema name in the contract. */
export const entitySchemaName = (def: ServiceDefinition) => def.service.replace(/(^|-)([a-z0-9])/g, (_m, _dash: string, c: string) => c.toUpperCase());

const processInstance: JsonSchema = {
  type: ['object', 'null'],
  description:
    "DIGIT's ProcessInstance. In a request, the workflow action to take with the write ({action, comment, documents, assignes}); in the answer to a _create or _update, the step taken.",
};

/** The entity as the service's schema has it, with the fields the engine adds (and the workflow object, when it follows one). */
function entitySchema(def: ServiceDefinition): JsonSchema {
  const schema = withStandardFields(def.entity.schema);
  if (!def.workflow) return schema;
  return { ...schema, properties: { ...(schema.properties as Record<string, JsonSchema>), processInstance, workflow: { ...processInstance, description: 'Another name DIGIT clients use for processInstance.' } } };
}

/** A criterion's value as a client may send it: text from a query string, or a JSON value. */
function criterionValue(field: JsonSchema | undefined): JsonSchema {
  const type = Array.isArray(field?.type) ? (field!.type as string[]).find((t) => t !== 'null') : (field?.type as string | undefined);
  if (type === 'integer' || type === 'number') return { anyOf: [{ type }, { type: 'string', pattern: '^-?[0-9]+(\\.[0-9]+)?$' }] };
  if (type === 'boolean') return { anyOf: [{ type: 'boolean' }, { enum: ['true', 'false'] }] };
  return field?.enum ? { enum: field.enum } : { type: 'string' };
}

const MATCH_WORDS: Record<string, string> = {
  settled: 'is settled (zero, negative or none) when true, owing when false:',
  exact: 'equals',
  in: 'is one of (a list, or comma-separated)',
  prefix: 'starts with (any case)',
  contains: 'contains (any case)',
  from: 'is at least',
  to: 'is at most',
};

/** A search's criteria from the definition: each named criterion, paging and sorting. */
function searchCriteria(def: ServiceDefinition, entity: JsonSchema, view: { criteria: Record<string, SearchCriterion>; defaultLimit?: number; maxLimit?: number; required?: string[]; counts?: boolean } = { criteria: def.search.criteria, counts: true }): Pick<RouteDoc, 'body' | 'query'> {
  const props: Record<string, JsonSchema> = { tenantId: { type: 'string', description: "The tenant searched (a state's search covers its GPs)." } };
  for (const [name, c] of Object.entries(view.criteria)) {
    const value = c.match === 'settled' ? criterionValue({ type: 'boolean' }) : criterionValue(schemaAt(entity, c.field));
    const fields = [c.field, ...(c.orFields ?? [])].join(' or ');
    const words = `${fields} ${MATCH_WORDS[c.match] ?? c.match}${c.caseInsensitive ? ' (any case)' : ''} this value.`;
    props[name] = { ...(c.match === 'in' ? listCriterion(value) : value), description: `Records whose ${words}` };
  }
  const maxLimit = view.maxLimit ?? def.search.maxLimit ?? 100;
  Object.assign(props, pageParams({ defaultLimit: view.defaultLimit ?? def.search.defaultLimit ?? Math.min(10, maxLimit), maxLimit, allLimit: def.search.allLimit }));
  const sort = def.search.sort;
  if (sort) {
    const names = Object.keys(sort.fields);
    props.sortBy = sort.ignoreCase ? { type: 'string', description: `Sort on one of ${names.join(', ')}, in any case (default ${sort.default}).` } : { enum: names, description: `Sort on (default ${sort.default}).` };
    props.sortOrder = { enum: ['asc', 'desc', 'ASC', 'DESC'], description: `Default ${sort.order ?? 'asc'}.` };
  }
  for (const counts of view.counts ? (def.search.counts ?? []) : []) props[counts.when] = { anyOf: [{ type: 'boolean' }, { enum: ['true', 'false'] }], description: `true: also answer the counts under ${counts.key}.` };
  const both = criteria(props, ['tenantId', ...(view.required ?? [])]);
  // DIGIT clients also wrap the criteria in a `criteria` object.
  const body = both.body!;
  return { query: both.query, body: { ...body, properties: { ...(body.properties as Record<string, JsonSchema>), criteria: { type: 'object', properties: props, description: 'The same criteria, wrapped.' } } } };
}

/** A counts object: by named lists of values, by whether settled, or one per value found (groupBy). */
function countsSchema(c: SearchCountsDefinition): JsonSchema {
  const count = { type: c.valueType === 'string' ? 'string' : 'integer' };
  const named = Object.keys({ ...(c.values ?? {}), ...(c.settled ?? {}) });
  return {
    type: 'object',
    description: `Counts of the matches by ${c.field}, when ${c.when}=true.`,
    ...(c.groupBy ? { additionalProperties: count } : { properties: Object.fromEntries(named.map((k) => [k, count])), required: named }),
  };
}

/** The contract of a service's create, update and search, from its definition. */
export function serviceDocs(def: ServiceDefinition): Record<'create' | 'update' | 'search', RouteDoc> {
  const name = entitySchemaName(def);
  const entity = entitySchema(def);
  const schemas = { [name]: entity };
  const { requestKey, responseKey } = def.entity;
  const what = def.description ? ` ${def.description}` : '';
  const write = (verb: string, extra: string, text?: string): RouteDoc => ({
    summary: `${verb} ${def.service} records`,
    description: `${verb} one ${def.service} (an object under ${requestKey}) or several (a list); all are written in one transaction, or none.${what} ${extra}`.trim(),
    body: envelope({ [requestKey]: { anyOf: [ref(name), listOf(ref(name))] } }, [requestKey]),
    // A write declared to answer plain text (DIGIT's bare sentence) says so.
    ...(text === undefined ? { response: answer({ [responseKey]: listOf(ref(name)) }) } : { response: { type: 'string', const: text }, responseType: 'text/plain' }),
    schemas,
  });
  const totalKey = def.search.totalCountKey ?? 'totalCount';
  const counts = def.search.counts ?? [];
  return {
    create: write('Create', 'id, tenant-scoped IDs and auditDetails are set by the server.', def.endpoints.create?.answer?.text),
    update: write('Update', 'Send auditDetails.lastModifiedTime as read: if the record changed since, the answer is 409 STALE_RECORD and nothing is written.', def.endpoints.update?.answer?.text),
    search: {
      summary: `Search ${def.service} records`,
      description: `Criteria come in the query string, the body, or a criteria object in the body.${what}`,
      ...searchCriteria(def, entity),
      response: answer(
        {
          [responseKey]: listOf(ref(name)),
          [totalKey]: { type: 'integer', description: 'How many records match, over all pages.' },
          Pagination: ref('Pagination'),
          ...Object.fromEntries(counts.map((c) => [c.key, countsSchema(c)])),
        },
        counts.map((c) => c.key),
      ),
      schemas,
    },
  };
}

/** The contract of a named search: its own criteria (and those it uses), required ones, its keys. */
export function namedSearchDoc(def: ServiceDefinition, named: NamedSearchDefinition): RouteDoc {
  const name = entitySchemaName(def);
  const entity = entitySchema(def);
  const used = Object.fromEntries((named.use ?? []).map((c) => [c, def.search.criteria[c]!]));
  const conditions = Object.entries(named.filters ?? {}).map(([field, value]) => `${field} ${value === null ? 'is none' : `is ${String(value)}`}`);
  const notes = [
    named.description,
    named.requireAny ? `At least one of ${named.requireAny.join(', ')} is required.` : undefined,
    conditions.length > 0 ? `Only records whose ${conditions.join(', ')}.` : undefined,
    'Criteria come in the query string, the body, or a criteria object in the body.',
  ];
  const responseKey = named.responseKey ?? def.entity.responseKey;
  const totalKey = named.totalCountKey ?? def.search.totalCountKey ?? 'totalCount';
  const also = Object.fromEntries(Object.entries(named.also ?? {}).map(([key, value]) => [key, { const: value, description: 'Always this value.' }]));
  return {
    summary: `Search ${def.service} records (${named.path})`,
    description: notes.filter(Boolean).join(' '),
    ...searchCriteria(def, entity, { criteria: { ...used, ...(named.criteria ?? {}) }, defaultLimit: named.defaultLimit, maxLimit: named.maxLimit, required: named.require }),
    response: answer({ ...also, [responseKey]: listOf(ref(name)), [totalKey]: { type: 'integer', description: 'How many records match, over all pages.' }, Pagination: ref('Pagination') }),
    schemas: { [name]: entity },
  };
}
