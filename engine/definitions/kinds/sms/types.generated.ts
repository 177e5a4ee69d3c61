// Generated from ./schema.ts by `npm run schemas`: edit the schema, not this file.

/**
 * Where text messages go. `outbox` (the default when no provider is enabled) keeps them in a table an admin reads at /seva/sms/v1/_search, for development and trials; `http` calls an SMS gateway. At most one provider is enabled.
 */
export interface SMSProviderDefinition {
  /**
   * Name of the provider, e.g. DEV_OUTBOX or MSG91.
   */
  provider: string;
  description?: string;
  type: 'outbox' | 'http';
  /**
   * The provider messages go to (one at most; none: the development outbox).
   */
  enabled?: boolean;
  /**
   * The gateway URL (http). Liquid: {{ recipient }}, {{ text }}, {{ templateId }}, {{ tenantId }}, {{ secrets.<name> }} (URL-encoded).
   */
  url?: string;
  /**
   * Default POST.
   */
  method?: 'GET' | 'POST';
  /**
   * How params travel: in the query string (always so for GET), a form body, or a JSON body. Default form.
   */
  encoding?: 'query' | 'form' | 'json';
  /**
   * Parameter name → Liquid text over the message ({{ recipient }}, {{ text }}, {{ templateId }}, {{ tenantId }}) and the secrets ({{ secrets.user }}).
   */
  params?: {
    [k: string]: string;
  };
  /**
   * Header name → Liquid text, as params.
   */
  headers?: {
    [k: string]: string;
  };
  /**
   * Secret name → the environment variable holding it; read at start, never written in YAML.
   */
  secrets?: {
    [k: string]: string;
  };
  /**
   * Put before a 10-digit mobile number (e.g. 91), as the gateway wants it.
   */
  recipientPrefix?: string;
  /**
   * Default 10.
   */
  timeoutSeconds?: number;
}
