import { createHash } from 'node:crypto';
import type { RateLimit, RateLimiter } from '../limits/index.ts';
import type { HttpRequest } from './route.ts';

/** The limits of one kind of call: per account it names, and per client address. */
export interface CallLimit {
  perAccount?: RateLimit;
  perAddress?: RateLimit;
}

/** Rate limits on the calls an attacker repeats (login, OTP send, password reset), by name. */
export class CallLimits {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly limits: Record<string, CallLimit | undefined>,
    private readonly now: () => number,
  ) {}

  /** Counts the call; refuses it with 429 and Retry-After once its account or its address is over the limit. */
  async hit(name: string, req: HttpRequest, account: string | undefined): Promise<void> {
    const limit = this.limits[name];
    if (!limit) return;
    const now = this.now();
    if (limit.perAddress && req.clientAddress) await this.limiter.hit(`${name}:address:${req.clientAddress}`, limit.perAddress, now, `${name} calls from ${req.clientAddress}`);
    if (limit.perAccount && account) await this.limiter.hit(`${name}:account:${accountKey(account)}`, limit.perAccount, now, `${name} calls for ${account.slice(0, MAX_ACCOUNT_KEY)}`);
  }
}

/** Longest account name kept as its own key: the limiter's key is indexed, and a sent name may be any length. */
const MAX_ACCOUNT_KEY = 200;

/** The account as the limiter counts it: case-blind, and a name too long for the index by its digest (still one count per name). */
function accountKey(account: string): string {
  const key = account.toLowerCase();
  return key.length > MAX_ACCOUNT_KEY ? `sha256:${createHash('sha256').update(key).digest('hex')}` : key;
}
