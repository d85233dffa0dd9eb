import type { MailLocale } from '../../../core/mail/mail-template';

const REASON: Record<MailLocale, (edition: string) => string> = {
  ko: (edition) => `${edition} 수출상담회에 참가 등록하셨기 때문에 이 메일을 보내 드립니다.`,
  en: (edition) => `You receive this email because you are registered for the export meetings of ${edition}.`,
};

/** Why the reader gets a meetings email, for the shared footer (core's htmlFrame and renderMail). */
export function meetingsMailReason(locale: MailLocale, edition: string): string {
  return REASON[locale](edition);
}
