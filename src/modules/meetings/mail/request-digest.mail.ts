import { greeting, html, htmlFrame, singleLine, type MailTemplate } from '../../../core/mail/mail-template';
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

/**
 * Everything that happened to a participant's meeting requests since its last digest — received,
 * sent, accepted, declined, expired — in one email, so a burst of requests is one message.
 */
export const requestDigestMail: MailTemplate<RequestDigestParams> = {
  name: 'meetings.request-digest',
  render(p, locale) {
    const ko = locale === 'ko';
    const lines = p.items.map((i) => (ko ? KO : EN)[i.event](`${i.counterpart} (${i.counterpartCountry})`));
    const edition = ko ? p.editionNameKo : p.editionNameEn;
    const subject = ko
      ? singleLine(`[Fairgate] 수출상담 신청 알림 ${p.items.length}건: ${p.editionNameKo}`)
      : singleLine(`[Fairgate] ${p.items.length} update${p.items.length === 1 ? '' : 's'} on your meeting requests: ${p.editionNameEn}`);
    const hello = greeting(p.contactName, ko ? 'ko' : 'en');
    const lead = ko ? '수출상담 신청에 다음과 같은 변동이 있었습니다.' : 'Here is what happened to your export meeting requests:';
    return {
      subject,
      text: `${hello}\n\n${lead}\n\n${lines.map((l) => `- ${l}`).join('\n')}`,
      reason: meetingsMailReason(ko ? 'ko' : 'en', edition),
      html: htmlFrame(ko ? 'ko' : 'en', subject, html`<p>${hello}</p><p>${lead}</p><ul>${lines.map((l) => html`<li>${l}</li>`)}</ul>`, meetingsMailReason(ko ? 'ko' : 'en', edition)),
    };
  },
};
