import { greeting, html, singleLine, type MailTemplate } from '../../../core/mail/mail-template';
import { attendeeMailHtml, timeSpan, why } from './attendee-mail-frame';
import type { Bilingual } from '../domain/itinerary';

export interface ReminderMailParams {
  name: string;
  edition: Bilingual;
  /** `day-before`: the visit starts tomorrow; `item`: one session or meeting starts soon. */
  kind: 'day-before' | 'item';
  items: Array<{ startsAt: string; endsAt: string; title: Bilingual; location: Bilingual }>;
}


/** A reminder before the visit or before one item of it. */
export const reminderMail: MailTemplate<ReminderMailParams> = {
  name: 'attendees.reminder',
  render(p, locale) {
    const ko = locale === 'ko';
    const first = p.items[0];
    const subject = singleLine(p.kind === 'day-before'
      ? (ko ? `[Fairgate] 내일 뵙겠습니다: ${p.edition.ko}` : `[Fairgate] See you tomorrow: ${p.edition.en}`)
      : (ko ? `[Fairgate] 곧 시작합니다: ${first?.title.ko ?? ''}` : `[Fairgate] Starting soon: ${first?.title.en ?? ''}`));
    const lines = p.items.map((i) => `${timeSpan(i.startsAt, i.endsAt, locale)} ${i.title[locale]} · ${i.location[locale]}`);
    const hello = greeting(p.name, locale);
    const lead = ko ? '일정을 알려 드립니다 (한국 시간).' : 'A reminder of your plan (Korea time).';
    return {
      subject,
      text: [hello, '', lead, '', ...lines.map((l) => `- ${l}`)].join('\n'),
      reason: why(p.edition[locale], locale),
      html: attendeeMailHtml(locale, subject, html`<p>${hello}</p><p>${lead}</p><ul>${lines.map((l) => html`<li>${l}</li>`)}</ul>`, p.edition[locale]),
    };
  },
};
