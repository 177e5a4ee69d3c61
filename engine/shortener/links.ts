import { randomBytes } from 'node:crypto';
import { invalid, notFound, SevaError } from '../errors/index.ts';
import { findRecord, insertRecord } from '../persister/index.ts';
import type { Db } from '../store/index.ts';
import { tenantChain } from '../tenancy/index.ts';
import { shortLinkTable } from './table.ts';

const DAY = 86_400_000;

export interface LinkValidity {
  defaultDays: number;
  maxDays: number;
}

/** How long links live, for every tenant and for some tenants their own (the nearest wins). */
export interface ShortenerPolicy {
  validity: LinkValidity;
  byTenant?: Record<string, LinkValidity>;
}

/** Without a policy: links live 30 days, at most a year. */
export const DEFAULT_SHORTENER_POLICY: ShortenerPolicy = { validity: { defaultDays: 30, maxDays: 365 } };

export interface ShortenRequest {
  url?: unknown;
  tenantId?: unknown;
  validFrom?: unknown;
  validTill?: unknown;
}

// Letters and digits without look-alikes; 10 of them give ~2^58 links, too many to guess one.
const ALPHABET = '23456789abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ';
const newId = () => [...randomBytes(10)].map((b) => ALPHABET[b % ALPHABET.length]).join('');

function validityAt(policy: ShortenerPolicy, tenantId: string): LinkValidity {
  for (const tenant of tenantChain(tenantId)) {
    const own = policy.byTenant?.[tenant];
    if (own) return own;
  }
  return policy.validity;
}

function epochOf(value: unknown, path: string): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) throw invalid('INVALID_DATE', `${path} must be a time in epoch milliseconds`, path);
  return n;
}

/** The long URL a link may stand for: an absolute http(s) URL, not too long to keep. */
function longUrlOf(value: unknown): URL {
  if (typeof value !== 'string' || value === '') throw invalid('REQUIRED_FIELD_MISSING', '$.url is required: the URL to shorten', '$.url');
  if (value.length > 4096) throw invalid('INVALID_URL', '$.url is longer than 4096 characters', '$.url');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid('INVALID_URL', '$.url must be an absolute URL (https://...)', '$.url');
  }
  // A link is opened by anyone who receives it: only web pages, never script or data URLs.
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalid('INVALID_URL', `$.url must be an http or https URL, not ${url.protocol}`, '$.url');
  return url;
}

/**
 * Stores a short link for a long URL. Its tenant is the request's, else the long URL's `tenantId`
 * parameter, else `fallbackTenant`; it lives until `validTill` (at most the tenant's maximum) or
 * for the tenant's default.
 */
export async function shorten(db: Db, request: ShortenRequest, policy: ShortenerPolicy, options: { now: number; actor: string; fallbackTenant: string; tenantExists: (t: string) => boolean }): Promise<string> {
  const url = longUrlOf(request.url);
  const named = typeof request.tenantId === 'string' && request.tenantId !== '' ? request.tenantId : (url.searchParams.get('tenantId') ?? undefined);
  const tenantId = named && options.tenantExists(named) ? named : options.fallbackTenant;
  const { defaultDays, maxDays } = validityAt(policy, tenantId);
  const validFrom = epochOf(request.validFrom, '$.validFrom') ?? options.now;
  const asked = epochOf(request.validTill, '$.validTill');
  if (asked !== undefined && asked <= validFrom) throw invalid('INVALID_DATE', '$.validTill must be after validFrom', '$.validTill');
  const validTill = Math.min(asked ?? options.now + defaultDays * DAY, options.now + maxDays * DAY);
  const id = newId();
  await insertRecord(db, shortLinkTable, { id, tenantId, url: url.toString(), validFrom, validTill, createdBy: options.actor, createdTime: options.now });
  return id;
}

/** The long URL a short link stands for now; a link not yet valid or expired is refused. */
export async function resolveLink(db: Db, id: string, now: number): Promise<string> {
  const link = id.length <= 64 ? await findRecord(db, shortLinkTable, { id }) : undefined;
  if (!link) throw notFound('LINK_NOT_FOUND', `no short link ${id.slice(0, 64)}`);
  if (now < link.validFrom) throw notFound('LINK_NOT_YET_VALID', `the short link ${id} works from ${new Date(link.validFrom).toISOString()}`);
  if (now >= link.validTill) throw new SevaError('gone', 'LINK_EXPIRED', `the short link ${id} expired at ${new Date(link.validTill).toISOString()}`);
  return link.url;
}
