import type { MasterData } from '../mdms/index.ts';
import type { EndpointGrant } from './check-access.ts';
import type { AggregateDefinition, AdjustmentDefinition, SummaryDefinition, BatchDefinition, GatewayDefinition, JobDefinition, MasterSchemaDefinition, PersisterDefinition, RuleSetDefinition, ServiceDefinition, WorkflowDefinition } from './types.ts';

/** Everything the definitions say, checked and ready for the engine to compile. */
export interface Registry {
  root: string;
  services: ServiceDefinition[];
  persisters: PersisterDefinition[];
  masters: MasterData;
  masterSchemas: Map<string, MasterSchemaDefinition>;
  /** Grants of the engine's own endpoints, by endpoint id. */
  access: Map<string, EndpointGrant>;
  workflows: WorkflowDefinition[];
  jobs: JobDefinition[];
  gateways: GatewayDefinition[];
  ruleSets: RuleSetDefinition[];
  batches: BatchDefinition[];
  adjustments: AdjustmentDefinition[];
  summaries: SummaryDefinition[];
  aggregates: AggregateDefinition[];
}
