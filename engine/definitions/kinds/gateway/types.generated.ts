// Generated from ./schema.ts by `npm run schemas`: edit the schema, not this file.

/**
 * An online payment gateway (DIGIT pg-service): where to send the payer, and how to read and verify its callback.
 */
export interface GatewayDefinition {
  /**
   * Name clients pass as Transaction.gateway.
   */
  gateway: string;
  description?: string;
  enabled?: boolean;
  /**
   * Where the payer is sent; {{txnId}}, {{txnAmount}}, {{callbackUrl}}, {{consumerCode}}, {{tenantId}} are filled in (URL-encoded).
   */
  redirectUrl: string;
  /**
   * HMAC over the callback's fields, joined in order by the separator, as lowercase hex.
   */
  signature: {
    algorithm: 'sha256' | 'sha512';
    /**
     * The shared secret (only for test gateways: use secretEnv otherwise).
     */
    secret?: string;
    /**
     * Environment variable holding the shared secret.
     */
    secretEnv?: string;
    /**
     * Callback parameters signed, in order.
     */
    fields: string[];
    /**
     * Default |
     */
    separator?: string;
    /**
     * Callback parameter carrying the signature.
     */
    param: string;
  };
  /**
   * Which callback parameter holds what.
   */
  callback: {
    txnId: string;
    status: string;
    amount: string;
    gatewayTxnId?: string;
    /**
     * Gateway status → Seva's.
     */
    statusMap: {
      [k: string]: 'SUCCESS' | 'FAILURE' | 'PENDING';
    };
  };
}
