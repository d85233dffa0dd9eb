/**
 * Scheduler benchmark: `npm run bench:scheduler [-- --bound-max-requests N --bound-time S --only NAME --time-limit S]`.
 * Runs the engine as the CLI and the job do (scheduleAsync: LP step, 5 s safety stop; each solve in
 * a child process, for a clean peak RSS), once with the default fairness (the weight decides,
 * fairness breaks ties) and once with `fairness: 'strict'` (everyone who could meet gets a meeting,
 * at a cost in weight), and the first-fit greedy, on the shared examples and on generated
 * instances (host tables, pooled tables, scarce interpreters, 40k requests); validates every result
 * with check.mjs and compares with the HiGHS LP bound of check.mjs where that is affordable (bounds
 * are cached in var/bench). Shared tools: $SCHEDULING_DIR, else ../shared/scheduling or
 * ../../shared/scheduling from the repository root.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

interface ChildReport {
  engineBound: number;
  boundKind: 'LP' | 'simple';
  endedBy: 'optimal' | 'work limit' | 'time limit';
  gapPercent: number;
  lp: { status: string; iterations: number; seconds: number } | null;
  couldMeet: number;
  leftWithout: number;
  requests: number;
  participants: number;
  weight: number;
  meetings: number;
  work: number;
  parseSeconds: number;
  solveSeconds: number;
  peakRssMiB: number;
  greedyWeight: number;
  greedySeconds: number;
}

interface CheckReport {
  valid: boolean;
  errors: string[];
  weight: number;
  bound?: number;
  boundStatus?: string;
}

const root = process.cwd();
const shared =
  [process.env.SCHEDULING_DIR, resolve(root, '../shared/scheduling'), resolve(root, '../../shared/scheduling')].find(
    (d): d is string => d !== undefined && existsSync(join(d, 'check.mjs')),
  ) ?? resolve(root, '../shared/scheduling');
const outDir = join(root, 'var', 'bench');
const args = process.argv.slice(2);
const opt = (flag: string, d: number): number => {
  const k = args.indexOf(flag);
  return k >= 0 ? Number(args[k + 1]) : d;
};
/** LP bounds above this many requests take minutes (40k: ~7 min), so they are skipped unless cached. */
const boundMaxRequests = opt('--bound-max-requests', 20_000);
const boundTime = opt('--bound-time', 240);
/** `--only a,b`: the instances whose name contains one of these (several benches may then run side by side). */
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : undefined;
/** The engine's safety stop (default 5 s, as the CLI and the job); a large value shows what the reproducible work budget reaches on a loaded machine. */
const timeLimitS = opt('--time-limit', 5);
const childExtra = ['--time-limit-ms', String(Math.round(timeLimitS * 1000))];

function die(msg: string): never {
  process.stderr.write(`bench:scheduler: ${msg}\n`);
  process.exit(1);
}

if (!existsSync(join(shared, 'check.mjs')) || !existsSync(join(shared, 'gen.mjs'))) {
  die(`cannot find ${shared}/check.mjs and gen.mjs; run from the repository root with shared/ beside it (../shared/scheduling)`);
}
mkdirSync(outDir, { recursive: true });

const generated: { name: string; args: string[] }[] = [
  { name: 'gen-host-b300-e600', args: ['--buyers', '300', '--exhibitors', '600', '--days', '2', '--seed', '11'] },
  { name: 'gen-pool-b600-e1200', args: ['--buyers', '600', '--exhibitors', '1200', '--days', '2', '--seed', '12', '--tables', 'pool'] },
  { name: 'gen-host-b1500-e3000-d3', args: ['--buyers', '1500', '--exhibitors', '3000', '--days', '3', '--seed', '13'] },
  { name: 'gen-host-b2500-e4500-40k', args: ['--buyers', '2500', '--exhibitors', '4500', '--days', '2', '--seed', '7', '--min-req', '12', '--max-req', '20'] },
  // scarce interpreters (--interp 0.1-0.3; the generator's default is 0.6)
  { name: 'gen-interp15-b200-s5', args: ['--buyers', '200', '--exhibitors', '400', '--days', '2', '--seed', '5', '--interp', '0.15'] },
  { name: 'gen-interp30-b200-s6', args: ['--buyers', '200', '--exhibitors', '400', '--days', '2', '--seed', '6', '--interp', '0.3'] },
  { name: 'gen-interp10-b300-s21', args: ['--buyers', '300', '--exhibitors', '600', '--days', '2', '--seed', '21', '--interp', '0.1'] },
  { name: 'gen-interp20-b300-s22', args: ['--buyers', '300', '--exhibitors', '600', '--days', '2', '--seed', '22', '--interp', '0.2'] },
  { name: 'gen-interp15-b1000-s26', args: ['--buyers', '1000', '--exhibitors', '2000', '--days', '2', '--seed', '26', '--interp', '0.15'] },
  // pooled tables, with scarce interpreters and with a tight pool
  { name: 'gen-pool-interp20-b400-s23', args: ['--buyers', '400', '--exhibitors', '800', '--days', '2', '--seed', '23', '--interp', '0.2', '--tables', 'pool'] },
  { name: 'gen-pool250-b600-s24', args: ['--buyers', '600', '--exhibitors', '1200', '--days', '2', '--seed', '24', '--tables', 'pool', '--pool', '250'] },
  { name: 'gen-pool-interp10-b300-s32', args: ['--buyers', '300', '--exhibitors', '600', '--days', '2', '--seed', '32', '--interp', '0.1', '--tables', 'pool'] },
  { name: 'gen-interp25-b250-s31', args: ['--buyers', '250', '--exhibitors', '500', '--days', '2', '--seed', '31', '--interp', '0.25'] },
  // new seeds (not tuned on): scarce interpreters 0.1 / 0.2 / 0.3, pooled tables, 800 buyers
  { name: 'gen-interp10-b250-s41', args: ['--buyers', '250', '--exhibitors', '500', '--days', '2', '--seed', '41', '--interp', '0.1'] },
  { name: 'gen-interp20-b350-s42', args: ['--buyers', '350', '--exhibitors', '700', '--days', '2', '--seed', '42', '--interp', '0.2'] },
  { name: 'gen-interp30-b300-s43', args: ['--buyers', '300', '--exhibitors', '600', '--days', '2', '--seed', '43', '--interp', '0.3'] },
  { name: 'gen-pool-interp30-b300-s44', args: ['--buyers', '300', '--exhibitors', '600', '--days', '2', '--seed', '44', '--interp', '0.3', '--tables', 'pool'] },
  { name: 'gen-pool180-b400-s45', args: ['--buyers', '400', '--exhibitors', '800', '--days', '2', '--seed', '45', '--tables', 'pool', '--pool', '180'] },
  { name: 'gen-interp15-b800-s46', args: ['--buyers', '800', '--exhibitors', '1600', '--days', '2', '--seed', '46', '--interp', '0.15'] },
  // session 7 sweep (new seeds, not tuned on): scarce interpreters 0.2 / 0.3, pooled tables with 0.2
  { name: 'gen-interp20-b250-s64', args: ['--buyers', '250', '--exhibitors', '500', '--days', '2', '--seed', '64', '--interp', '0.2'] },
  { name: 'gen-interp30-b400-s65', args: ['--buyers', '400', '--exhibitors', '800', '--days', '2', '--seed', '65', '--interp', '0.3'] },
  { name: 'gen-pool-interp20-b300-s66', args: ['--buyers', '300', '--exhibitors', '600', '--days', '2', '--seed', '66', '--interp', '0.2', '--tables', 'pool'] },
  // 40k requests with scarce interpreters (its LP bound takes many minutes: computed once, cached)
  { name: 'gen-interp20-b2500-40k', args: ['--buyers', '2500', '--exhibitors', '4500', '--days', '2', '--seed', '27', '--min-req', '12', '--max-req', '20', '--interp', '0.2'] },
  { name: 'gen-interp15-b2500-40k-s69', args: ['--buyers', '2500', '--exhibitors', '4500', '--days', '2', '--seed', '69', '--min-req', '12', '--max-req', '20', '--interp', '0.15'] },
];

function node(script: string, scriptArgs: string[], timeoutS: number): string {
  const r = spawnSync(process.execPath, [script, ...scriptArgs], { encoding: 'utf8', maxBuffer: 1 << 30, timeout: timeoutS * 1000 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${basename(script)} ${scriptArgs.join(' ')} exited ${r.status}: ${r.stderr.trim().slice(0, 500)}`);
  return r.stdout;
}

const instances: string[] = readdirSync(join(shared, 'examples'))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => join(shared, 'examples', f));
for (const g of generated) {
  const file = join(outDir, `${g.name}.json`);
  if (!existsSync(file)) writeFileSync(file, node(join(shared, 'gen.mjs'), g.args, 120));
  instances.push(file);
}

const cacheFile = join(outDir, 'bounds.json');
/** Read again before each instance: a long bound (40k requests) may be computed by another process meanwhile. */
const readCache = (): Record<string, number> => (existsSync(cacheFile) ? (JSON.parse(readFileSync(cacheFile, 'utf8')) as Record<string, number>) : {});
const check = (inst: string, result: string, extra: string[], timeoutS: number): CheckReport =>
  JSON.parse(node(join(shared, 'check.mjs'), [inst, result, ...extra], timeoutS)) as CheckReport;

const child = join(__dirname, 'lib', 'solve-child.js');
const rows: string[][] = [];
const notes: string[] = [];
let failed = false;
for (const inst of instances) {
  const name = basename(inst, '.json');
  if (only !== undefined && !only.some((o) => name.includes(o))) continue;
  const engineOut = join(outDir, `${name}.result.json`);
  const greedyOut = join(outDir, `${name}.greedy.json`);
  process.stderr.write(`${name}: solving...\n`);
  const rep = JSON.parse(node(child, [inst, engineOut, greedyOut, ...childExtra], 600)) as ChildReport;
  const strictOut = join(outDir, `${name}.strict.json`);
  const wrep = JSON.parse(node(child, [inst, strictOut, greedyOut, '--strict', ...childExtra], 600)) as ChildReport;
  for (const [what, file, expected] of [
    ['engine', engineOut, rep.weight],
    ['engine (strict fairness)', strictOut, wrep.weight],
    ['greedy', greedyOut, rep.greedyWeight],
  ] as const) {
    const c = check(inst, file, [], 300);
    if (!c.valid || c.weight !== expected) {
      failed = true;
      process.stderr.write(`INVALID ${what} result on ${name}: ${JSON.stringify(c.errors.slice(0, 5))} (weight ${c.weight})\n`);
    }
  }
  const key = `${name}:${createHash('sha1').update(readFileSync(inst)).digest('hex').slice(0, 16)}`;
  // a negative cache entry records an LP that did not finish within that many seconds
  const cache = readCache();
  const cached = cache[key];
  let bound: number | undefined = cached !== undefined && cached >= 0 ? cached : undefined;
  let boundNote = bound === undefined ? '' : ' (cached)';
  if (cached !== undefined && cached < 0 && boundTime <= -cached) {
    boundNote = `LP not solved in ${-cached} s (cached)`;
    notes.push(`${name}: the LP bound did not finish within ${-cached} s; rerun with --bound-time N (N > ${-cached}) to retry`);
  } else if (bound === undefined && rep.requests <= boundMaxRequests) {
    process.stderr.write(`${name}: LP bound (up to ${boundTime} s)...\n`);
    try {
      const c = check(inst, '-', ['--bound', '--time', String(boundTime)], boundTime + 120);
      if (c.boundStatus === 'Optimal' && c.bound !== undefined) {
        bound = c.bound;
        cache[key] = bound;
        writeFileSync(cacheFile, JSON.stringify(cache, null, 1));
      } else {
        boundNote = `LP not solved in ${boundTime} s`;
        cache[key] = -boundTime;
        writeFileSync(cacheFile, JSON.stringify(cache, null, 1));
      }
    } catch (e) {
      boundNote = ` (LP failed: ${e instanceof Error ? e.message.slice(0, 80) : String(e)})`;
    }
  } else if (bound === undefined) {
    boundNote = 'skipped';
    notes.push(`${name}: LP bound skipped (${rep.requests} requests > --bound-max-requests ${boundMaxRequests}; takes minutes)`);
  }
  const pct = (w: number): string => (bound ? `${((100 * w) / bound).toFixed(2)}%` : '-');
  const ended = (r: ChildReport): string =>
    r.endedBy === 'optimal' ? `optimal (${r.boundKind})` : `${r.endedBy}, gap ${r.gapPercent.toFixed(2)}% to ${r.boundKind} ${Math.round(r.engineBound * 100) / 100}`;
  const lp = (r: ChildReport): string => (r.lp ? `${r.lp.status} ${r.lp.iterations} it ${r.lp.seconds.toFixed(1)} s` : '-');
  const row = [
    name,
    String(rep.requests),
    bound === undefined ? boundNote || '-' : `${bound}${boundNote}`,
    String(rep.weight),
    pct(rep.weight),
    ended(rep),
    (rep.parseSeconds + rep.solveSeconds).toFixed(2),
    rep.peakRssMiB.toFixed(0),
    lp(rep),
    `${rep.leftWithout} / ${rep.couldMeet}`,
    String(wrep.weight),
    pct(wrep.weight),
    ended(wrep),
    (wrep.parseSeconds + wrep.solveSeconds).toFixed(2),
    wrep.peakRssMiB.toFixed(0),
    String(wrep.leftWithout),
    pct(rep.greedyWeight),
  ];
  rows.push(row);
  // each row as soon as it is measured (stderr), so a long run shows its progress and loses nothing
  process.stderr.write(`| ${row.join(' | ')} |\n`);
}

const head = [
  'instance',
  'requests',
  'LP bound (check.mjs)',
  'weight',
  'ratio',
  'ended by',
  's',
  'MiB',
  'LP step',
  'left without',
  'strict',
  'ratio',
  'ended by',
  's',
  'MiB',
  'left without',
  'greedy ratio',
];
const table = [head, head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
process.stdout.write(`${table}\n`);
for (const n of notes) process.stdout.write(`\n${n}`);
process.stdout.write(
  `\nengine: scheduleAsync with the CLI's and the job's defaults (seed 1, work budget min(12000 x requests, 1.2e8), x3 where interpreters are scarce, LP step where interpreters are scarce, up to 120,000 columns and 3e9 iterations x nonzeros, safety stop ${timeLimitS} s, fairness 'weight'); "strict" = the same with fairness: 'strict'; "left without" = participants who could have met but have no meeting / participants who could have met. Each solve in its own process; s = parse + solve; MiB = max RSS of that process after the solve (includes reading the JSON and the LP).\n`,
);
if (failed) die('some results are INVALID (see above)');
process.stdout.write('all results valid (check.mjs)\n');
