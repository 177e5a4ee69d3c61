import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { GatewayDefinition } from '../definitions/index.ts';
import { redirectUrlOf, signCallback, verifyCallback } from './gateway.ts';

const g: GatewayDefinition = {
  gateway: 'T',
  redirectUrl: 'https://pay.invalid/?t={{txnId}}&r={{callbackUrl}}',
  signature: { algorithm: 'sha256', secret: 'secret-123', fields: ['txnId', 'status', 'amount'], param: 'checksum' },
  callback: { txnId: 'txnId', status: 'status', amount: 'amount', statusMap: { SUCCESS: 'SUCCESS' } },
};

describe('gateway signatures', () => {
  it('signs and verifies the configured fields with HMAC', () => {
    const params = { txnId: 'T1', status: 'SUCCESS', amount: '100.00' };
    const expected = createHmac('sha256', 'secret-123').update('T1|SUCCESS|100.00').digest('hex');
    expect(signCallback(g, params)).toBe(expected);
    expect(verifyCallback(g, { ...params, checksum: expected })).toBe(true);
    expect(verifyCallback(g, { ...params, amount: '1000.00', checksum: expected })).toBe(false);
    expect(verifyCallback(g, { ...params, checksum: 'zz' })).toBe(false);
    expect(verifyCallback(g, params)).toBe(false);
  });
  it('fills the redirect URL, encoded', () => {
    expect(redirectUrlOf(g, { txnId: 'A B', callbackUrl: 'https://x/y?z=1' })).toBe('https://pay.invalid/?t=A%20B&r=https%3A%2F%2Fx%2Fy%3Fz%3D1');
  });
});
