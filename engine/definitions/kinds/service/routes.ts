import type { ServiceDefinition } from './types.generated.ts';

export const defaultEndpointPaths = { create: '/_create', update: '/_update', search: '/_search' } as const;

export type EndpointName = keyof typeof defaultEndpointPaths;

/** The POST routes a service serves, one per endpoint, with the roles granted each. */
export function endpointRoutes(svc: ServiceDefinition): { name: EndpointName; route: string; roles: string[] }[] {
  return Object.entries(svc.endpoints).map(([name, endpoint]) => ({
    name: name as EndpointName,
    route: `${svc.basePath}${endpoint?.path ?? defaultEndpointPaths[name as EndpointName]}`,
    roles: endpoint?.roles ?? [],
  }));
}
