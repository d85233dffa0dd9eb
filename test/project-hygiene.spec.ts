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

/**
 * End of life of each Node.js major that may be named here (https://github.com/nodejs/release#release-schedule).
 * Odd majors are never LTS. A major missing from this table fails the test: add it with its date.
 */
const NODE_LTS_END_OF_LIFE: Record<number, string> = { 18: '2025-04-30', 20: '2026-04-30', 22: '2027-04-30', 24: '2028-04-30' };

/** Whether a version satisfies an `engines` range written as `^X.Y.Z` / `>=X.Y.Z` alternatives joined by `||`. */
function satisfies(version: string, range: string): boolean {
  const parse = (v: string): number[] => v.replace(/^v/, '').split('.').map(Number);
  const compare = (a: number[], b: number[]): number => a[0] - b[0] || (a[1] ?? 0) - (b[1] ?? 0) || (a[2] ?? 0) - (b[2] ?? 0);
  const v = parse(version);
  return range.split('||').some((alternative) => {
    const m = /^\s*(\^|>=)\s*(\d+(?:\.\d+){0,2})\s*$/.exec(alternative);
    if (!m) throw new Error(`engines alternative not understood by this test: "${alternative}"`);
    const floor = parse(m[2]);
    return compare(v, floor) >= 0 && (m[1] === '>=' || v[0] === floor[0]);
  });
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

  it('the Docker image runs a supported Node.js LTS in both stages, and engines admits it and the Node the tests run on', () => {
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    const from = [...dockerfile.matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1]);
    expect(from.length).toBe(2);
    const majors = from.map((image) => {
      const m = /^node:(\d+)(?:[.-]|$)/.exec(image);
      if (!m) throw new Error(`FROM ${image}: not an official node image with its major version`);
      return Number(m[1]);
    });
    expect(new Set(majors).size).toBe(1);
    const major = majors[0];
    expect(major % 2).toBe(0);
    expect(NODE_LTS_END_OF_LIFE[major]).toBeDefined();
    // No end-of-life major: the image must be updated before the date, not after.
    expect(new Date(`${NODE_LTS_END_OF_LIFE[major]}T00:00:00Z`).getTime()).toBeGreaterThan(Date.now());
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(satisfies(`${major}.99.0`, pkg.engines.node)).toBe(true);
    expect(satisfies(process.version, pkg.engines.node)).toBe(true);
  });

  it('bench/ stays out of the production build and the image; the benches build with their own tsconfig', () => {
    const build = JSON.parse(readFileSync(join(root, 'tsconfig.build.json'), 'utf8')) as { include: string[] };
    expect(build.include.sort()).toEqual(['migrations', 'src']);
    const bench = JSON.parse(readFileSync(join(root, 'tsconfig.bench.json'), 'utf8')) as { include: string[] };
    expect(bench.include).toEqual(['bench']);
    expect(readFileSync(join(root, 'Dockerfile'), 'utf8')).not.toMatch(/^(COPY|ADD)\b.*\bbench\b/m);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const benches = Object.entries(pkg.scripts).filter(([name]) => name.startsWith('bench:'));
    expect(benches.length).toBeGreaterThan(0);
    for (const [, script] of benches) expect(script).toContain('npm run build:bench');
    expect(pkg.scripts['build:bench']).toBe('tsc -p tsconfig.bench.json');
  });
});
