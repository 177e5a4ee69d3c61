export { loadDefinitions, type LoadOptions, type LoadResult } from './load.ts';
export { formatProblem, type DefinitionProblem } from './problem.ts';
export type { Registry } from './registry.ts';
export type { EndpointGrant } from './check-access.ts';
export { kinds, schemaFileName } from './kinds/index.ts';
export { columnOf, defaultEndpointPaths } from './check-services.ts';
export { schemaAt, withStandardFields } from './entity-schema.ts';
export type * from './types.ts';
export { AGGREGATE_OPERATIONS } from './check-aggregates.ts';
