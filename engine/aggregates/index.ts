export { AggregateRunner, type AggregateDeps } from './runner.ts';
export { childSources, serviceSource, type DataSource } from './source.ts';
