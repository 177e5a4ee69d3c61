import type { Sourced } from '../../source.ts';
import { rootColumnPaths, type PersisterDefinition } from '../persister/index.ts';
import type { ServiceDefinition } from './types.generated.ts';

/** The fields each service stores in a root column of its own (what records can be found and sorted by). */
export function storedFieldsOf(services: Sourced<ServiceDefinition>[], persisters: Sourced<PersisterDefinition>[]): (service: string) => Set<string> | undefined {
  return (name) => {
    const svc = services.find((s) => s.value.service === name)?.value;
    const p = svc && persisters.find((x) => x.value.persister === svc.persister)?.value;
    return p ? new Set(rootColumnPaths(p).keys()) : undefined;
  };
}
