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
    if (limit.perAccount && account) await this.limiter.hit(`${name}:account:${account.toLowerCase()}`, limit.perAccount, now, `${name} calls for ${account}`);
  }
}
