/**
 * Bench worker, run in its own process so that its peak RSS is the engine's:
 * node dist/bench/lib/solve-child.js <instance.json> <engine-out.json> <greedy-out.json> [--strict] [--time-limit-ms N]
 * Runs scheduleAsync with the defaults the CLI and the job use (LP step, 5 s safety stop).
 * Prints one JSON line with weights, seconds and the peak RSS measured right after the engine solve.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { DEFAULT_TIME_LIMIT_MS, scheduleAsync } from '../../src/modules/meetings/scheduler/engine';
import { greedySchedule } from '../../src/modules/meetings/scheduler/greedy';
import { parseInstanceJson } from '../../src/modules/meetings/scheduler/instance';

async function main(): Promise<void> {
  const [instPath, engineOut, greedyOut] = process.argv.slice(2);
  const fairness = process.argv.includes('--strict') ? 'strict' : 'weight';
  const k = process.argv.indexOf('--time-limit-ms');
  const timeLimitMs = k >= 0 ? Number(process.argv[k + 1]) : DEFAULT_TIME_LIMIT_MS;
  const t0 = process.hrtime.bigint();
  const inst = parseInstanceJson(readFileSync(instPath, 'utf8'));
  const t1 = process.hrtime.bigint();
  // as the CLI: the time limit counts from the process start (reading and parsing the instance included)
  const res = await scheduleAsync(inst, { timeLimitMs, fairness, startedAt: performance.timeOrigin });
  const t2 = process.hrtime.bigint();
  writeFileSync(engineOut, JSON.stringify({ meetings: res.meetings, unscheduled: res.unscheduled }));
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  const t3 = process.hrtime.bigint();
  const greedy = greedySchedule(inst);
  const t4 = process.hrtime.bigint();
  writeFileSync(greedyOut, JSON.stringify(greedy));
  const w = new Map(inst.requests.map((r) => [r.id, r.weight ?? 1]));
  const sec = (a: bigint, b: bigint): number => Number(b - a) / 1e9;
  process.stdout.write(
    JSON.stringify({
      requests: inst.requests.length,
      participants: inst.participants.length,
      weight: res.stats.weight,
      meetings: res.meetings.length,
      work: res.stats.work,
      engineBound: res.stats.bound,
      boundKind: res.stats.boundKind,
      endedBy: res.stats.endedBy,
      gapPercent: res.stats.gapPercent,
      lp: res.stats.lp ?? null,
      couldMeet: res.stats.couldMeet,
      leftWithout: res.stats.leftWithout,
      parseSeconds: sec(t0, t1),
      solveSeconds: sec(t1, t2),
      peakRssMiB,
      greedyWeight: greedy.meetings.reduce((s, m) => s + (w.get(m.request) ?? 0), 0),
      greedySeconds: sec(t3, t4),
    }) + '\n',
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
