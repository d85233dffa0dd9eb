import { displayTimeRange } from '../../../core/time/display';
import { greeting, html, htmlFrame, type MailTemplate } from '../../../core/mail/mail-template';
import { wordsOf, type EditableMailText } from '../../../core/mail/mail-text';
import { meetingsMailReason } from './meetings-mail-reason';

export interface SurveyMailParams {
  contactName: string;
  editionNameKo: string;
  editionNameEn: string;
  /** The company on the other side of the table. */
  counterpart: string;
  /** ISO instants of the meeting. */
  startsAt: string;
  endsAt: string;
  /** Path of the survey page under the participant's private link: /meetings/<token>/surveys/<meeting id>. */
  surveyPath: string;
}

const editable: EditableMailText<SurveyMailParams> = {
  kinds: [{
    key: 'meetings.survey',
    label: { ko: '상담 결과 설문', en: 'Meeting survey' },
    trigger: { ko: '상담이 진행됨으로 기록된 뒤 양쪽 참가자에게', en: 'After a meeting is recorded as held, to both sides' },
    defaults: {
      ko: {
        subject: '[Fairgate] 상담 결과 설문: {{counterpart}}',
        body: '{{meeting_time}}에 {{counterpart}}와(과) 진행한 수출상담에 참여해 주셔서 감사합니다. 아래 링크에서 만족도, 후속 상담 의향, 상담액과 계약추진액(미화 달러)을 알려 주세요. 1분이면 충분합니다.\n\n{{survey_url}}\n\n이 링크는 본인 전용 페이지입니다. 다른 사람과 공유하지 마세요.',
      },
      en: {
        subject: '[Fairgate] How did your meeting with {{counterpart}} go?',
        body: 'Thank you for meeting {{counterpart}} ({{meeting_time}}). Please tell us on the page below how it went: your satisfaction, whether you want to follow up, and the consultation and expected contract amounts (US dollars). It takes a minute.\n\n{{survey_url}}\n\nThis link is your private page. Do not share it.',
      },
    },
  }],
  kindOf: () => 'meetings.survey',
  placeholders: [
    { name: 'contact_name', description: { ko: '받는 사람 이름', en: 'The reader' } },
    { name: 'edition_name', description: { ko: '전시회 이름 (메일 언어로)', en: 'The fair, in the language of the mail' } },
    { name: 'counterpart', description: { ko: '상담 상대 회사', en: 'The company on the other side of the table' } },
    { name: 'meeting_time', description: { ko: '상담 일시', en: 'When the meeting was' } },
    { name: 'survey_url', description: { ko: '설문 페이지 링크 (꼭 있어야 합니다)', en: 'Link to the survey page (required)' }, kind: 'url', required: true },
  ],
  values: (p, locale, { publicUrl }) => ({
    contact_name: p.contactName,
    edition_name: locale === 'ko' ? p.editionNameKo : p.editionNameEn,
    counterpart: p.counterpart,
    meeting_time: displayTimeRange(p.startsAt, p.endsAt, locale),
    survey_url: `${publicUrl}${p.surveyPath}`,
  }),
  sample: {
    contactName: 'Nguyen Van An', editionNameKo: '2027 국제뿌리산업전시회', editionNameEn: '2027 PPURI Fair', counterpart: '빛고을정밀 주식회사',
    startsAt: '2027-04-28T05:00:00.000Z', endsAt: '2027-04-28T05:30:00.000Z', surveyPath: '/meetings/3q9Zk2sample/surveys/1',
  },
};

/**
 * After a meeting recorded as held, each side is asked a short survey (satisfaction, follow-up,
 * 상담액 and 계약추진액) on its private page. Written by the survey sweep, once per meeting and side.
 */
export const surveyMail: MailTemplate<SurveyMailParams> = {
  name: 'meetings.survey',
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
