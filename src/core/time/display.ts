/**
 * Dates and times as people read them, in Korean and English, written out by hand: the server's
 * ICU data is not certain (`ko-KR` gave "2027. 2. 27. AM 10:00" on one machine), these functions are.
 *   ko: 2027년 4월 28일 (수) 오후 2:00      en: Wed 28 Apr 2027, 2:00 PM
 */
import { DEFAULT_TIME_ZONE, toLocal } from './zoned-time';

export type DisplayLang = 'ko' | 'en';

const WEEKDAYS_KO = ['일', '월', '화', '수', '목', '금', '토'];
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface DateStyle {
  /** Show the weekday: 2027년 4월 28일 (수) / Wed 28 Apr 2027. Default true. */
  weekday?: boolean;
  /** Show the year. Default true. */
  year?: boolean;
}

/** A local calendar date (YYYY-MM-DD) written out. */
export function displayDate(date: string, lang: DisplayLang, style: DateStyle = {}): string {
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const withWeekday = style.weekday ?? true;
  const withYear = style.year ?? true;
  if (lang === 'ko') {
    const day = `${withYear ? `${y}년 ` : ''}${m}월 ${d}일`;
    return withWeekday ? `${day} (${WEEKDAYS_KO[weekday]})` : day;
  }
  const day = `${d} ${MONTHS_EN[m - 1]}${withYear ? ` ${y}` : ''}`;
  return withWeekday ? `${WEEKDAYS_EN[weekday]} ${day}` : day;
}

/** Minutes after local midnight as a 12-hour clock: 오후 2:00 / 2:00 PM (오전 12:00 is midnight). */
export function displayClock(minutesAfterMidnight: number, lang: DisplayLang): string {
  const minutes = ((Math.round(minutesAfterMidnight) % 1440) + 1440) % 1440;
  const h24 = Math.floor(minutes / 60);
  const mm = String(minutes % 60).padStart(2, '0');
  const h12 = h24 % 12 === 0 ? 12 : h24 % 12;
  if (lang === 'ko') return `${h24 < 12 ? '오전' : '오후'} ${h12}:${mm}`;
  return `${h12}:${mm} ${h24 < 12 ? 'AM' : 'PM'}`;
}

/** "HH:MM" (local) as a 12-hour clock. */
export function displayLocalTime(time: string, lang: DisplayLang): string {
  const [h, m] = time.split(':').map(Number);
  return displayClock(h * 60 + m, lang);
}

function asInstant(instant: Date | string): Date {
  return instant instanceof Date ? instant : new Date(instant);
}

/** The time of an instant in a zone: 오후 2:00 / 2:00 PM. */
export function displayTime(instant: Date | string, lang: DisplayLang, zone: string = DEFAULT_TIME_ZONE): string {
  return displayClock(toLocal(asInstant(instant), zone).minutes, lang);
}

/** An instant in a zone: 2027년 4월 28일 (수) 오후 2:00 / Wed 28 Apr 2027, 2:00 PM. */
export function displayDateTime(instant: Date | string, lang: DisplayLang, zone: string = DEFAULT_TIME_ZONE, style: DateStyle = {}): string {
  const local = toLocal(asInstant(instant), zone);
  const sep = lang === 'ko' ? ' ' : ', ';
  return `${displayDate(local.date, lang, style)}${sep}${displayClock(local.minutes, lang)}`;
}

/** A span of two instants on one page: 2027년 4월 28일 (수) 오후 2:00–오후 2:30, the date written once when both fall on it. */
export function displayTimeRange(start: Date | string, end: Date | string, lang: DisplayLang, zone: string = DEFAULT_TIME_ZONE, style: DateStyle = {}): string {
  const a = toLocal(asInstant(start), zone);
  const b = toLocal(asInstant(end), zone);
  if (a.date === b.date) return `${displayDateTime(start, lang, zone, style)}–${displayClock(b.minutes, lang)}`;
  return `${displayDateTime(start, lang, zone, style)} – ${displayDateTime(end, lang, zone, style)}`;
}

/** Two local dates: 2027년 4월 28일 (수) – 4월 30일 (금) / Wed 28 – Fri 30 Apr 2027 is left simple: both written out. */
export function displayDateRange(from: string, to: string, lang: DisplayLang, style: DateStyle = {}): string {
  if (from === to) return displayDate(from, lang, style);
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  return `${displayDate(from, lang, style)} – ${displayDate(to, lang, { ...style, year: lang === 'en' ? style.year : sameYear ? false : style.year })}`;
}
