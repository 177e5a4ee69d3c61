export { RateLimiter, type RateLimit } from './limiter.ts';
export { rateWindowTable } from './table.ts';
