/**
 * Self time of a V8 .cpuprofile (node --cpu-prof, e.g. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR")
 * by package — node internals, express, @nestjs/*, class-validator, typeorm, pg, ioredis, pino, Fairgate's
 * own dist/src/… — and the top functions.
 *
 *   node dist/bench/tools/profile-summary.js <file.cpuprofile> [--window <function>] [--last s] [--skip s] [--seconds s] [--top n]
 *
 * --window f: only the samples from the first to the last whose stack has a frame named f (e.g.
 * insertHold, register): the load phases, without start-up. --skip s drops the first s seconds of
 * that window (a warm-up), --seconds s keeps s seconds from there (one phase); --last s starts s seconds
 * before the window's end instead (the last phases of a bench).
 */
import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The package (or Fairgate folder) a frame's self time is counted under. */
export function bucketOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (url === '') {
    if (functionName === '(idle)') return '(idle)';
    if (functionName === '(garbage collector)') return '(gc)';
    if (functionName === '(program)') return '(program)';
    return 'native/builtin (syscalls such as writev)';
  }
  if (url.startsWith('node:')) {
    const parts = url.slice(5).split('/');
    return `node:${parts[0] === 'internal' && parts[1] ? `internal/${parts[1]}` : parts[0]}`;
  }
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const src = url.indexOf('/dist/src/');
  if (src >= 0) return `fairgate ${url.slice(src + '/dist/src/'.length).split('/').slice(0, 3).join('/')}`;
  return url;
}

function option(args: string[], flag: string): string | undefined {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
}

function main(): void {
  const args = process.argv.slice(2);
  const file = args.find((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
  if (!file) {
    process.stderr.write('usage: profile-summary.js <file.cpuprofile> [--window function] [--skip s] [--seconds s] [--top n]\n');
    process.exit(2);
  }
  const windowFn = option(args, '--window');
  const skipSeconds = Number(option(args, '--skip') ?? 0);
  const lastSeconds = option(args, '--last') === undefined ? undefined : Number(option(args, '--last'));
  const keepSeconds = option(args, '--seconds') === undefined ? undefined : Number(option(args, '--seconds'));
  const top = Number(option(args, '--top') ?? 25);

  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const { samples, timeDeltas } = profile;

  let first = 0;
  let last = samples.length - 1;
  if (windowFn) {
    const memo = new Map<number, boolean>();
    const has = (id: number): boolean => {
      let known = memo.get(id);
      if (known === undefined) {
        known = false;
        for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
          if (byId.get(cur)?.callFrame.functionName === windowFn) {
            known = true;
            break;
          }
        }
        memo.set(id, known);
      }
      return known;
    };
    first = samples.findIndex(has);
    if (first < 0) throw new Error(`no sample has ${windowFn} on its stack`);
    while (!has(samples[last])) last--;
  }
  // Sample i was taken at the sum of timeDeltas[0..i] (µs).
  const at: number[] = [];
  let t = 0;
  for (const delta of timeDeltas) at.push((t += delta));
  const from = lastSeconds === undefined ? at[first] + skipSeconds * 1e6 : at[last] - lastSeconds * 1e6;
  while (first < last && at[first] < from) first++;
  if (keepSeconds !== undefined) while (last > first && at[last] > from + keepSeconds * 1e6) last--;

  const self = new Map<string, number>();
  const bySelfFunction = new Map<string, number>();
  const total = last - first + 1;
  for (let i = first; i <= last; i++) {
    const frame = byId.get(samples[i])!.callFrame;
    const bucket = bucketOf(frame);
    self.set(bucket, (self.get(bucket) ?? 0) + 1);
    const fn = `${frame.functionName || '(anonymous)'}  ${bucket}:${frame.lineNumber + 1}`;
    bySelfFunction.set(fn, (bySelfFunction.get(fn) ?? 0) + 1);
  }
  const pct = (n: number): string => `${((100 * n) / total).toFixed(1).padStart(5)} %`;
  const sum = (accept: (bucket: string) => boolean): number => [...self].filter(([k]) => accept(k)).reduce((s, [, v]) => s + v, 0);
  const out = [
    file,
    `${total} samples over ${((at[last] - at[first]) / 1e6).toFixed(1)} s${windowFn ? ` (window ${windowFn}, skip ${skipSeconds} s${keepSeconds === undefined ? '' : `, ${keepSeconds} s`})` : ''}; busy ${pct(total - (self.get('(idle)') ?? 0)).trim()}`,
    '',
    'self time by package (% of samples)',
    ...[...self].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${pct(v)}  ${k}`),
    '',
    `groups: node:* ${pct(sum((k) => k.startsWith('node:'))).trim()}, @nestjs/* ${pct(sum((k) => k.startsWith('@nestjs/'))).trim()}, fairgate src ${pct(sum((k) => k.startsWith('fairgate '))).trim()}`,
    '',
    'top functions by self time',
    ...[...bySelfFunction].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]) => `${pct(v)}  ${k}`),
    '',
  ];
  process.stdout.write(out.join('\n'));
}

if (require.main === module) main();
