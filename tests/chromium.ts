import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** The headless browser the docs page test drives: Debian's chromium package. */
export const CHROMIUM = process.env.SEVA_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Installs Debian's chromium when it is missing (a fresh CI machine), as .ci/run does. Returns what
 * went wrong, if anything; the docs page test then fails, naming the missing browser.
 */
export function ensureChromium(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  const apt = (args: string[]) => spawnSync('apt-get', args, { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeout: 900_000 });
  let install = apt(['install', '-y', 'chromium']);
  // A machine whose package lists were never fetched knows no chromium yet.
  if (install.status !== 0) install = apt(['update']).status === 0 ? apt(['install', '-y', 'chromium']) : install;
  if (existsSync(CHROMIUM)) return undefined;
  return `apt-get install -y chromium did not give ${CHROMIUM}: ${install.error?.message ?? install.stderr?.slice(-500) ?? ''}`;
}
