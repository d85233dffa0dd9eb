/** The scheduling entry point: validate, place locked meetings, optimize, explain what is left out. */
import { simpleBound } from './bound';
import { InstanceError, parseInstance } from './instance';
import { compileModel, type Model } from './model';
import { buildDocument } from './output';
import { pinPlacement, placeFixed } from './pin';
import { Rng } from './rng';
import { Search } from './search';
import { ScheduleState } from './state';
import type { Meeting, ReleasedMeeting, ScheduleOptions, ScheduleResult } from './types';

/** Work units per request when no workLimit is given, and a cap that keeps 40,000 requests within seconds. */
export const DEFAULT_WORK_PER_REQUEST = 12_000;
export const DEFAULT_WORK_CAP = 100_000_000;

export function defaultWorkLimit(m: Model): number {
  return Math.max(200_000, Math.min(DEFAULT_WORK_CAP, m.R * DEFAULT_WORK_PER_REQUEST));
}

interface PublishedPlan {
  r: number;
  s: number;
  t: number;
  i: number;
  meeting: Meeting;
}

function resolvePublished(m: Model, published: readonly Meeting[]): PublishedPlan[] {
  return published.map((mt, k) => {
    const where = `published[${k}]`;
    const r = m.reqIndex.get(mt.request);
    if (r === undefined) throw new InstanceError(`${where}: unknown request "${mt.request}"`);
    const s = m.slotIndex.get(mt.slot);
    if (s === undefined) throw new InstanceError(`${where} (${mt.request}): unknown slot "${mt.slot}"`);
    const t = m.tableIndex.get(mt.table);
    if (t === undefined) throw new InstanceError(`${where} (${mt.request}): unknown table "${mt.table}"`);
    let i = -1;
    if (mt.interpreter !== undefined) {
      const ii = m.interpIndex.get(mt.interpreter);
      if (ii === undefined) throw new InstanceError(`${where} (${mt.request}): unknown interpreter "${mt.interpreter}"`);
      i = ii;
    }
    return { r, s, t, i, meeting: mt };
  });
}

/**
 * Schedules an instance (a parsed b2b-schedule/1 document; it is validated here and an
 * InstanceError explains the first problem). Deterministic for a given input and options unless
 * `timeLimitMs` stops the search first (stats.stoppedByTime).
 */
export function schedule(input: unknown, options: ScheduleOptions = {}): ScheduleResult {
  const t0 = Date.now();
  const inst = parseInstance(input);
  const m = compileModel(inst);
  const st = new ScheduleState(m);
  const claims = new Set<number>();
  const brokenFixed = new Map<number, string>();
  placeFixed(st, claims, (msg, r) => {
    if (options.brokenFixed !== 'unschedule') throw new InstanceError(msg);
    // The entry names the request already, as `released` does: "fixed at S1, but …".
    brokenFixed.set(r, msg.replace(/^request \S+ is /, ''));
  });

  const keep = options.keepPlaced ?? true;
  const released: ReleasedMeeting[] = [];
  const moved: string[] = [];
  const plans = resolvePublished(m, options.published ?? []);
  // meetings that name their interpreter first, so the matching does not take it
  const ordered = [...plans.filter((p) => p.i >= 0), ...plans.filter((p) => p.i < 0)];
  for (const p of ordered) {
    if (m.reqFixedSlot[p.r] >= 0) continue;
    if (st.slotOf[p.r] >= 0) {
      released.push({ request: p.meeting.request, reason: 'published twice; the first placement is kept' });
      continue;
    }
    const t = keep ? p.t : -1;
    let why = pinPlacement(st, claims, p.r, p.s, t, keep ? p.i : -1, keep);
    if (why !== null && keep && p.i >= 0 && pinPlacement(st, claims, p.r, p.s, t, -1, keep) === null) {
      // the slot and table still work; only the interpreter has to change
      why = null;
      moved.push(p.meeting.request);
    }
    if (why !== null) released.push({ request: p.meeting.request, reason: `published at ${p.meeting.slot}, but ${why}` });
  }

  const bound = simpleBound(m);
  const workLimit = options.workLimit ?? defaultWorkLimit(m);
  const deadline = options.timeLimitMs === undefined ? Infinity : t0 + options.timeLimitMs;
  const rng = new Rng(options.seed ?? 1);
  const search = new Search(st, rng, { workLimit, deadline, bound, onProgress: options.onProgress });
  const start = st.work;
  const budget = (share: number): number => start + Math.floor((workLimit - start) * share);
  search.kempeCap = 12;
  search.construct();
  search.fairness();
  // budget shares and depths tuned on the shared examples (see docs/benchmarks.md)
  search.improve(budget(0.3), 2, 0.3);
  search.fairness();
  search.perturb(budget(0.95), 0.5);
  search.improve(budget(1), 2, 0);
  search.fairness();
  search.fill();
  search.report('finish');

  const doc = buildDocument(st, brokenFixed);
  if (!keep) {
    const at = new Map(doc.meetings.map((mt) => [mt.request, mt]));
    for (const p of plans) {
      const now = at.get(p.meeting.request);
      if (!now || now.slot !== p.meeting.slot || now.table !== p.meeting.table) moved.push(p.meeting.request);
    }
  }
  return {
    ...doc,
    stats: {
      weight: st.weight,
      meetings: st.meetings,
      unscheduled: doc.unscheduled.length,
      simpleBound: bound,
      work: st.work,
      stoppedByTime: search.stoppedByTime,
      milliseconds: Date.now() - t0,
      released,
      brokenFixed: [...brokenFixed].map(([r, reason]) => ({ request: inst.requests[r].id, reason })),
      moved,
    },
  };
}
