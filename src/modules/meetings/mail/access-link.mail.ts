import { greeting, html, htmlFrame, singleLine, type MailTemplate } from '../../../core/mail/mail-template';
import { meetingsMailReason } from './meetings-mail-reason';

export interface AccessLinkParams {
  contactName: string;
  editionNameKo: string;
  editionNameEn: string;
  /** Path of the participant's private page (the token is the only key: it is sent only here). */
  accessPath: string;
}

/** Sent when a buyer registers for the export meetings: the private link to its meeting page. */
export const accessLinkMail: MailTemplate<AccessLinkParams> = {
  name: 'meetings.access-link',
  render(p, locale, { publicUrl }) {
    const link = `${publicUrl}${p.accessPath}`;
    if (locale === 'ko') {
      const subject = singleLine(`[Fairgate] 수출상담회 등록 완료: ${p.editionNameKo}`);
      const lead = '수출상담회 참가 등록이 완료되었습니다. 아래 개인 링크에서 상담 가능 시간을 알려 주시고, 추천 기업에 상담을 신청하거나 받은 신청에 답할 수 있습니다. 링크는 다른 사람과 공유하지 마세요.';
      return {
        subject,
        text: `${greeting(p.contactName, 'ko')}\n\n${lead}\n\n${link}`,
        reason: meetingsMailReason('ko', p.editionNameKo),
        html: htmlFrame('ko', subject, html`<p>${greeting(p.contactName, 'ko')}</p><p>${lead}</p><p><a href="${link}">${link}</a></p>`, meetingsMailReason('ko', p.editionNameKo)),
      };
    }
    const subject = singleLine(`[Fairgate] You are registered for the export meetings: ${p.editionNameEn}`);
    const lead = 'You are registered for the export business meetings. On your private page below you can tell us when you are available, request meetings with suggested exhibitors and answer the requests you receive. Do not share this link.';
    return {
      subject,
      text: `${greeting(p.contactName, 'en')}\n\n${lead}\n\n${link}`,
      reason: meetingsMailReason('en', p.editionNameEn),
      html: htmlFrame('en', subject, html`<p>${greeting(p.contactName, 'en')}</p><p>${lead}</p><p><a href="${link}">${link}</a></p>`, meetingsMailReason('en', p.editionNameEn)),
    };
  },
};
