import { greeting, html, htmlFrame, type MailTemplate } from '../../../core/mail/mail-template';
import { wordsOf, type EditableMailText } from '../../../core/mail/mail-text';
import { meetingsMailReason } from './meetings-mail-reason';
import type { NoticeEvent } from '../entities/meeting-request-notice.entity';

export interface RequestDigestItem {
  event: NoticeEvent;
  counterpart: string;
  counterpartCountry: string;
}

export interface RequestDigestParams {
  contactName: string;
  editionNameKo: string;
  editionNameEn: string;
  /** Oldest first. */
  items: RequestDigestItem[];
}

const KO: Record<NoticeEvent, (who: string) => string> = {
  received: (who) => `${who}에서 상담을 신청했습니다. 개인 링크에서 수락하거나 거절해 주세요.`,
  sent: (who) => `${who}에 상담 신청을 보냈습니다. 상대의 답을 기다리는 중입니다.`,
  accepted: (who) => `${who}와의 상담이 확정되었습니다(수락됨). 일정은 배정 후 알려 드립니다.`,
  declined: (who) => `${who}와의 상담 신청이 거절되었습니다.`,
  expired: (who) => `${who}와의 상담 신청이 기한 내에 답을 받지 못해 만료되었습니다.`,
};
const EN: Record<NoticeEvent, (who: string) => string> = {
  received: (who) => `${who} asked to meet you. Accept or decline on your private page.`,
  sent: (who) => `Your request to meet ${who} was sent; it waits for their answer.`,
  accepted: (who) => `The meeting with ${who} is accepted. You will get its time once the schedule is made.`,
  declined: (who) => `The request to meet ${who} was declined.`,
  expired: (who) => `The request to meet ${who} expired without an answer.`,
};

/** The words before the list of what happened (the list stays code). */
const editable: EditableMailText<RequestDigestParams> = {
  kinds: [{
    key: 'meetings.request-digest',
    label: { ko: '수출상담 신청 알림', en: 'Meeting request updates' },
    trigger: {
      ko: '참가자의 상담 신청을 받거나 보내고, 신청이 수락·거절·만료될 때 모아서 (변동 목록이 본문 아래에 붙습니다)',
      en: "A participant's meeting requests are received, sent, accepted, declined or expire, gathered in one email (the list of changes follows the text)",
    },
    defaults: {
      ko: { subject: '[Fairgate] 수출상담 신청 알림 {{update_count}}: {{edition_name}}', body: '수출상담 신청에 다음과 같은 변동이 있었습니다.' },
      en: { subject: '[Fairgate] {{update_count}} on your meeting requests: {{edition_name}}', body: 'Here is what happened to your export meeting requests:' },
    },
  }],
  kindOf: () => 'meetings.request-digest',
  placeholders: [
    { name: 'contact_name', description: { ko: '받는 사람 이름', en: 'The reader' } },
    { name: 'edition_name', description: { ko: '전시회 이름 (메일 언어로)', en: 'The fair, in the language of the mail' } },
    { name: 'update_count', description: { ko: '변동 건수 (예: 3건)', en: 'How many updates (e.g. 3 updates)' } },
  ],
  values: (p, locale) => ({
    contact_name: p.contactName,
    edition_name: locale === 'ko' ? p.editionNameKo : p.editionNameEn,
    update_count: locale === 'ko' ? `${p.items.length}건` : `${p.items.length} update${p.items.length === 1 ? '' : 's'}`,
  }),
  sample: {
    contactName: 'Nguyen Van An', editionNameKo: '2027 국제뿌리산업전시회', editionNameEn: '2027 PPURI Fair',
    items: [{ event: 'received', counterpart: '빛고을정밀 주식회사', counterpartCountry: 'KR' }, { event: 'accepted', counterpart: '무등금형', counterpartCountry: 'KR' }],
  },
};

/**
 * Everything that happened to a participant's meeting requests since its last digest — received,
 * sent, accepted, declined, expired — in one email, so a burst of requests is one message.
 */
export const requestDigestMail: MailTemplate<RequestDigestParams> = {
  name: 'meetings.request-digest',
  editable,
  render(p, locale, context, custom) {
    const ko = locale === 'ko';
    const lines = p.items.map((i) => (ko ? KO : EN)[i.event](`${i.counterpart} (${i.counterpartCountry})`));
    const edition = ko ? p.editionNameKo : p.editionNameEn;
    const words = wordsOf(editable, p, locale, context, custom);
    const subject = words.subject;
    const hello = greeting(p.contactName, ko ? 'ko' : 'en');
    return {
      subject,
      text: `${hello}\n\n${words.text}\n\n${lines.map((l) => `- ${l}`).join('\n')}`,
      reason: meetingsMailReason(ko ? 'ko' : 'en', edition),
      html: htmlFrame(ko ? 'ko' : 'en', subject, html`<p>${hello}</p>${words.html}<ul>${lines.map((l) => html`<li>${l}</li>`)}</ul>`, meetingsMailReason(ko ? 'ko' : 'en', edition)),
    };
  },
};
