import { greeting, html, htmlFrame, type MailTemplate } from '../../../core/mail/mail-template';
import { wordsOf, type EditableMailText } from '../../../core/mail/mail-text';
import { meetingsMailReason } from './meetings-mail-reason';

export interface AccessLinkParams {
  contactName: string;
  editionNameKo: string;
  editionNameEn: string;
  /** Path of the participant's private page (the token is the only key: it is sent only here). */
  accessPath: string;
}

const editable: EditableMailText<AccessLinkParams> = {
  kinds: [{
    key: 'meetings.access-link',
    label: { ko: '수출상담회 등록 완료 (개인 링크)', en: 'Registered for the export meetings (private link)' },
    trigger: { ko: '바이어가 수출상담회에 등록할 때', en: 'A buyer registers for the export meetings' },
    defaults: {
      ko: {
        subject: '[Fairgate] 수출상담회 등록 완료: {{edition_name}}',
        body: '수출상담회 참가 등록이 완료되었습니다. 아래 개인 링크에서 상담 가능 시간을 알려 주시고, 추천 기업에 상담을 신청하거나 받은 신청에 답할 수 있습니다. 링크는 다른 사람과 공유하지 마세요.\n\n{{page_url}}',
      },
      en: {
        subject: '[Fairgate] You are registered for the export meetings: {{edition_name}}',
        body: 'You are registered for the export business meetings. On your private page below you can tell us when you are available, request meetings with suggested exhibitors and answer the requests you receive. Do not share this link.\n\n{{page_url}}',
      },
    },
  }],
  kindOf: () => 'meetings.access-link',
  placeholders: [
    { name: 'contact_name', description: { ko: '받는 사람 이름', en: 'The reader' } },
    { name: 'edition_name', description: { ko: '전시회 이름 (메일 언어로)', en: 'The fair, in the language of the mail' } },
    { name: 'page_url', description: { ko: '개인 상담 페이지 링크 (꼭 있어야 합니다)', en: 'Link to the private meetings page (required)' }, kind: 'url', required: true },
  ],
  values: (p, locale, { publicUrl }) => ({
    contact_name: p.contactName,
    edition_name: locale === 'ko' ? p.editionNameKo : p.editionNameEn,
    page_url: `${publicUrl}${p.accessPath}`,
  }),
  sample: { contactName: 'Nguyen Van An', editionNameKo: '2027 국제뿌리산업전시회', editionNameEn: '2027 PPURI Fair', accessPath: '/meetings/3q9Zk2sample' },
};

/** Sent when a buyer registers for the export meetings: the private link to its meeting page. */
export const accessLinkMail: MailTemplate<AccessLinkParams> = {
  name: 'meetings.access-link',
  editable,
  render(p, locale, context, custom) {
    const words = wordsOf(editable, p, locale, context, custom);
    const hello = greeting(p.contactName, locale);
    const reason = meetingsMailReason(locale, locale === 'ko' ? p.editionNameKo : p.editionNameEn);
    return {
      subject: words.subject,
      text: `${hello}\n\n${words.text}`,
      reason,
      html: htmlFrame(locale, words.subject, html`<p>${hello}</p>${words.html}`, reason),
    };
  },
};
