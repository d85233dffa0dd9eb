import { html, htmlFrame, singleLine, type MailLocale, type MailTemplate } from '../../../core/mail/mail-template';

export interface BookingMailParams {
  bookingId: string;
  spaceNameKo: string;
  spaceNameEn: string;
  purpose: string;
  /** Local times, already formatted with the venue's offset. */
  startsAt: string;
  endsAt: string;
  occupiedFrom: string;
  occupiedUntil: string;
  reason?: string | null;
}

type Kind = 'confirmed' | 'cancelled' | 'expired';

const WORDS: Record<Kind, Record<MailLocale, { subject: string; lead: string }>> = {
  confirmed: {
    ko: { subject: '예약 확정', lead: '다음 공간 예약이 확정되었습니다.' },
    en: { subject: 'Booking confirmed', lead: 'This booking of the venue is confirmed.' },
  },
  cancelled: {
    ko: { subject: '예약 취소', lead: '다음 공간 예약이 취소되었습니다.' },
    en: { subject: 'Booking cancelled', lead: 'This booking of the venue was cancelled.' },
  },
  expired: {
    ko: { subject: '가예약 만료', lead: '확정되지 않은 가예약이 만료되어 공간이 해제되었습니다.' },
    en: { subject: 'Hold expired', lead: 'This hold was not confirmed in time; the space is free again.' },
  },
};

function bookingMail(kind: Kind): MailTemplate<BookingMailParams> {
  return {
    name: `venue.booking-${kind}`,
    render(p, locale) {
      const w = WORDS[kind][locale];
      const space = locale === 'ko' ? p.spaceNameKo : p.spaceNameEn;
      const subject = singleLine(`[Fairgate] ${w.subject}: ${space} · ${p.purpose}`);
      const rows: Array<[string, string]> =
        locale === 'ko'
          ? [['예약 번호', p.bookingId], ['공간', `${space} (김대중컨벤션센터)`], ['용도', p.purpose], ['행사 시간', `${p.startsAt} ~ ${p.endsAt}`], ['점유 시간(설치·철거 포함)', `${p.occupiedFrom} ~ ${p.occupiedUntil}`]]
          : [['Booking', p.bookingId], ['Space', `${space} (Kim Dae-jung Convention Center)`], ['Purpose', p.purpose], ['Event time', `${p.startsAt} to ${p.endsAt}`], ['Occupied (setup and teardown included)', `${p.occupiedFrom} to ${p.occupiedUntil}`]];
      if (p.reason) rows.push([locale === 'ko' ? '사유' : 'Reason', p.reason]);
      return {
        subject,
        text: [w.lead, '', ...rows.map(([k, v]) => `${k}: ${v}`)].join('\n'),
        html: htmlFrame(locale, subject, html`<p>${w.lead}</p><table>${rows.map(([k, v]) => html`<tr><th style="text-align:left;padding-right:12px">${k}</th><td>${v}</td></tr>`)}</table>`),
      };
    },
  };
}

export const bookingConfirmedMail = bookingMail('confirmed');
export const bookingCancelledMail = bookingMail('cancelled');
export const holdExpiredMail = bookingMail('expired');
