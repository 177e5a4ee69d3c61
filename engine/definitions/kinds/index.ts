import type { JsonSchema } from '../types.ts';
import { accessSchema } from './access.ts';
import { masterDataSchema, masterSchemaSchema } from './mdms.ts';
import { persisterSchema } from './persister.ts';
import { serviceSchema } from './service.ts';
import { jobSchema } from './job.ts';
import { workflowSchema } from './workflow.ts';
import { gatewaySchema } from './gateway.ts';
import { ruleSetSchema } from './rule-set.ts';
import { batchSchema } from './batch.ts';
import { adjustmentSchema } from './adjustment.ts';
import { summarySchema } from './summary.ts';
import { aggregateSchema } from './aggregate.ts';

export type KindName = 'service' | 'persister' | 'mdms-schema' | 'mdms-data' | 'access' | 'workflow' | 'job' | 'gateway' | 'rule-set' | 'batch' | 'adjustment' | 'summary' | 'aggregate';

export interface Kind {
  name: KindName;
  /** Folder under the definitions root, relative, with `/` separators. */
  folder: string;
  schema: JsonSchema;
}

/** Which folder holds which kind. The most specific folder wins. */
export const kinds: Kind[] = [
  { name: 'service', folder: 'services', schema: serviceSchema },
  { name: 'persister', folder: 'persister', schema: persisterSchema },
  { name: 'mdms-schema', folder: 'mdms/schemas', schema: masterSchemaSchema },
  { name: 'mdms-data', folder: 'mdms/data', schema: masterDataSchema },
  { name: 'access', folder: 'access', schema: accessSchema },
  { name: 'workflow', folder: 'workflows', schema: workflowSchema },
  { name: 'job', folder: 'jobs', schema: jobSchema },
  { name: 'gateway', folder: 'gateways', schema: gatewaySchema },
  { name: 'rule-set', folder: 'rules', schema: ruleSetSchema },
  { name: 'batch', folder: 'batches', schema: batchSchema },
  { name: 'adjustment', folder: 'adjustments', schema: adjustmentSchema },
  { name: 'summary', folder: 'summaries', schema: summarySchema },
  { name: 'aggregate', folder: 'aggregates', schema: aggregateSchema },
];

/** Folders of the layout whose kinds later versions of the engine read; files there are refused for now. */
export const reservedFolders = ['indexer', 'pdf'];

export function kindOfPath(relativePath: string): Kind | undefined {
  const matches = kinds.filter((k) => relativePath.startsWith(`${k.folder}/`));
  return matches.sort((a, b) => b.folder.length - a.folder.length)[0];
}

/** File names of the JSON Schemas written to `schemas/`, one per kind. */
export function schemaFileName(kind: Kind): string {
  return `${kind.name}.schema.json`;
}
