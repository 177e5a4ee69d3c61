#!/usr/bin/env node
// Compiles the CLI and the engine to JavaScript in dist/, so `npm start` and `npm run seva` run on
// plain node, and makes the initialised PGlite directory that new data directories are copied from.
// Run by `npm install` (the `prepare` script) and `npm run build`; `npm start` and `npm run seva`
// run it with --if-stale first, which rebuilds only when a source file changed.
//
//   node cli/build.mjs             build dist/ and make the PGlite template if it is missing
//   node cli/build.mjs --if-stale  build dist/ only if a source file changed since the last build
//
// Plain JavaScript on purpose: it runs before anything is compiled.
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist');
const infoFile = join(out, 'build-info.json');
/** Besides the sources esbuild reads: this script, and what says which packages are installed. */
const alsoInputs = ['cli/build.mjs', 'package.json', 'package-lock.json'];

/** True when dist/ is missing, or older than any file it was built from. */
export function isStale() {
  let info;
  try {
    info = JSON.parse(readFileSync(infoFile, 'utf8'));
  } catch {
    return true;
  }
  for (const file of [...(info.inputs ?? []), ...alsoInputs]) {
    try {
      if (statSync(join(root, file)).mtimeMs > info.builtAt) return true;
    } catch (err) {
      if (err.code === 'ENOENT' && alsoInputs.includes(file)) continue;
      return true; // a source file was removed or renamed
    }
  }
  return false;
}

/** `import('./commands/x.ts')` in cli/seva.ts stays an import, of the command's own bundle. */
const commandsApart = {
  name: 'seva-commands-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/commands\/.*\.ts$/ }, (args) => ({ path: args.path.replace(/\.ts$/, '.js'), external: true }));
  },
};

// Seva's own modules only define things when imported (the one exception, rules.ts registering
// json-logic operations, is imported for what it exports), so a command's bundle may leave out a
// module none of whose exports it uses: `validate` then does not compile the payload schemas of
// the user and billing modules it reaches through a constant. A bare `import './x.ts'` of one of
// them would be dropped: esbuild warns, and the build below fails on that warning.
const sideEffectFree = {
  name: 'seva-side-effect-free',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\/.*\.ts$/ }, async (args) => {
      if (args.pluginData === 'seva-resolving') return undefined;
      const resolved = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: 'seva-resolving' });
      if (resolved.errors.length > 0 || resolved.path.includes('node_modules')) return resolved;
      return { ...resolved, sideEffects: false };
    });
  },
};

export async function buildDist() {
  const started = Date.now();
  // Imported here only: a fresh dist/ never loads the compiler.
  const { build } = await import('esbuild').catch((err) => {
    throw new Error(`cannot compile: esbuild (a devDependency) is not installed (${err.message}); run npm install without --omit=dev`);
  });
  // Built beside and swapped in whole: a failed build leaves the last good one.
  const building = `${out}.${process.pid}.tmp`;
  rmSync(building, { recursive: true, force: true });
  const common = {
    absWorkingDir: root,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Packages are bundled too: one file to load instead of hundreds (date-fns alone is ~300
    // modules). Not PGlite, which finds its WebAssembly next to its own files (and only PGlite
    // users load it), nor what pg loads only when asked to (pg-native).
    external: ['@electric-sql/pglite', '@electric-sql/pglite/*', 'pg-native', 'pdfmake', 'pdfmake/*'],
    // Bundled CommonJS packages call require().
    banner: { js: "import { createRequire as __sevaCreateRequire } from 'node:module'; const require = __sevaCreateRequire(import.meta.url);" },
    // Names this build: what it remembers (checked definitions, in dist/cache/) is its own.
    define: { 'process.env.SEVA_BUILD_ID': JSON.stringify(`${started}-${process.pid}`) },
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
  };
  try {
    // The command line (commander and the list of commands), and one bundle per command, which the
    // command line imports when that command runs: a command loads its own code and nothing else.
    const results = await Promise.all([
      build({ ...common, entryPoints: ['cli/seva.ts'], outdir: building, plugins: [commandsApart, sideEffectFree] }),
      // (and the PGlite template maker, for makePgliteTemplate below)
      build({ ...common, entryPoints: ['cli/commands/*.ts', { in: 'engine/store/pglite.ts', out: 'pglite-template' }], outdir: join(building, 'commands'), plugins: [sideEffectFree] }),
    ]);
    const dropped = results.flatMap((r) => r.warnings).filter((w) => /marked as having no side effects/.test(w.text));
    if (dropped.length > 0) throw new Error(`a bare import of a Seva module would be dropped: ${dropped.map((w) => `${w.location?.file}:${w.location?.line}`).join(', ')}`);
    const inputs = [...new Set(results.flatMap((r) => Object.keys(r.metafile.inputs)))].filter((f) => !f.includes('node_modules/')).sort();
    writeFileSync(join(building, 'build-info.json'), `${JSON.stringify({ builtAt: started, inputs }, null, 1)}\n`);
    rmSync(out, { recursive: true, force: true });
    renameSync(building, out);
    return { ms: Date.now() - started, inputs: inputs.length };
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
}

/** The initialised PGlite directory new data directories are copied from (engine/store/pglite.ts). */
async function makePgliteTemplate() {
  const started = Date.now();
  const { pgliteTemplate } = await import(pathToFileURL(join(out, 'commands', 'pglite-template.js')).href);
  const template = await pgliteTemplate();
  return { ms: Date.now() - started, template };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const ifStale = process.argv.includes('--if-stale');
  if (!ifStale || isStale()) {
    try {
      const { ms, inputs } = await buildDist();
      console.error(`seva: compiled ${inputs} source files to dist/ in ${ms} ms`);
    } catch (err) {
      // Before a start, a dist/ that cannot be rebuilt (no esbuild: installed with --omit=dev)
      // still runs, with a warning; a build that fails on the sources fails.
      if (!(ifStale && existsSync(join(out, 'seva.js')) && /esbuild .* is not installed/.test(err.message))) throw err;
      console.error(`seva: warning: dist/ is older than the sources and ${err.message}`);
    }
  }
  if (!ifStale) {
    const { ms, template } = await makePgliteTemplate();
    if (template) console.error(`seva: PGlite template ready in ${ms} ms (${relative(root, template.dir)})`);
    else console.error('seva: no PGlite template (node_modules/.cache/ not writable?): each new data directory is initialised by PGlite itself');
  }
}
