import { html, htmlFrame, type MailLocale, type MailTemplate } from '../../../core/mail/mail-template';
import { wordsOf, type EditableMailText, type MailTextKind } from '../../../core/mail/mail-text';
import { displayTimeRange } from '../../../core/time/display';

export interface BookingMailParams {
  bookingId: string;
  spaceNameKo: string;
  spaceNameEn: string;
  purpose: string;
  /** ISO 8601 instants with the venue's offset (2027-04-28T10:00:00+09:00); the mail writes them out for people. */
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

const WHEN: Record<Kind, { label: Record<MailLocale, string>; trigger: Record<MailLocale, string> }> = {
  confirmed: {
    label: { ko: '공간 예약 확정', en: 'Venue booking confirmed' },
    trigger: { ko: '이 전시회를 위한 공간 예약이 확정될 때', en: 'A booking of the venue made for this fair is confirmed' },
  },
  cancelled: {
    label: { ko: '공간 예약 취소', en: 'Venue booking cancelled' },
    trigger: { ko: '이 전시회를 위한 공간 예약이 취소될 때', en: 'A booking of the venue made for this fair is cancelled' },
  },
  expired: {
    label: { ko: '가예약 만료', en: 'Venue hold expired' },
    trigger: { ko: '이 전시회를 위한 가예약이 기한 안에 확정되지 않아 풀릴 때', en: 'A hold of the venue made for this fair expires unconfirmed' },
  },
};

/** Said after every trigger: the edition's text applies only where the booking carries the edition. */
const SCOPE_NOTE: Record<MailLocale, string> = {
  ko: ' (예약 번호·공간·시간 표가 본문 아래에 붙습니다. 전시회와 연결되지 않은 예약은 늘 기본 문구로 나갑니다)',
  en: ' (the table of booking, space and times follows the text; a booking not made for a fair always gets the default words)',
};

/**
 * The words before the booking's table (the table stays code). A booking carries an edition only
 * when it serves one; the texts are stored per edition, so a plain venue booking keeps the defaults.
 */
function editableOf(kind: Kind): EditableMailText<BookingMailParams> {
  const key = `venue.booking-${kind}`;
  const textKind: MailTextKind = {
    key,
    label: WHEN[kind].label,
    trigger: { ko: `${WHEN[kind].trigger.ko}${SCOPE_NOTE.ko}`, en: `${WHEN[kind].trigger.en}${SCOPE_NOTE.en}` },
    defaults: {
      ko: { subject: `[Fairgate] ${WORDS[kind].ko.subject}: {{space_name}} · {{purpose}}`, body: WORDS[kind].ko.lead },
      en: { subject: `[Fairgate] ${WORDS[kind].en.subject}: {{space_name}} · {{purpose}}`, body: WORDS[kind].en.lead },
    },
  };
  return {
    kinds: [textKind],
    kindOf: () => key,
    placeholders: [
      { name: 'space_name', description: { ko: '예약한 공간 (메일 언어로)', en: 'The space, in the language of the mail' } },
      { name: 'purpose', description: { ko: '예약 용도', en: 'What the booking is for' } },
    ],
    values: (p, locale) => ({ space_name: locale === 'ko' ? p.spaceNameKo : p.spaceNameEn, purpose: p.purpose }),
    sample: {
      bookingId: '9d2c6e41-5b7a-4f18-a3c0-6e1f4b8d2a75', spaceNameKo: '전시홀 1', spaceNameEn: 'Exhibition Hall 1', purpose: '2027 국제뿌리산업전시회 전시장',
      startsAt: '2027-04-28T10:00:00+09:00', endsAt: '2027-04-30T17:00:00+09:00', occupiedFrom: '2027-04-26T08:00:00+09:00', occupiedUntil: '2027-05-01T20:00:00+09:00', reason: kind === 'cancelled' ? '일정 변경' : null,
    },
  };
}

function bookingMail(kind: Kind): MailTemplate<BookingMailParams> {
  const editable = editableOf(kind);
  return {
    name: `venue.booking-${kind}`,
    editable,
    render(p, locale, context, custom) {
      const space = locale === 'ko' ? p.spaceNameKo : p.spaceNameEn;
      const words = wordsOf(editable, p, locale, context, custom);
      const subject = words.subject;
      // The venue's clock (Asia/Seoul), written as people read it: 2027년 4월 28일 (수) 오전 10:00 – …
      const eventTime = displayTimeRange(p.startsAt, p.endsAt, locale);
      const occupied = displayTimeRange(p.occupiedFrom, p.occupiedUntil, locale);
      const rows: Array<[string, string]> =
        locale === 'ko'
          ? [['예약 번호', p.bookingId], ['공간', `${space} (김대중컨벤션센터)`], ['용도', p.purpose], ['행사 시간', eventTime], ['점유 시간(설치·철거 포함)', occupied]]
          : [['Booking', p.bookingId], ['Space', `${space} (Kim Dae-jung Convention Center)`], ['Purpose', p.purpose], ['Event time', eventTime], ['Occupied (setup and teardown included)', occupied]];
      if (p.reason) rows.push([locale === 'ko' ? '사유' : 'Reason', p.reason]);
      return {
        subject,
        text: [words.text, '', ...rows.map(([k, v]) => `${k}: ${v}`)].join('\n'),
        html: htmlFrame(locale, subject, html`${words.html}<table>${rows.map(([k, v]) => html`<tr><th style="text-align:left;padding-right:12px">${k}</th><td>${v}</td></tr>`)}</table>`),
      };
    },
  };
}

export const bookingConfirmedMail = bookingMail('confirmed');
export const bookingCancelledMail = bookingMail('cancelled');
export const holdExpiredMail = bookingMail('expired');
