import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EnvironmentVariables } from '../src/core/config/app-config';

const root = join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The package a module specifier names: `@scope/name` or `name`; undefined for relative and node: imports. */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('node:') || specifier.startsWith('/')) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

describe('project hygiene', () => {
  it('.env.example documents every setting the configuration reads, each with a comment', () => {
    const read = Object.keys(new EnvironmentVariables());
    // Optional settings without a default are not own properties of the instance: take them from the class's validation metadata too.
    const source = readFileSync(join(root, 'src/core/config/app-config.ts'), 'utf8');
    const declared = [...source.matchAll(/^ {2}([A-Z][A-Z0-9_]+)\??(?::[^=;]+)?[=;]/gm)].map((m) => m[1]);
    const settings = [...new Set([...read, ...declared])].sort();
    const lines = readFileSync(join(root, '.env.example'), 'utf8').split('\n');
    const documented = new Map<string, number>();
    lines.forEach((line, i) => {
      const m = /^#?\s*([A-Z][A-Z0-9_]+)=/.exec(line);
      if (m) documented.set(m[1], i);
    });
    expect(settings.length).toBeGreaterThan(30);
    expect(settings.filter((name) => !documented.has(name))).toEqual([]);
    expect([...documented.keys()].filter((name) => !settings.includes(name))).toEqual([]);
    // Each setting sits in a block that starts with a comment saying what it does.
    const uncommented = settings.filter((name) => {
      for (let i = documented.get(name)! - 1; i >= 0; i--) {
        if (lines[i].startsWith('# ')) return false;
        if (lines[i].trim() === '') return true;
      }
      return true;
    });
    expect(uncommented).toEqual([]);
  });

  it('every package the application imports at run time is a dependency, and types and tools are devDependencies', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    const runtime = new Set<string>();
    for (const file of sourceFiles(join(root, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^\s*import\s+(?!type\s)[^;]*?from\s+'([^']+)'|^\s*import\s+'([^']+)'|require\('([^']+)'\)/gm)) {
        const name = packageOf(m[1] ?? m[2] ?? m[3]);
        if (name) runtime.add(name);
      }
    }
    expect(runtime.has('typeorm')).toBe(true);
    expect([...runtime].filter((name) => !(name in pkg.dependencies)).sort()).toEqual([]);
    expect(Object.keys(pkg.dependencies).filter((name) => name.startsWith('@types/') || name in pkg.devDependencies)).toEqual([]);
  });
});
