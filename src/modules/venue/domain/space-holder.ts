import { displayTimeRange, type DisplayLang } from '../../../core/time/display';
import { formatLocal } from '../../../core/time/zoned-time';

/** The kinds of thing the floors above book a space for. */
export const HOLDER_KINDS = ['edition-hall', 'conference-session', 'meeting-area'] as const;
export type HolderKind = (typeof HOLDER_KINDS)[number];

/**
 * What holds a space, as the floor above names it: `ref` is unique among active bookings
 * (`conference-session:<id>`), the labels say what it is in each language
 * ("conference session 'Smart mobility' of 2027 PPURI Fair").
 */
export interface SpaceHolder {
  kind: HolderKind;
  ref: string;
  labelEn: string;
  labelKo: string;
}

/** The active booking in the way of another, as a conflict names it. */
export interface HoldingConflict {
  bookingId: string;
  status: string;
  spaceCode: string;
  spaceNameKo: string;
  spaceNameEn: string;
  occupiedFrom: Date;
  occupiedUntil: Date;
  purpose: string;
  holderKind: string | null;
  holderLabelEn: string | null;
  holderLabelKo: string | null;
}

/** "2027-04-28 14:00–15:30", or both ends written out when they fall on different days. */
export function plainSpan(from: Date, until: Date, zone: string): string {
  const a = formatLocal(from, zone);
  const b = formatLocal(until, zone);
  const day = (s: string): string => s.slice(0, 10);
  const clock = (s: string): string => s.slice(11, 16);
  return day(a) === day(b) ? `${day(a)} ${clock(a)}–${clock(b)}` : `${day(a)} ${clock(a)} – ${day(b)} ${clock(b)}`;
}

/**
 * The sentence a conflict answers with, naming what holds the space: in English for the API
 * ("R301 is held 2027-04-28 14:00–15:30 by conference session 'Smart mobility' of 2027 PPURI Fair."),
 * in the page's language for a page (space names, dates as people read them).
 */
export function conflictSentence(c: HoldingConflict, zone: string, lang: DisplayLang | 'api'): string {
  if (lang === 'api') {
    const by = c.holderLabelEn ?? `booking ${c.bookingId} (${c.purpose})`;
    return `${c.spaceCode} is ${c.status === 'held' ? 'on hold' : 'held'} ${plainSpan(c.occupiedFrom, c.occupiedUntil, zone)} by ${by}.`;
  }
  const span = displayTimeRange(c.occupiedFrom, c.occupiedUntil, lang, zone);
  if (lang === 'ko') {
    const by = c.holderLabelKo ?? `다른 예약(${c.purpose})`;
    return `${c.spaceNameKo}: ${span}에 ${by}이(가) 사용합니다.`;
  }
  const by = c.holderLabelEn ?? `another booking (${c.purpose})`;
  return `${c.spaceNameEn} is held ${span} by ${by}.`;
}
