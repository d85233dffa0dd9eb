import { html, type MailLocale, type SafeHtml } from '../../../core/mail/mail-template';

/**
 * The frame of the meetings' emails: the body, then a footer in the mail's language naming the
 * venue, its address and why the reader gets the email. The Korean mail has no English in it.
 */
const FOOTER: Record<MailLocale, { venue: string; why: (edition: string) => string }> = {
  ko: {
    venue: 'Fairgate · 김대중컨벤션센터 · 광주광역시 서구 상무누리로 30',
    why: (edition) => `${edition} 수출상담회에 참가 등록하셨기 때문에 이 메일을 보내 드립니다.`,
  },
  en: {
    venue: 'Fairgate · Kim Dae-jung Convention Center · 30 Sangmunuri-ro, Seo-gu, Gwangju, Korea',
    why: (edition) => `You receive this email because you are registered for the export meetings of ${edition}.`,
  },
};

/** "김민준 님, 안녕하세요." / "Dear Kim Min-jun,". */
export function greeting(name: string, locale: MailLocale): string {
  return locale === 'ko' ? `${name} 님, 안녕하세요.` : `Dear ${name},`;
}

/** The text part's footer, after a blank line. */
export function textFooter(locale: MailLocale, edition: string): string {
  const f = FOOTER[locale];
  return `\n--\n${f.why(edition)}\n${f.venue}\n`;
}

export function meetingsMailHtml(locale: MailLocale, title: string, edition: string, body: SafeHtml): string {
  const f = FOOTER[locale];
  return html`<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title></head><body style="font-family:system-ui,-apple-system,'Malgun Gothic',sans-serif;line-height:1.5;color:#1a1a1a;max-width:640px;margin:0 auto;padding:16px;word-break:keep-all">${body}<hr style="border:none;border-top:1px solid #ddd;margin:24px 0"><p style="font-size:12px;color:#666">${f.why(edition)}</p><p style="font-size:12px;color:#666">${f.venue}</p></body></html>`.value;
}
