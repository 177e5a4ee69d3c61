import type { DefinitionProblem } from '../../problem.ts';
import { problemAt, type Sourced } from '../../source.ts';
import type { GatewayDefinition } from './types.generated.ts';

/** Each gateway once; its signature covers the transaction id, status and amount, so a callback cannot be replayed or altered. */
export function checkGateways(gateways: Sourced<GatewayDefinition>[]): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const seen = new Map<string, string>();
  for (const { value, source } of gateways) {
    if (seen.has(value.gateway)) problems.push(problemAt(source, ['gateway'], `gateway '${value.gateway}' is already defined in ${seen.get(value.gateway)}`));
    seen.set(value.gateway, source.file);
    if (!(value.callback.txnId === value.signature.param || value.signature.fields.includes(value.callback.txnId))) {
      problems.push(problemAt(source, ['signature', 'fields'], `the signed fields must include the transaction id parameter '${value.callback.txnId}', or a callback could be replayed for another transaction`));
    }
    for (const key of ['status', 'amount'] as const) {
      if (!value.signature.fields.includes(value.callback[key])) problems.push(problemAt(source, ['signature', 'fields'], `the signed fields must include the ${key} parameter '${value.callback[key]}'`));
    }
  }
  return problems;
}
