/** The b2b-schedule/1 interchange format (see shared/scheduling/FORMAT.md) and the engine's own types. */

export const FORMAT_ID = 'b2b-schedule/1';

export type Side = 'buyer' | 'exhibitor';

/** See ScheduleOptions.fairness. */
export type FairnessMode = 'weight' | 'strict';
export const FAIRNESS_MODES: readonly FairnessMode[] = ['weight', 'strict'];

export interface SlotDef {
  id: string;
  start?: string;
  end?: string;
}

export interface TableDef {
  id: string;
}

export interface InterpreterDef {
  id: string;
  languages: string[];
  unavailable?: string[];
}

export interface ParticipantDef {
  id: string;
  side: Side;
  languages?: string[];
  unavailable?: string[];
  table?: string;
  maxMeetings?: number;
}

/** A placement an organizer locked. `interpreter` is an engine extension (the format only has slot and table). */
export interface FixedPlacement {
  slot: string;
  table?: string;
  interpreter?: string;
}

export interface RequestDef {
  id: string;
  buyer: string;
  exhibitor: string;
  weight?: number;
  language?: string | null;
  fixed?: FixedPlacement;
}

export interface Instance {
  format: typeof FORMAT_ID;
  name?: string;
  slots: SlotDef[];
  tables: TableDef[];
  interpreters?: InterpreterDef[];
  participants: ParticipantDef[];
  requests: RequestDef[];
}

export interface Meeting {
  request: string;
  slot: string;
  table: string;
  /** Present only when the request needs one. */
  interpreter?: string;
}

export interface UnscheduledRequest {
  request: string;
  reason: string;
}

/** The result document of the format. */
export interface ScheduleDocument {
  meetings: Meeting[];
  unscheduled: UnscheduledRequest[];
}

export interface ScheduleProgress {
  /** 'construct' | 'improve' | 'lp' | 'perturb' | 'fairness' | 'finish' */
  phase: string;
  /** Total weight scheduled so far. */
  weight: number;
  /** The best upper bound on the weight known so far: the LP bound once solved, else a simple combinatorial one. */
  bound?: number;
  /** 'LP' once the LP relaxation is solved (the strong bound), else 'simple'. */
  boundKind?: 'LP' | 'simple';
  /** Share of the work budget used, 0..1. */
  fraction?: number;
}

export interface ScheduleOptions {
  /** Seed of the pseudo-random tie-breaking; same seed + same input = same schedule. Default 1. */
  seed?: number;
  /** Work budget in elementary steps (feasibility checks and moves). Default scales with the instance. */
  workLimit?: number;
  /** Safety stop in milliseconds. When it fires the result is still valid but no longer reproducible. */
  timeLimitMs?: number;
  /**
   * When the run began (ms since the epoch), so that `timeLimitMs` also covers what came before the
   * engine: the CLI passes its process start (start-up, reading and parsing the instance count).
   * Default: when `scheduleAsync` (or `schedule`) is called; loading HiGHS counts either way.
   */
  startedAt?: number;
  onProgress?: (p: ScheduleProgress) => void;
  /**
   * Meetings already published to participants (rescheduling). Each one that still keeps every rule
   * is kept at its slot and table (and interpreter) when `keepPlaced` is true, as if it were `fixed`;
   * when `keepPlaced` is false it is only a starting point that the search may move or drop.
   * Published meetings that now break a rule (someone became unavailable, ...) are released and
   * scheduled again like any other request; they are listed in `stats.released`.
   */
  published?: Meeting[];
  /** Default true. */
  keepPlaced?: boolean;
  /**
   * A fixed placement that breaks a rule: `'throw'` (default, the format's rule) stops with an
   * InstanceError; `'unschedule'` leaves that request out, lists it in `unscheduled` with the rule
   * it breaks, and in `stats.brokenFixed` — for a platform where a lock can become impossible
   * after later changes (an interpreter removed, a participant away) and the run must still finish.
   */
  brokenFixed?: 'throw' | 'unschedule';
  /**
   * What to do for participants who could have a meeting but are left with none (FORMAT.md:
   * "no participant who could have had a meeting should be left with none"):
   * - `'weight'` (default): the total weight is the objective; fairness only breaks ties. After the
   *   search, such participants get a meeting only through moves that keep the total weight
   *   (equal-weight trades, ejection chains, Kempe swaps), and among equal weights the search prefers
   *   the schedule that serves more participants. Fairness never costs weight.
   * - `'strict'`: everyone who could have a meeting gets one, even at a cost in weight, and no
   *   move takes a participant's last meeting away.
   * `stats.leftWithout` counts who is left with none either way.
   */
  fairness?: FairnessMode;
  /**
   * Solve the LP relaxation with HiGHS (only through `scheduleAsync`, which loads the solver): a
   * strong bound, so the search can stop at a proven optimum, and a starting schedule built from
   * the LP solution. Default true; skipped above `lpMaxColumns` request-slot pairs.
   */
  exact?: boolean;
  /** Largest LP (request-slot columns) to solve. Default DEFAULT_LP_MAX_COLUMNS. */
  lpMaxColumns?: number;
  /** Simplex iterations the LP may use (the reproducible budget). Default DEFAULT_LP_ITERATIONS. */
  lpIterationLimit?: number;
  /**
   * The LP is solved only where interpreters are the bottleneck: interpreted meetings per
   * available interpreter-slot at least this (default 1.5; 0 = always). See interpreterPressure().
   */
  lpMinPressure?: number;
  /** Where the whole LP is too large: LPs of windows of the grid (windows.ts). Default true. */
  lpWindows?: boolean;
  /** Largest window LP (request-slot columns). Default WINDOW_LP_MAX_COLUMNS. */
  lpWindowColumns?: number;
}

export interface LpStats {
  /**
   * 'optimal' (solved: its bound is used), 'limit' (its iteration budget), 'time' (the safety
   * stop), 'failed', or 'skipped' (too large, or interpreters are not scarce); 'windows': too
   * large, so LPs of windows of the grid improved the schedule (no bound).
   */
  status: 'optimal' | 'limit' | 'time' | 'failed' | 'skipped' | 'windows';
  columns: number;
  iterations: number;
  seconds: number;
  /** LP windows: solved to optimality, kept (the schedule got heavier), weight gained. */
  windows?: { solved: number; kept: number; gained: number };
}

export interface ReleasedMeeting {
  request: string;
  reason: string;
}

export interface ScheduleStats {
  weight: number;
  meetings: number;
  unscheduled: number;
  /** The simple combinatorial upper bound (heaviest requests per participant). */
  simpleBound: number;
  /** The best upper bound known: the LP bound when the LP was solved, else simpleBound. */
  bound: number;
  boundKind: 'LP' | 'simple';
  /** (bound - weight) / bound, in percent (rounded to 4 decimals). */
  gapPercent: number;
  /**
   * What ended the search: 'optimal' (the weight reached the bound: proven optimal), 'work limit'
   * (the reproducible work budget was used; the gap to the bound is gapPercent) or 'time limit'
   * (the safety stop: the result is valid but not reproducible).
   */
  endedBy: 'optimal' | 'work limit' | 'time limit';
  /** The LP step, when one was attempted. */
  lp?: LpStats;
  /** The fairness mode the run used. */
  fairness: FairnessMode;
  /** Participants who could have had a meeting (at least one request with a possible slot, maximum above 0). */
  couldMeet: number;
  /** Of those, how many the schedule leaves with no meeting (the price of the weight, or what even strict fairness could not serve). */
  leftWithout: number;
  work: number;
  /** True when the time limit stopped the search before its work budget. */
  stoppedByTime: boolean;
  milliseconds: number;
  released: ReleasedMeeting[];
  /** Fixed requests left out because their placement breaks a rule (brokenFixed 'unschedule'). */
  brokenFixed: ReleasedMeeting[];
  /** Published meetings (keepPlaced=false) that ended at another slot or table, or unscheduled. */
  moved: string[];
}

export interface ScheduleResult extends ScheduleDocument {
  stats: ScheduleStats;
}
