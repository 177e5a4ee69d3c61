import type { ServiceDefinition } from './types.generated.ts';

export const defaultEndpointPaths = { create: '/_create', update: '/_update', search: '/_search' } as const;

export type EndpointName = keyof typeof defaultEndpointPaths;

/**
 * The POST routes a service serves, one per endpoint and named search, with the roles granted each
 * and where the definition declares it.
 */
export function endpointRoutes(svc: ServiceDefinition): { name: string; at: (string | number)[]; route: string; roles: string[] }[] {
  return [
    ...Object.entries(svc.endpoints).map(([name, endpoint]) => ({
      name,
      at: ['endpoints', name],
      route: `${svc.basePath}${endpoint?.path ?? defaultEndpointPaths[name as EndpointName]}`,
      roles: endpoint?.roles ?? [],
    })),
    ...(svc.searches ?? []).map((named, i) => ({ name: named.path, at: ['searches', i], route: `${svc.basePath}${named.path}`, roles: named.roles })),
  ];
}
