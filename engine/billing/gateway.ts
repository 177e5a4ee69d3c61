import { createHmac, timingSafeEqual } from 'node:crypto';
import type { GatewayDefinition } from '../definitions/index.ts';
import { invalid } from '../errors/index.ts';

/** The gateway's shared secret, from the definition or the environment it names. */
export function secretOf(g: GatewayDefinition): string {
  const secret = g.signature.secret ?? (g.signature.secretEnv ? process.env[g.signature.secretEnv] : undefined);
  if (!secret) throw invalid('GATEWAY_NOT_CONFIGURED', `gateway ${g.gateway} has no secret: set ${g.signature.secretEnv}`);
  return secret;
}

/** The signature of a callback: HMAC over the signed fields, in order, joined by the separator. */
export function signCallback(g: GatewayDefinition, params: Record<string, string>): string {
  const payload = g.signature.fields.map((f) => params[f] ?? '').join(g.signature.separator ?? '|');
  return createHmac(g.signature.algorithm, secretOf(g)).update(payload).digest('hex');
}

export function verifyCallback(g: GatewayDefinition, params: Record<string, string>): boolean {
  const sent = params[g.signature.param];
  if (typeof sent !== 'string' || !/^[0-9a-f]+$/i.test(sent)) return false;
  const expected = Buffer.from(signCallback(g, params), 'hex');
  const given = Buffer.from(sent.toLowerCase(), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The gateway's redirect URL with the transaction's values filled in. */
export function redirectUrlOf(g: GatewayDefinition, values: Record<string, string>): string {
  return g.redirectUrl.replace(/\{\{(\w+)\}\}/g, (_m, key: string) => encodeURIComponent(values[key] ?? ''));
}
