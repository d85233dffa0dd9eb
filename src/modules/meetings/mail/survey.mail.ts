import { displayTimeRange } from '../../../core/time/display';
import { greeting, html, htmlFrame, singleLine, type MailTemplate } from '../../../core/mail/mail-template';
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

/**
 * After a meeting recorded as held, each side is asked a short survey (satisfaction, follow-up,
 * 상담액 and 계약추진액) on its private page. Written by the survey sweep, once per meeting and side.
 */
export const surveyMail: MailTemplate<SurveyMailParams> = {
  name: 'meetings.survey',
  render(p, locale, { publicUrl }) {
    const link = `${publicUrl}${p.surveyPath}`;
    const ko = locale === 'ko';
    const lang = ko ? 'ko' : 'en';
    const when = displayTimeRange(p.startsAt, p.endsAt, lang);
    const edition = ko ? p.editionNameKo : p.editionNameEn;
    const subject = ko
      ? singleLine(`[Fairgate] 상담 결과 설문: ${p.counterpart}`)
      : singleLine(`[Fairgate] How did your meeting with ${p.counterpart} go?`);
    const hello = greeting(p.contactName, lang);
    const lead = ko
      ? `${when}에 ${p.counterpart}와(과) 진행한 수출상담에 참여해 주셔서 감사합니다. 아래 링크에서 만족도, 후속 상담 의향, 상담액과 계약추진액(미화 달러)을 알려 주세요. 1분이면 충분합니다.`
      : `Thank you for meeting ${p.counterpart} (${when}). Please tell us on the page below how it went: your satisfaction, whether you want to follow up, and the consultation and expected contract amounts (US dollars). It takes a minute.`;
    const note = ko ? '이 링크는 본인 전용 페이지입니다. 다른 사람과 공유하지 마세요.' : 'This link is your private page. Do not share it.';
    const reason = meetingsMailReason(lang, edition);
    return {
      subject,
      text: `${hello}\n\n${lead}\n\n${link}\n\n${note}`,
      reason,
      html: htmlFrame(lang, subject, html`<p>${hello}</p><p>${lead}</p><p><a href="${link}">${link}</a></p><p>${note}</p>`, reason),
    };
  },
};
