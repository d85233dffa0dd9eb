import type { MailAttachment } from '../../../core/mail/mail-template';
import { greeting, html, singleLine, type MailLocale, type MailTemplate } from '../../../core/mail/mail-template';
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
    subjectNew: '[Fairgate] 참관 일정', subjectUpdate: '[Fairgate] 참관 일정이 바뀌었습니다', 
    leadNew: '참관 일정을 보내 드립니다. 첨부한 캘린더 파일을 열면 일정이 캘린더에 추가되고, 바뀌면 그 자리에서 고쳐집니다.',
    leadUpdate: '참관 일정이 바뀌었습니다. 첨부한 캘린더 파일을 열면 캘린더의 일정이 고쳐집니다.',
    plan: '일정', cancelledHead: '취소된 일정', changed: '변경', time: '(한국 시간)',
  },
  en: {
    subjectNew: '[Fairgate] Your visit itinerary', subjectUpdate: '[Fairgate] Your itinerary has changed', 
    leadNew: 'Here is the plan of your visit. Open the attached calendar files to add it to your calendar; later changes update it in place.',
    leadUpdate: 'Your itinerary has changed. Open the attached calendar files and your calendar updates the events.',
    plan: 'Your plan', cancelledHead: 'Cancelled', changed: 'changed', time: '(Korea time)',
  },
} as const;


/**
 * The itinerary email: the whole plan in order (HTML and text), the changed items marked, and one
 * iTIP calendar per changed or cancelled item (REQUEST / CANCEL, MIME method = METHOD inside).
 * Export meetings are listed but carry no invitation here: the meetings' own agenda email sends those,
 * with the same UID, so a calendar never holds a meeting twice.
 */
export const itineraryMail: MailTemplate<ItineraryMailParams> = {
  name: 'attendees.itinerary',
  render(p, locale: MailLocale) {
    const w = WORDS[locale];
    const subject = singleLine(`${p.full ? w.subjectNew : w.subjectUpdate}: ${p.edition[locale]}`);
    const line = (i: { startsAt: string; endsAt: string; title: Bilingual; location: Bilingual }): string =>
      `${timeSpan(i.startsAt, i.endsAt, locale)} ${i.title[locale]} · ${i.location[locale]}`;
    const text = [
      greeting(p.name, locale), '', p.full ? w.leadNew : w.leadUpdate, '', `${w.plan} ${w.time}:`,
      ...p.items.map((i) => `- ${line(i)}${i.changed && !p.full ? ` [${w.changed}]` : ''}${i.details[locale] ? `\n  ${i.details[locale].replace(/\n/g, '\n  ')}` : ''}`),
      ...(p.cancelled.length ? ['', `${w.cancelledHead}:`, ...p.cancelled.map((c) => `- ${line(c)}`)] : []),
    ].join('\n');
    const body = html`<p>${greeting(p.name, locale)}</p><p>${p.full ? w.leadNew : w.leadUpdate}</p><h2 style="font-size:16px">${`${w.plan} ${w.time}`}</h2><ol>${
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
