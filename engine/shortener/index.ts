export { DEFAULT_SHORTENER_POLICY, resolveLink, shorten, type LinkValidity, type ShortenerPolicy, type ShortenRequest } from './links.ts';
export { shortLinkTable } from './table.ts';
