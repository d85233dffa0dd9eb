import type { MailAttachment } from '../../../core/mail/mail-template';
import { greeting, html, type MailLocale, type MailTemplate } from '../../../core/mail/mail-template';
import { wordsOf, type EditableMailText } from '../../../core/mail/mail-text';
import { attendeeMailHtml, timeSpan, why } from './attendee-mail-frame';
import { itineraryInvitations, type Bilingual, type ItemKind, type ItineraryDiff, type ItineraryItem } from '../domain/itinerary';

export interface ItineraryMailParams {
  attendeeId: string;
  name: string;
  email: string;
  edition: Bilingual;
  organizer: { email: string; name: string };
  /** A full itinerary (bulk send) rather than an update of what changed. */
  full: boolean;
  items: Array<{
    uid: string; kind: ItemKind; startsAt: string; endsAt: string; title: Bilingual; location: Bilingual; details: Bilingual;
    sequence: number; changed: boolean;
  }>;
  cancelled: Array<{ uid: string; sequence: number; title: Bilingual; location: Bilingual; startsAt: string; endsAt: string }>;
}

const WORDS = {
  ko: {
    plan: '일정', cancelledHead: '취소된 일정', changed: '변경', time: '(한국 시간)',
  },
  en: {
    plan: 'Your plan', cancelledHead: 'Cancelled', changed: 'changed', time: '(Korea time)',
  },
} as const;


const FULL = 'attendees.itinerary.full';
const UPDATE = 'attendees.itinerary.update';

/** The words before the plan (the plan, the cancelled items and the .ics files stay code). */
const editable: EditableMailText<ItineraryMailParams> = {
  kinds: [
    {
      key: FULL,
      label: { ko: '참관 일정 안내', en: 'Visit itinerary' },
      trigger: { ko: '주최 측이 참관객에게 전체 일정을 보낼 때 (일정 목록과 캘린더 파일이 본문 아래에 붙습니다)', en: 'The organizers send visitors their whole itinerary (the plan and the calendar files follow the text)' },
      defaults: {
        ko: { subject: '[Fairgate] 참관 일정: {{edition_name}}', body: '참관 일정을 보내 드립니다. 첨부한 캘린더 파일을 열면 일정이 캘린더에 추가되고, 바뀌면 그 자리에서 고쳐집니다.' },
        en: { subject: '[Fairgate] Your visit itinerary: {{edition_name}}', body: 'Here is the plan of your visit. Open the attached calendar files to add it to your calendar; later changes update it in place.' },
      },
    },
    {
      key: UPDATE,
      label: { ko: '참관 일정 변경 안내', en: 'Visit itinerary changed' },
      trigger: { ko: '참관객의 일정(세션, 상담)이 바뀔 때 (바뀐 일정 목록과 캘린더 파일이 본문 아래에 붙습니다)', en: "A visitor's itinerary (sessions, meetings) changes (the updated plan and the calendar files follow the text)" },
      defaults: {
        ko: { subject: '[Fairgate] 참관 일정이 바뀌었습니다: {{edition_name}}', body: '참관 일정이 바뀌었습니다. 첨부한 캘린더 파일을 열면 캘린더의 일정이 고쳐집니다.' },
        en: { subject: '[Fairgate] Your itinerary has changed: {{edition_name}}', body: 'Your itinerary has changed. Open the attached calendar files and your calendar updates the events.' },
      },
    },
  ],
  kindOf: (p) => (p.full ? FULL : UPDATE),
  placeholders: [
    { name: 'name', description: { ko: '받는 사람 이름', en: 'The reader' } },
    { name: 'edition_name', description: { ko: '전시회 이름 (메일 언어로)', en: 'The fair, in the language of the mail' } },
    { name: 'item_count', description: { ko: '일정 항목 수', en: 'The number of items in the plan' } },
  ],
  values: (p, locale) => ({ name: p.name, edition_name: p.edition[locale], item_count: String(p.items.length) }),
  sample: {
    attendeeId: '3b8f1d2e-6a47-4c09-8e15-7f2a9c4d6b30', name: '박서연', email: 'seoyeon.park@example.com', edition: { ko: '2027 국제뿌리산업전시회', en: '2027 PPURI Fair' },
    organizer: { email: 'no-reply@fairgate.example', name: '김대중컨벤션센터' }, full: true,
    items: [{
      uid: 'itinerary-sample@fairgate', kind: 'session', startsAt: '2027-04-28T05:00:00.000Z', endsAt: '2027-04-28T06:00:00.000Z',
      title: { ko: '스마트 제조 세미나', en: 'Smart manufacturing seminar' }, location: { ko: '컨퍼런스룸 301', en: 'Conference Room 301' },
      details: { ko: '', en: '' }, sequence: 0, changed: true,
    }],
    cancelled: [],
  },
  sampleFor: (kind) => ({ ...editable.sample, full: kind === FULL }),
};

/**
 * The itinerary email: the whole plan in order (HTML and text), the changed items marked, and one
 * iTIP calendar per changed or cancelled item (REQUEST / CANCEL, MIME method = METHOD inside).
 * Export meetings are listed but carry no invitation here: the meetings' own agenda email sends those,
 * with the same UID, so a calendar never holds a meeting twice.
 */
export const itineraryMail: MailTemplate<ItineraryMailParams> = {
  name: 'attendees.itinerary',
  editable,
  render(p, locale: MailLocale, context, custom) {
    const w = WORDS[locale];
    const words = wordsOf(editable, p, locale, context, custom);
    const subject = words.subject;
    const line = (i: { startsAt: string; endsAt: string; title: Bilingual; location: Bilingual }): string =>
      `${timeSpan(i.startsAt, i.endsAt, locale)} ${i.title[locale]} · ${i.location[locale]}`;
    const text = [
      greeting(p.name, locale), '', words.text, '', `${w.plan} ${w.time}:`,
      ...p.items.map((i) => `- ${line(i)}${i.changed && !p.full ? ` [${w.changed}]` : ''}${i.details[locale] ? `\n  ${i.details[locale].replace(/\n/g, '\n  ')}` : ''}`),
      ...(p.cancelled.length ? ['', `${w.cancelledHead}:`, ...p.cancelled.map((c) => `- ${line(c)}`)] : []),
    ].join('\n');
    const body = html`<p>${greeting(p.name, locale)}</p>${words.html}<h2 style="font-size:16px">${`${w.plan} ${w.time}`}</h2><ol>${
      p.items.map((i) => html`<li><strong>${line(i)}</strong>${i.changed && !p.full && html` <em>(${w.changed})</em>`}${
        i.details[locale] && html`<br><span style="white-space:pre-line">${i.details[locale]}</span>`}</li>`)}</ol>${
      p.cancelled.length > 0 && html`<h2 style="font-size:16px">${w.cancelledHead}</h2><ul>${p.cancelled.map((c) => html`<li><s>${line(c)}</s></li>`)}</ul>`}`;
    return { subject, text, reason: why(p.edition[locale], locale), html: attendeeMailHtml(locale, subject, body, p.edition[locale]), attachments: invitations(p, locale) };
  },
};

function invitations(p: ItineraryMailParams, locale: MailLocale): MailAttachment[] {
  const send = p.items.filter((i) => i.kind !== 'meeting' && (p.full || i.changed));
  const diff: ItineraryDiff = {
    changed: send.map((i) => ({ item: toItem(i), sequence: i.sequence, method: 'REQUEST' as const })),
    cancelled: p.cancelled.filter((c) => !c.uid.startsWith('meeting-')).map((c) => ({
      uid: c.uid, sequence: c.sequence, method: 'CANCEL' as const,
      last: { title: c.title, location: c.location, startsAt: new Date(c.startsAt), endsAt: new Date(c.endsAt) },
    })),
    sequences: new Map(),
  };
  return itineraryInvitations({ attendee: { id: p.attendeeId, name: p.name, email: p.email }, organizer: p.organizer }, diff, locale)
    .map((c, n) => ({ filename: `itinerary-${n + 1}.ics`, content: c.ics, contentType: `text/calendar; charset=utf-8; method=${c.method}` }));
}

function toItem(i: ItineraryMailParams['items'][number]): ItineraryItem {
  return { uid: i.uid, kind: i.kind, startsAt: new Date(i.startsAt), endsAt: new Date(i.endsAt), title: i.title, location: i.location, details: i.details, fingerprint: '' };
}
