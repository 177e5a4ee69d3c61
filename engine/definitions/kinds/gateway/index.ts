import { valuesOf, type Kind } from '../../kind.ts';
import { checkGateways } from './check.ts';
import { gatewaySchema } from './schema.ts';
import type { GatewayDefinition } from './types.generated.ts';

export type * from './types.generated.ts';

/** An online payment gateway: redirect, signature scheme and callback mapping. */
export const gatewayKind: Kind<'gateways', GatewayDefinition, GatewayDefinition[]> = {
  name: 'gateway',
  folder: 'gateways',
  plural: 'payment gateways',
  schema: gatewaySchema,
  key: 'gateways',
  check: (files) => ({ value: valuesOf(files), problems: checkGateways(files) }),
  count: (gateways) => `${gateways.length} payment gateway(s)`,
};
