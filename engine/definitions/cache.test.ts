import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { engineFacts } from '../boot/index.ts';
import { loadDefinitions, loadDefinitionsRemembered, type LoadOptions } from './index.ts';

const options: LoadOptions = engineFacts();
const copyOfShipped = () => {
  const root = join(mkdtempSync(join(tmpdir(), 'seva-defs-cache-')), 'definitions');
  cpSync('definitions', root, { recursive: true });
  return root;
};

describe('definitions remembered by content', () => {
  it('gives what a fresh check gives, Maps and all', () => {
    const root = copyOfShipped();
    const checked = loadDefinitions(root, options);
    loadDefinitionsRemembered(root, options);
    const remembered = loadDefinitionsRemembered(root, options);
    expect(remembered).toEqual(checked);
    expect(remembered.registry!.masters).toBeInstanceOf(Map);
  });

  it('checks again when a file changes, and never remembers a problem', () => {
    const root = copyOfShipped();
    expect(loadDefinitionsRemembered(root, options).problems).toEqual([]);
    const file = join(root, 'services', 'vendor.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('basePath: /vendor/v1', 'basePath: 42'));
    const broken = loadDefinitionsRemembered(root, options);
    expect(broken.registry).toBeUndefined();
    expect(broken.problems.map((p) => p.message).join('\n')).toMatch(/basePath/);
    expect(loadDefinitionsRemembered(root, options).registry).toBeUndefined();
  });

  it("keeps one entry per build on disk, read by the next process of that build only", async () => {
    const root = copyOfShipped();
    const dir = mkdtempSync(join(tmpdir(), 'seva-defs-cache-dir-'));
    loadDefinitionsRemembered(root, options, { dir, version: 'build-1' });
    const [entry] = readdirSync(dir);
    expect(readdirSync(dir)).toEqual([entry]);
    // Mark the remembered copy, so a read of it shows.
    const path = join(dir, entry!);
    writeFileSync(path, readFileSync(path, 'utf8').replace(`"root":${JSON.stringify(root)}`, '"root":"from the cache"'));

    vi.resetModules();
    const nextProcess = await import('./index.ts');
    expect(nextProcess.loadDefinitionsRemembered(root, options, { dir, version: 'build-1' }).registry!.root).toBe('from the cache');
    vi.resetModules();
    const nextBuild = await import('./index.ts');
    expect(nextBuild.loadDefinitionsRemembered(root, options, { dir, version: 'build-2' }).registry!.root).toBe(root);
    expect(readdirSync(dir)).toHaveLength(1);
  });
});
