import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { SevaError } from '../errors/index.ts';

export interface DirectoryLock {
  release(): void;
}

/** Holds `<dir>/seva.lock` with this process id; a lock left by a dead process is taken over. */
export function acquireDirectoryLock(dir: string): DirectoryLock {
  const path = join(dir, 'seva.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return { release: () => rmSync(path, { force: true }) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(readFileSync(path, 'utf8').trim());
      if (holder && holder !== process.pid && isAlive(holder)) {
        throw new SevaError(
          'conflict',
          'DATA_DIR_LOCKED',
          `the data directory ${dir} is in use by another Seva process (pid ${holder}); stop it first, or set SEVA_DATA_DIR to another directory`,
        );
      }
      if (holder === process.pid) {
        throw new SevaError('conflict', 'DATA_DIR_LOCKED', `the data directory ${dir} is already open in this process`);
      }
      rmSync(path, { force: true });
    }
  }
  throw new SevaError('conflict', 'DATA_DIR_LOCKED', `could not lock the data directory ${dir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
