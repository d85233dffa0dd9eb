import { htmlFrame, type MailLocale, type SafeHtml } from '../../../core/mail/mail-template';
import { displayDate, displayTimeRange } from '../../../core/time/display';

/*
 * What every visitor email shares beyond core's frame and greeting: dates and times written by hand
 * in Korea time (display.ts), and the footer's reason: why the visitor got the email.
 */

/** 2027년 4월 28일 (수) 오후 2:00–오후 3:30 / Wed 28 Apr 2027, 2:00 PM–3:30 PM. */
export const timeSpan = (startsAt: string, endsAt: string, locale: MailLocale): string => displayTimeRange(startsAt, endsAt, locale);

/** The visit days written out: 2027년 4월 28일 (수), 2027년 4월 29일 (목). */
export const dayList = (days: string[], locale: MailLocale): string => days.map((d) => displayDate(d, locale)).join(', ');

/** Why the visitor got it: the registration for the edition with this address. */
export function why(edition: string, locale: MailLocale): string {
  return locale === 'ko'
    ? `${edition} 참관 등록 때 입력하신 이메일 주소로 보내 드리는 안내입니다.`
    : `You receive this email because this address was registered as a visitor of ${edition}.`;
}

/** The email's HTML in core's frame, whose footer says why the visitor got it. */
export function attendeeMailHtml(locale: MailLocale, title: string, body: SafeHtml, edition: string): string {
  return htmlFrame(locale, title, body, why(edition, locale));
}
