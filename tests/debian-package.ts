import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Installs a Debian package when the program a test needs from it is missing (a fresh CI machine),
 * as .ci/run does. Returns what went wrong, if anything; the test then fails, naming the program.
 */
export function ensureDebianPackage(pkg: string, program: string): string | undefined {
  if (existsSync(program)) return undefined;
  const apt = (args: string[]) => spawnSync('apt-get', args, { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }, timeout: 900_000 });
  let install = apt(['install', '-y', pkg]);
  // A machine whose package lists were never fetched knows no such package yet.
  if (install.status !== 0) install = apt(['update']).status === 0 ? apt(['install', '-y', pkg]) : install;
  if (existsSync(program)) return undefined;
  return `apt-get install -y ${pkg} did not give ${program}: ${install.error?.message ?? install.stderr?.slice(-500) ?? ''}`;
}
