import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PGlite, PGliteOptions } from '@electric-sql/pglite';

// What makes opening PGlite fast: its WebAssembly compiled while the definitions are checked, and
// a new data directory copied from one PGlite initialised once (initdb takes seconds; a copy, well
// under one). The template is kept per PGlite version in node_modules/.cache/seva/, made by the
// build (`npm install`) or else by the first new directory; when it cannot be made or read,
// PGlite initialises the directory itself, as it always did.

const requireHere = createRequire(import.meta.url);

interface PgliteInstall {
  /** The package's dist/ directory, where pglite.wasm is. */
  dist: string;
  version: string;
  /** node_modules/.cache/seva/pglite-<version> */
  templateRoot: string;
}

let install: PgliteInstall | null | undefined;

function pgliteInstall(): PgliteInstall | null {
  if (install !== undefined) return install;
  try {
    const dist = dirname(requireHere.resolve('@electric-sql/pglite'));
    const packageDir = dirname(dist);
    const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string };
    const at = packageDir.lastIndexOf('node_modules');
    install = at < 0 ? null : { dist, version, templateRoot: join(packageDir.slice(0, at), 'node_modules', '.cache', 'seva', `pglite-${version}`) };
  } catch {
    install = null;
  }
  return install;
}

let wasm: Promise<WebAssembly.Module | undefined> | undefined;
let pgliteModule: Promise<typeof import('@electric-sql/pglite')> | undefined;

/**
 * Starts loading PGlite and compiling its WebAssembly. The compile runs on V8's background threads,
 * so whatever the caller does next (checking the definitions) overlaps it.
 */
export function warmUpPglite(): void {
  pgliteModule ??= import('@electric-sql/pglite');
  pgliteModule.catch(() => undefined);
  if (!wasm) {
    const files = pgliteInstall();
    try {
      // Read at once (not on a later turn of the event loop) so the compile starts now.
      wasm = files ? WebAssembly.compile(readFileSync(join(files.dist, 'pglite.wasm'))).catch(() => undefined) : Promise.resolve(undefined);
    } catch {
      wasm = Promise.resolve(undefined);
    }
  }
}

/** PGlite on `dataDir` (`undefined`: in memory), started from the template when the directory is new. */
export async function createPglite(dataDir: string | undefined): Promise<PGlite> {
  warmUpPglite();
  const { PGlite } = await pgliteModule!;
  const options: PGliteOptions = {};
  const module = await wasm;
  if (module) options.pgliteWasmModule = module;
  const template = await pgliteTemplate();
  if (dataDir === undefined) {
    if (template) options.loadDataDir = new Blob([readFileSync(template.tar)]);
    return new PGlite(options);
  }
  if (template && isEmptyOrMissing(dataDir)) cloneTemplate(template.dir, dataDir);
  return new PGlite(dataDir, options);
}

function isEmptyOrMissing(dir: string): boolean {
  try {
    return readdirSync(dir).length === 0;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

function cloneTemplate(template: string, dataDir: string): void {
  // Copied beside and renamed, so a copy cut short never looks like a data directory.
  const partial = `${dataDir}.partial`;
  try {
    rmSync(partial, { recursive: true, force: true });
    cpSync(template, partial, { recursive: true });
    rmSync(dataDir, { recursive: true, force: true }); // empty (checked), or not there
    renameSync(partial, dataDir);
  } catch {
    rmSync(partial, { recursive: true, force: true });
  }
}

/**
 * The initialised data directory (and the same as a tarball, for databases in memory) of this
 * PGlite version; made now if it is missing. Undefined when it cannot be had.
 */
export async function pgliteTemplate(options: { create?: boolean } = {}): Promise<{ dir: string; tar: string } | undefined> {
  const files = pgliteInstall();
  if (!files) return undefined;
  const template = { dir: join(files.templateRoot, 'pgdata'), tar: join(files.templateRoot, 'pgdata.tar') };
  const complete = () => existsSync(join(template.dir, 'PG_VERSION')) && existsSync(template.tar);
  if (complete()) return template;
  if (options.create === false) return undefined;
  // Several processes may make it at once (test workers): each in a directory of its own, and the
  // first rename wins.
  const building = `${files.templateRoot}.${process.pid}.${Date.now()}`;
  let pg: PGlite | undefined;
  try {
    mkdirSync(building, { recursive: true });
    warmUpPglite();
    const { PGlite } = await pgliteModule!;
    const module = await wasm;
    pg = new PGlite(join(building, 'pgdata'), module ? { pgliteWasmModule: module } : {});
    await pg.waitReady;
    const tar = await pg.dumpDataDir('none');
    writeFileSync(join(building, 'pgdata.tar'), Buffer.from(await tar.arrayBuffer()));
    await pg.close();
    pg = undefined;
    if (!complete()) rmSync(files.templateRoot, { recursive: true, force: true }); // left incomplete by hand
    try {
      renameSync(building, files.templateRoot);
    } catch {
      // Another process was first.
    }
  } catch {
    // No template (a read-only node_modules, say): PGlite initialises each directory itself.
    await pg?.close().catch(() => undefined);
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
  return complete() ? template : undefined;
}
