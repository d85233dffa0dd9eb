/**
 * Counterpart suggestions for export meetings: a buyer sees exhibitors (and an exhibitor sees
 * buyers) ranked by what they have in common, each with a reason in Korean and English.
 * Pure: same input, same output, no I/O.
 */
import { PRODUCT_CATEGORIES, type ProductCategory } from '../../fairs/product-categories';
import type { Side } from '../scheduler/types';

export interface MatchParticipant {
  id: string;
  side: Side;
  companyName: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** ISO 639-1 codes, e.g. ['en', 'vi']. */
  languages: string[];
  /** Product category codes (see fairs/product-categories). */
  interests: string[];
  purchasePlans?: string;
}

export interface SuggestOptions {
  /** Ids the participant already requested (or declined): never suggested again. */
  exclude?: ReadonlySet<string>;
  /** At most this many suggestions; default 10. */
  limit?: number;
  /** Where category names come from; default every fair series' categories. */
  categories?: readonly ProductCategory[];
}

export interface Suggestion {
  participant: MatchParticipant;
  score: number;
  /** Shared category codes, the rarest (most telling) first. */
  sharedInterests: string[];
  /** Languages both sides speak, sorted. */
  commonLanguages: string[];
  reason: { en: string; ko: string };
}

export const DEFAULT_SUGGESTION_LIMIT = 10;

/**
 * Below the weight of even the commonest shared category (ln 2 ≈ 0.69), so a language in
 * common only reorders candidates with similar interests and never outranks a shared category.
 */
export const COMMON_LANGUAGE_BONUS = 0.5;

const ALL_CATEGORIES: readonly ProductCategory[] = Object.values(PRODUCT_CATEGORIES).flat();

/*
 * Scoring. Each shared category counts ln(1 + N / n_c), where N is the number of candidates on
 * the other side and n_c how many of them list category c: sharing a category everyone lists says
 * little, sharing a rare one says a lot (inverse document frequency, smoothed so that it stays
 * positive). The pool for N and n_c ignores `exclude`, so scores do not shift as the participant
 * sends requests. A language both sides speak adds COMMON_LANGUAGE_BONUS; without one the meeting
 * goes through a Korean interpreter, which works but earns nothing. Ties go to the smaller id.
 */
export function suggestCounterparts(
  me: MatchParticipant,
  candidates: readonly MatchParticipant[],
  options: SuggestOptions = {},
): Suggestion[] {
  const limit = options.limit ?? DEFAULT_SUGGESTION_LIMIT;
  if (!Number.isInteger(limit) || limit < 0) throw new RangeError(`limit must be a non-negative integer, got ${limit}`);
  const exclude = options.exclude ?? new Set<string>();
  const names = new Map((options.categories ?? ALL_CATEGORIES).map((c) => [c.code, c]));

  // Each candidate once (the first occurrence of an id wins), never myself, only the other side.
  const seen = new Set<string>([me.id]);
  const pool: MatchParticipant[] = [];
  for (const c of candidates) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    if (c.side !== me.side) pool.push(c);
  }

  const frequency = new Map<string, number>();
  for (const c of pool) for (const code of new Set(c.interests)) frequency.set(code, (frequency.get(code) ?? 0) + 1);
  const weight = (code: string): number => Math.log(1 + pool.length / (frequency.get(code) ?? 1));

  const myInterests = new Set(me.interests);
  const myLanguages = new Set(me.languages.map((l) => l.toLowerCase()));

  const suggestions: Suggestion[] = [];
  for (const c of pool) {
    if (exclude.has(c.id)) continue;
    const shared = [...new Set(c.interests)]
      .filter((code) => myInterests.has(code))
      .sort((a, b) => weight(b) - weight(a) || compare(a, b));
    const commonLanguages = [...new Set(c.languages.map((l) => l.toLowerCase()))].filter((l) => myLanguages.has(l)).sort(compare);
    // Summed in a fixed order so equal sets give bit-identical scores (ties stay ties).
    let score = 0;
    for (const code of [...shared].sort(compare)) score += weight(code);
    if (commonLanguages.length > 0) score += COMMON_LANGUAGE_BONUS;
    suggestions.push({ participant: c, score, sharedInterests: shared, commonLanguages, reason: explain(shared, commonLanguages, names) });
  }
  suggestions.sort((a, b) => b.score - a.score || compare(a.participant.id, b.participant.id));
  return suggestions.slice(0, limit);
}

/** Code-unit order: the same everywhere, unlike localeCompare. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function explain(shared: string[], languages: string[], categories: ReadonlyMap<string, ProductCategory>): { en: string; ko: string } {
  const en: string[] = [];
  const ko: string[] = [];
  if (shared.length > 0) {
    const label = shared.length === 1 ? 'category' : 'categories';
    en.push(`Shares ${shared.length} product ${label}: ${shared.map((c) => categories.get(c)?.nameEn ?? c).join(', ')}`);
    ko.push(`공통 품목 ${shared.length}개: ${shared.map((c) => categories.get(c)?.nameKo ?? c).join(', ')}`);
  } else {
    en.push('No shared product categories');
    ko.push('공통 품목 없음');
  }
  if (languages.length > 0) {
    en.push(`speaks ${languages.map((l) => languageName(l, 'en')).join(', ')}`);
    ko.push(`${languages.map((l) => languageName(l, 'ko')).join(', ')} 가능`);
  } else {
    en.push('no common language (Korean interpreter)');
    ko.push('공통 언어 없음(통역 필요)');
  }
  return { en: en.join('; '), ko: ko.join('; ') };
}

const languageNames = {
  en: new Intl.DisplayNames(['en'], { type: 'language', fallback: 'code' }),
  ko: new Intl.DisplayNames(['ko'], { type: 'language', fallback: 'code' }),
};

function languageName(code: string, locale: 'en' | 'ko'): string {
  try {
    return languageNames[locale].of(code) ?? code;
  } catch {
    return code; // not a well-formed language tag: show it as given
  }
}
