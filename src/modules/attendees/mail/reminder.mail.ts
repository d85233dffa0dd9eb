import { greeting, html, type MailTemplate } from '../../../core/mail/mail-template';
import { wordsOf, type EditableMailText } from '../../../core/mail/mail-text';
import { attendeeMailHtml, timeSpan, why } from './attendee-mail-frame';
import type { Bilingual } from '../domain/itinerary';

export interface ReminderMailParams {
  name: string;
  edition: Bilingual;
  /** `day-before`: the visit starts tomorrow; `item`: one session or meeting starts soon. */
  kind: 'day-before' | 'item';
  items: Array<{ startsAt: string; endsAt: string; title: Bilingual; location: Bilingual }>;
}

const DAY_BEFORE_KIND = 'attendees.reminder.day-before';
const ITEM_KIND = 'attendees.reminder.item';

/** Organizers word the subject and the lead; the list of items (times, titles, places) stays code. */
const editable: EditableMailText<ReminderMailParams> = {
  kinds: [
    {
      key: DAY_BEFORE_KIND,
      label: { ko: '참관 전날 안내', en: 'The day before the visit' },
      trigger: { ko: '방문객의 첫 참관일 전날', en: 'The day before a visitor\'s first day' },
      defaults: {
        ko: { subject: '[Fairgate] 내일 뵙겠습니다: {{edition_name}}', body: '일정을 알려 드립니다 (한국 시간).' },
        en: { subject: '[Fairgate] See you tomorrow: {{edition_name}}', body: 'A reminder of your plan (Korea time).' },
      },
    },
    {
      key: ITEM_KIND,
      label: { ko: '세션·상담 시작 전 안내', en: 'A session or meeting starts soon' },
      trigger: { ko: '방문객이 고른 세션이나 상담이 곧 시작될 때', en: 'A session or meeting a visitor chose starts soon' },
      defaults: {
        ko: { subject: '[Fairgate] 곧 시작합니다: {{item_title}}', body: '일정을 알려 드립니다 (한국 시간).' },
        en: { subject: '[Fairgate] Starting soon: {{item_title}}', body: 'A reminder of your plan (Korea time).' },
      },
    },
  ],
  kindOf: (p) => (p.kind === 'day-before' ? DAY_BEFORE_KIND : ITEM_KIND),
  placeholders: [
    { name: 'name', description: { ko: '받는 사람 이름', en: 'The reader' } },
    { name: 'edition_name', description: { ko: '전시회 이름 (메일 언어로)', en: 'The fair, in the language of the mail' } },
    { name: 'item_title', description: { ko: '첫 일정의 제목', en: 'The title of the first item' } },
    { name: 'item_time', description: { ko: '첫 일정의 시간 (한국 시간)', en: 'When the first item takes place (Korea time)' } },
    { name: 'item_location', description: { ko: '첫 일정의 장소', en: 'Where the first item takes place' } },
  ],
  values: (p, locale) => {
    const first = p.items[0];
    return {
      name: p.name,
      edition_name: p.edition[locale],
      item_title: first?.title[locale] ?? '',
      item_time: first ? timeSpan(first.startsAt, first.endsAt, locale) : '',
      item_location: first?.location[locale] ?? '',
    };
  },
  sample: {
    name: '김서연', edition: { ko: '2027 광주국제그린카전시회', en: 'Green Car Show Gwangju 2027' }, kind: 'item',
    items: [{
      startsAt: '2027-04-28T05:00:00.000Z', endsAt: '2027-04-28T06:00:00.000Z',
      title: { ko: '전기차 배터리 재활용의 현재', en: 'EV battery recycling today' }, location: { ko: '컨퍼런스룸 301호', en: 'Conference Room 301' },
    }],
  },
  sampleFor: (kind) => ({ ...editable.sample, kind: kind === DAY_BEFORE_KIND ? 'day-before' : 'item' }),
};

/** A reminder before the visit or before one item of it. */
export const reminderMail: MailTemplate<ReminderMailParams> = {
  name: 'attendees.reminder',
  editable,
  render(p, locale, context, custom) {
    const words = wordsOf(editable, p, locale, context, custom);
    const lines = p.items.map((i) => `${timeSpan(i.startsAt, i.endsAt, locale)} ${i.title[locale]} · ${i.location[locale]}`);
    const hello = greeting(p.name, locale);
    return {
      subject: words.subject,
      text: [hello, '', words.text, '', ...lines.map((l) => `- ${l}`)].join('\n'),
      reason: why(p.edition[locale], locale),
      html: attendeeMailHtml(locale, words.subject, html`<p>${hello}</p>${words.html}<ul>${lines.map((l) => html`<li>${l}</li>`)}</ul>`, p.edition[locale]),
    };
  },
};
