/*
 * The results of an edition's export meetings, for the organizers' report to the city: pure
 * aggregation (rows in, figures out), no Nest, no TypeORM. Amounts are kept in whole US cents
 * (integers), so sums are exact.
 *
 * The rules, also written on the report page:
 * - a meeting counts when it is published; its outcome is held, a no-show (buyer, exhibitor or
 *   both), or not recorded yet;
 * - the no-show rate is no-shows / (held + no-shows); meetings not recorded are left out of it;
 * - a meeting's consultation amount (상담액) and expected contract amount (계약추진액) come from the
 *   surveys of its two sides: the buyer's figure when the buyer gave one, else the exhibitor's, each
 *   amount on its own (never the sum of both sides);
 * - by product category, a meeting counts under each category of its exhibitor (its first listed
 *   category is not privileged), so the category rows can add up to more than the total;
 *   an exhibitor without categories counts under "none".
 */

export const OUTCOMES = ['held', 'no_show_buyer', 'no_show_exhibitor', 'no_show_both'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface ReportMeetingRow {
  meetingId: string;
  outcome: Outcome | null;
  buyerId: string;
  buyerCountry: string;
  exhibitorId: string;
  exhibitorName: string;
  /** The exhibitor's name in the other script, if it has one. */
  exhibitorAlternateName?: string | null;
  /** The exhibitor's product category codes. */
  exhibitorCategories: string[];
}

export interface ReportSurveyRow {
  meetingId: string;
  side: 'buyer' | 'exhibitor';
  answered: boolean;
  satisfaction: number | null;
  followUp: boolean | null;
  /** numeric(14,2) as PostgreSQL gives it back, e.g. "1234.50"; null when not given. */
  consultationUsd: string | null;
  expectedContractUsd: string | null;
}

/** The figures of one group (the whole edition, a country, a category, an exhibitor). */
export interface GroupFigures {
  /** Published meetings. */
  meetings: number;
  held: number;
  noShows: number;
  /** no-shows / (held + no-shows), or null when nothing is recorded. */
  noShowRate: number | null;
  consultationCents: number;
  expectedContractCents: number;
}

export interface GroupRow extends GroupFigures {
  /** Country code, category code ('' for none), or exhibitor id. */
  key: string;
  /** The exhibitor's name (by-exhibitor rows only). */
  name?: string;
  /** The exhibitor's name in the other script (by-exhibitor rows only, where it has one). */
  alternateName?: string;
}

export interface ResultsReport {
  totals: GroupFigures & {
    notRecorded: number;
    noShowBuyer: number;
    noShowExhibitor: number;
    noShowBoth: number;
  };
  byCountry: GroupRow[];
  byCategory: GroupRow[];
  byExhibitor: GroupRow[];
  surveys: {
    sent: number;
    answered: number;
    /** answered / sent, or null when none was sent. */
    responseRate: number | null;
    /** Answers per satisfaction 1..5 (index 0 is 1). */
    satisfaction: [number, number, number, number, number];
    satisfactionAverage: number | null;
    followUpYes: number;
    followUpAnswered: number;
    followUpShare: number | null;
    bySide: Record<'buyer' | 'exhibitor', { sent: number; answered: number }>;
  };
}

/** "1234.5" / "1234.50" / "0" → cents; null stays null. Only what numeric(14,2) gives back. */
export function usdToCents(value: string | null): number | null {
  if (value === null) return null;
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(value.trim());
  if (!m) throw new Error(`not a USD amount: ${value}`);
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** Cents → "1234.50", the way a CSV gives an amount (no separators). */
export function centsToUsd(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

const rate = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

function emptyFigures(): GroupFigures {
  return { meetings: 0, held: 0, noShows: 0, noShowRate: null, consultationCents: 0, expectedContractCents: 0 };
}

/** The amounts a meeting counts with: per amount, the buyer's figure if given, else the exhibitor's. */
export function meetingAmounts(surveys: ReportSurveyRow[]): { consultationCents: number; expectedContractCents: number } {
  const answered = surveys.filter((s) => s.answered);
  const pick = (field: 'consultationUsd' | 'expectedContractUsd'): number => {
    const buyer = answered.find((s) => s.side === 'buyer' && s[field] !== null);
    const exhibitor = answered.find((s) => s.side === 'exhibitor' && s[field] !== null);
    return usdToCents((buyer ?? exhibitor)?.[field] ?? null) ?? 0;
  };
  return { consultationCents: pick('consultationUsd'), expectedContractCents: pick('expectedContractUsd') };
}

function add(f: GroupFigures, m: ReportMeetingRow, amounts: { consultationCents: number; expectedContractCents: number }): void {
  f.meetings++;
  if (m.outcome === 'held') {
    f.held++;
    f.consultationCents += amounts.consultationCents;
    f.expectedContractCents += amounts.expectedContractCents;
  } else if (m.outcome !== null) {
    f.noShows++;
  }
}

function finish(f: GroupFigures): void {
  f.noShowRate = rate(f.noShows, f.held + f.noShows);
}

/** Groups sorted by consultation amount, then held meetings, then key: the biggest first. */
function sorted(groups: Map<string, GroupRow>): GroupRow[] {
  const rows = [...groups.values()];
  rows.forEach(finish);
  return rows.sort((a, b) => b.consultationCents - a.consultationCents || b.held - a.held || a.key.localeCompare(b.key));
}

/** The report of an edition from its published meetings and their survey rows. */
export function buildResultsReport(meetings: ReportMeetingRow[], surveys: ReportSurveyRow[]): ResultsReport {
  const surveysOf = new Map<string, ReportSurveyRow[]>();
  for (const s of surveys) surveysOf.set(s.meetingId, [...(surveysOf.get(s.meetingId) ?? []), s]);

  const totals = { ...emptyFigures(), notRecorded: 0, noShowBuyer: 0, noShowExhibitor: 0, noShowBoth: 0 };
  const byCountry = new Map<string, GroupRow>();
  const byCategory = new Map<string, GroupRow>();
  const byExhibitor = new Map<string, GroupRow>();
  const group = (map: Map<string, GroupRow>, key: string, name?: string, alternateName?: string | null): GroupRow => {
    let row = map.get(key);
    if (!row) map.set(key, (row = { key, ...(name !== undefined ? { name } : {}), ...(alternateName ? { alternateName } : {}), ...emptyFigures() }));
    return row;
  };

  for (const m of meetings) {
    const amounts = m.outcome === 'held' ? meetingAmounts(surveysOf.get(m.meetingId) ?? []) : { consultationCents: 0, expectedContractCents: 0 };
    add(totals, m, amounts);
    if (m.outcome === null) totals.notRecorded++;
    else if (m.outcome === 'no_show_buyer') totals.noShowBuyer++;
    else if (m.outcome === 'no_show_exhibitor') totals.noShowExhibitor++;
    else if (m.outcome === 'no_show_both') totals.noShowBoth++;
    add(group(byCountry, m.buyerCountry), m, amounts);
    add(group(byExhibitor, m.exhibitorId, m.exhibitorName, m.exhibitorAlternateName), m, amounts);
    const categories = m.exhibitorCategories.length > 0 ? [...new Set(m.exhibitorCategories)] : [''];
    for (const c of categories) add(group(byCategory, c), m, amounts);
  }
  finish(totals);

  // Surveys count only for meetings in the report (published, held).
  const inReport = new Set(meetings.filter((m) => m.outcome === 'held').map((m) => m.meetingId));
  const mine = surveys.filter((s) => inReport.has(s.meetingId));
  const answered = mine.filter((s) => s.answered);
  const satisfaction: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  let satisfactionSum = 0;
  let satisfactionCount = 0;
  for (const s of answered) {
    if (s.satisfaction !== null && s.satisfaction >= 1 && s.satisfaction <= 5) {
      satisfaction[s.satisfaction - 1]++;
      satisfactionSum += s.satisfaction;
      satisfactionCount++;
    }
  }
  const followUpAnswered = answered.filter((s) => s.followUp !== null).length;
  const followUpYes = answered.filter((s) => s.followUp === true).length;
  const side = (x: 'buyer' | 'exhibitor') => ({ sent: mine.filter((s) => s.side === x).length, answered: answered.filter((s) => s.side === x).length });

  return {
    totals,
    byCountry: sorted(byCountry),
    byCategory: sorted(byCategory),
    byExhibitor: sorted(byExhibitor),
    surveys: {
      sent: mine.length,
      answered: answered.length,
      responseRate: rate(answered.length, mine.length),
      satisfaction,
      satisfactionAverage: satisfactionCount === 0 ? null : satisfactionSum / satisfactionCount,
      followUpYes,
      followUpAnswered,
      followUpShare: rate(followUpYes, followUpAnswered),
      bySide: { buyer: side('buyer'), exhibitor: side('exhibitor') },
    },
  };
}
