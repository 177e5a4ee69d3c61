import { ensureDebianPackage } from './debian-package.ts';

/** The headless browser the docs page test drives: Debian's chromium package. */
export const CHROMIUM = process.env.SEVA_CHROMIUM ?? '/usr/bin/chromium';

/** Installs Debian's chromium when it is missing; returns what went wrong, if anything. */
export function ensureChromium(): string | undefined {
  return ensureDebianPackage('chromium', CHROMIUM);
}
