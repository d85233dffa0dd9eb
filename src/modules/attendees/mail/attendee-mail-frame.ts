import { html, type MailLocale, type SafeHtml } from '../../../core/mail/mail-template';
import { displayDate, displayTimeRange } from '../../../core/time/display';

/*
 * What every visitor email shares: the greeting (김민준 님), dates and times written by hand in
 * Korea time (display.ts), and a footer in the email's language that names the venue, its address
 * and why the visitor got the email.
 */

const VENUE = {
  ko: { name: '김대중컨벤션센터', address: '광주광역시 서구 상무누리로 30' },
  en: { name: 'Kim Dae-jung Convention Center', address: '30 Sangmunuri-ro, Seo-gu, Gwangju, Korea' },
} as const;

export const hello = (name: string, locale: MailLocale): string => (locale === 'ko' ? `${name} 님, 안녕하세요.` : `Dear ${name},`);

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

export function footerText(edition: string, locale: MailLocale): string {
  const v = VENUE[locale];
  return `--\n${why(edition, locale)}\nFairgate · ${v.name} · ${v.address}\n`;
}

/** The email's HTML: the body, then the footer in the email's language. */
export function attendeeMailHtml(locale: MailLocale, title: string, body: SafeHtml, edition: string): string {
  const v = VENUE[locale];
  return html`<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title></head><body style="font-family:system-ui,-apple-system,'Malgun Gothic',sans-serif;line-height:1.5;color:#1a1a1a;max-width:640px;margin:0 auto;padding:16px">${body}<hr style="border:none;border-top:1px solid #ddd;margin:24px 0"><p style="font-size:12px;color:#666">${why(edition, locale)}<br>Fairgate · ${v.name} · ${v.address}</p></body></html>`.value;
}
