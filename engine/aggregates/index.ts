export { AggregateRunner, type AggregateDeps } from './runner.ts';
export { serviceSource, type DataSource } from './source.ts';
