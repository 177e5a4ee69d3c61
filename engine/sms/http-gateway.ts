import type { SMSProviderDefinition } from '../definitions/index.ts';
import { SevaError } from '../errors/index.ts';
import type { SmsMessage, SmsSender } from './message.ts';
import { renderText } from './texts.ts';

/** Reads each declared secret from the environment: a provider missing one cannot start. */
export function secretsOf(def: SMSProviderDefinition, env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(def.secrets ?? {}).map(([name, variable]) => {
      const value = env[variable];
      if (value === undefined || value === '') throw new Error(`SMS provider ${def.provider} needs the environment variable ${variable} (its secret '${name}')`);
      return [name, value];
    }),
  );
}

/**
 * An HTTP SMS gateway as its definition describes it: the URL, method and parameters are Liquid
 * texts over the message and the secrets, so most gateways (MSG91, Kaleyra, NIC's) need no code.
 */
export function httpGatewaySender(def: SMSProviderDefinition, env: Record<string, string | undefined>): SmsSender {
  const secrets = secretsOf(def, env);
  const method = def.method ?? 'POST';
  const encoding = method === 'GET' ? 'query' : (def.encoding ?? 'form');
  const timeoutMs = (def.timeoutSeconds ?? 10) * 1000;
  const fill = (values: Record<string, string> | undefined, vars: Record<string, unknown>) => Object.fromEntries(Object.entries(values ?? {}).map(([k, v]) => [k, renderText(v, vars)]));
  return {
    provider: def.provider,
    send: async (message: SmsMessage) => {
      const vars = {
        recipient: `${def.recipientPrefix ?? ''}${message.recipient}`,
        text: message.text,
        templateId: message.templateId ?? '',
        tenantId: message.tenantId,
        secrets,
      };
      const url = new URL(renderText(def.url!, { ...vars, ...encodedOf(vars) }));
      const params = fill(def.params, vars);
      const headers: Record<string, string> = fill(def.headers, vars);
      let body: string | undefined;
      if (encoding === 'query') for (const [k, v] of Object.entries(params)) url.searchParams.append(k, v);
      else if (encoding === 'form') {
        body = new URLSearchParams(params).toString();
        headers['content-type'] ??= 'application/x-www-form-urlencoded';
      } else {
        body = JSON.stringify(params);
        headers['content-type'] ??= 'application/json';
      }
      let status: number;
      try {
        const res = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(timeoutMs) });
        status = res.status;
        await res.body?.cancel();
      } catch (err) {
        throw new SevaError('internal', 'SMS_SEND_FAILED', `SMS provider ${def.provider} could not be reached: ${(err as Error).message}`, { cause: err });
      }
      if (status < 200 || status >= 300) throw new SevaError('internal', 'SMS_SEND_FAILED', `SMS provider ${def.provider} answered ${status}`);
    },
  };
}

/** Values put into a URL template are URL-encoded there (`{{ text }}` in a query string). */
function encodedOf(vars: { recipient: string; text: string; templateId: string; tenantId: string; secrets: Record<string, string> }) {
  return {
    recipient: encodeURIComponent(vars.recipient),
    text: encodeURIComponent(vars.text),
    templateId: encodeURIComponent(vars.templateId),
    tenantId: encodeURIComponent(vars.tenantId),
    secrets: Object.fromEntries(Object.entries(vars.secrets).map(([k, v]) => [k, encodeURIComponent(v)])),
  };
}
