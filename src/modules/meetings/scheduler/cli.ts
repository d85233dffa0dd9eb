#!/usr/bin/env node
/**
 * node dist/src/modules/meetings/scheduler/cli.js <instance.json> [--out result.json]
 *   [--time-limit <seconds>] [--seed N] [--work N] [--no-exact] [--fairness weight|strict] [--greedy]
 * Writes the b2b-schedule/1 result to --out or stdout; progress and a summary go to stderr (the
 * summary says what ended the search: "optimal", the gap to the bound at the work limit, or the
 * time limit) and how many participants who could have met are left with none. --fairness strict
 * gives each of them a meeting even at a cost in weight; the default ('weight') only breaks ties
 * (--no-fairness is the same as the default). Default time limit 5 s (a safety stop; the work budget is the reproducible one).
 * Exit codes: 0 ok, 2 bad input or arguments, 1 internal error.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { DEFAULT_TIME_LIMIT_MS, scheduleAsync } from './engine';
import { greedySchedule } from './greedy';
import { InstanceError, parseInstanceJson } from './instance';
import { FAIRNESS_MODES, type FairnessMode, type ScheduleDocument, type ScheduleProgress } from './types';

class UsageError extends Error {}

interface CliArgs {
  instance: string;
  out?: string;
  timeLimitS?: number;
  seed?: number;
  work?: number;
  greedy: boolean;
  exact: boolean;
  fairness: FairnessMode;
}

const USAGE = 'usage: cli.js <instance.json> [--out result.json] [--time-limit <seconds>] [--seed N] [--work N] [--no-exact] [--fairness weight|strict] [--greedy]';

function parseArgs(argv: string[]): CliArgs {
  let instance: string | undefined;
  const a: Partial<CliArgs> = { greedy: false, exact: true, fairness: 'weight' };
  const num = (flag: string, v: string | undefined, integer: boolean): number => {
    const n = Number(v);
    if (v === undefined || !Number.isFinite(n) || n < 0 || (integer && !Number.isInteger(n))) {
      throw new UsageError(`${flag} needs a ${integer ? 'non-negative integer' : 'non-negative number'}, got ${v ?? 'nothing'}`);
    }
    return n;
  };
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    switch (arg) {
      case '--out':
        a.out = argv[++k];
        if (!a.out) throw new UsageError('--out needs a file name');
        break;
      case '--time-limit':
        a.timeLimitS = num(arg, argv[++k], false);
        break;
      case '--seed':
        a.seed = num(arg, argv[++k], true);
        break;
      case '--work':
        a.work = num(arg, argv[++k], true);
        break;
      case '--greedy':
        a.greedy = true;
        break;
      case '--no-exact':
        a.exact = false;
        break;
      case '--fairness': {
        const v = argv[++k];
        if (!FAIRNESS_MODES.includes(v as FairnessMode)) throw new UsageError(`--fairness needs ${FAIRNESS_MODES.join(' or ')}, got ${v ?? 'nothing'}`);
        a.fairness = v as FairnessMode;
        break;
      }
      case '--no-fairness':
        // an alias of the default: the weight decides, fairness only breaks ties
        a.fairness = 'weight';
        break;
      case '--help':
      case '-h':
        throw new UsageError(USAGE);
      default:
        if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg} (${USAGE})`);
        if (instance !== undefined) throw new UsageError(`more than one instance file given (${USAGE})`);
        instance = arg;
    }
  }
  if (instance === undefined) throw new UsageError(USAGE);
  return { ...a, instance, greedy: a.greedy ?? false, exact: a.exact ?? true, fairness: a.fairness ?? 'weight' };
}

function progressPrinter(): ((p: ScheduleProgress) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (p) => {
    const bound = p.bound === undefined ? '' : ` (bound ${Math.round(p.bound * 1000) / 1000})`;
    const pct = p.fraction === undefined ? '' : ` ${Math.round(p.fraction * 100)}%`;
    process.stderr.write(`\r\x1b[K${p.phase.padEnd(9)} weight ${p.weight}${bound}${pct}`);
  };
}

async function main(): Promise<number> {
  let args: CliArgs;
  let text: string;
  try {
    args = parseArgs(process.argv.slice(2));
    text = readFileSync(args.instance, 'utf8');
  } catch (e) {
    const msg = e instanceof UsageError ? e.message : `cannot read instance: ${e instanceof Error ? e.message : String(e)}`;
    process.stderr.write(`error: ${msg}\n`);
    return 2;
  }
  const t0 = process.hrtime.bigint();
  let doc: ScheduleDocument;
  let weight: number;
  let note = '';
  try {
    const inst = parseInstanceJson(text);
    if (args.greedy) {
      doc = greedySchedule(inst);
      const w = new Map(inst.requests.map((r) => [r.id, r.weight ?? 1]));
      weight = doc.meetings.reduce((sum, mt) => sum + (w.get(mt.request) ?? 0), 0);
      note = ' (first-fit greedy)';
    } else {
      const onProgress = progressPrinter();
      const res = await scheduleAsync(inst, {
        seed: args.seed,
        workLimit: args.work,
        timeLimitMs: args.timeLimitS === undefined ? DEFAULT_TIME_LIMIT_MS : args.timeLimitS * 1000,
        // the limit covers the whole call: node's start-up, reading and parsing the instance
        startedAt: performance.timeOrigin,
        exact: args.exact,
        fairness: args.fairness,
        onProgress,
      });
      if (onProgress) process.stderr.write('\r\x1b[K');
      doc = { meetings: res.meetings, unscheduled: res.unscheduled };
      weight = res.stats.weight;
      const st = res.stats;
      const bound = `${st.boundKind === 'LP' ? 'LP' : 'simple'} bound ${Math.round(st.bound * 1000) / 1000}`;
      if (st.endedBy === 'optimal') note = ` (optimal: equals the ${bound})`;
      else if (st.endedBy === 'time limit') note = ` (time limit: stopped by the clock, not reproducible; bound gap ${st.gapPercent} % to the ${bound})`;
      else note = ` (work limit: bound gap ${st.gapPercent} % to the ${bound})`;
      note += `; fairness ${st.fairness}: ${st.leftWithout} of ${st.couldMeet} participants who could meet have no meeting`;
    }
  } catch (e) {
    if (e instanceof InstanceError) {
      process.stderr.write(`error: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const json = JSON.stringify(doc);
  if (args.out) writeFileSync(args.out, json + '\n');
  else process.stdout.write(json + '\n');
  process.stderr.write(
    `scheduled weight ${weight}, ${doc.meetings.length} meetings, ${doc.unscheduled.length} unscheduled, ${seconds.toFixed(2)} s${note}\n`,
  );
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    process.stderr.write(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
