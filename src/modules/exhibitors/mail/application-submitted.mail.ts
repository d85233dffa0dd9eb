import { greeting, html, htmlFrame, type SafeHtml, type MailLocale, type MailTemplate } from '../../../core/mail/mail-template';
import { wordsOf, type EditableMailText } from '../../../core/mail/mail-text';
import { displayDateRange } from '../../../core/time/display';
import { exhibitorMailReason } from './application-mail-head';

export interface ApplicationSubmittedParams {
  applicationId: string;
  companyName: string;
  contactName: string;
  businessRegistrationNumber: string;
  editionNameKo: string;
  editionNameEn: string;
  startsOn: string;
  endsOn: string;
  boothType: 'raw_space' | 'shell_scheme';
  boothCount: number;
  productCategories: string[];
}

const BOOTH_TYPE: Record<MailLocale, Record<ApplicationSubmittedParams['boothType'], string>> = {
  ko: { raw_space: '독립부스(면적만)', shell_scheme: '조립부스' },
  en: { raw_space: 'raw space', shell_scheme: 'shell scheme' },
};

/** The words before the table of the application (the table and the closing line stay code). */
const editable: EditableMailText<ApplicationSubmittedParams> = {
  kinds: [{
    key: 'exhibitor.application-submitted',
    label: { ko: '참가 신청 접수 확인', en: 'Application received (confirmation)' },
    trigger: { ko: '기업이 참가 신청서를 제출할 때 (신청 내용 표가 본문 아래에 붙습니다)', en: 'A company submits its application (the table of the application follows the text)' },
    defaults: {
      ko: { subject: '[Fairgate] 참가 신청 접수: {{edition_name}}', body: '참가 신청이 접수되었습니다. 심사 결과는 이메일로 알려 드립니다.' },
      en: { subject: '[Fairgate] Exhibitor application received: {{edition_name}}', body: 'We have received your application to exhibit. We will email you the result of the review.' },
    },
  }],
  kindOf: () => 'exhibitor.application-submitted',
  placeholders: [
    { name: 'company_name', description: { ko: '신청한 회사 이름', en: 'The applying company' } },
    { name: 'contact_name', description: { ko: '신청 담당자 이름', en: 'The contact person' } },
    { name: 'edition_name', description: { ko: '전시회 이름 (메일 언어로)', en: 'The fair, in the language of the mail' } },
    { name: 'edition_dates', description: { ko: '전시회 기간', en: 'The days of the fair' } },
    { name: 'application_id', description: { ko: '신청 번호', en: 'The application number' } },
  ],
  values: (p, locale) => ({
    company_name: p.companyName,
    contact_name: p.contactName,
    edition_name: locale === 'ko' ? p.editionNameKo : p.editionNameEn,
    edition_dates: displayDateRange(p.startsOn, p.endsOn, locale),
    application_id: p.applicationId,
  }),
  sample: {
    applicationId: '5f0c2a9e-7d41-4c55-9a53-0d6f2b8e1c17', companyName: '빛고을정밀 주식회사', contactName: '김민준', businessRegistrationNumber: '220-81-62517',
    editionNameKo: '2027 국제뿌리산업전시회', editionNameEn: '2027 PPURI Fair', startsOn: '2027-04-28', endsOn: '2027-04-30',
    boothType: 'shell_scheme', boothCount: 2, productCategories: ['casting'],
  },
};

/** The confirmation an exhibitor gets once its application is stored. */
export const applicationSubmittedMail: MailTemplate<ApplicationSubmittedParams> = {
  name: 'exhibitor.application-submitted',
  editable,
  render(p, locale, context, custom) {
    const words = wordsOf(editable, p, locale, context, custom);
    const booth = `${p.boothCount} × 9 m² (${BOOTH_TYPE[locale][p.boothType]})`;
    const dates = displayDateRange(p.startsOn, p.endsOn, locale);
    const hello = greeting(p.contactName, locale);
    const why = exhibitorMailReason(locale, p.companyName);
    if (locale === 'ko') {
      const subject = words.subject;
      const lines: Array<[string, string]> = [
        ['신청 번호', p.applicationId],
        ['회사', p.companyName],
        ['사업자등록번호', p.businessRegistrationNumber],
        ['전시회', `${p.editionNameKo} (${dates}, 김대중컨벤션센터)`],
        ['부스', booth],
        ['품목', p.productCategories.join(', ')],
      ];
      return {
        subject,
        text: [hello, '', words.text, '',
          ...lines.map(([k, v]) => `${k}: ${v}`), '', '문의 시 신청 번호를 알려 주세요.'].join('\n'),
        html: htmlFrame('ko', subject, html`<p>${hello}</p>${words.html}${table(lines)}<p>문의 시 신청 번호를 알려 주세요.</p>`, why),
        reason: why,
      };
    }
    const subject = words.subject;
    const lines: Array<[string, string]> = [
      ['Application number', p.applicationId],
      ['Company', p.companyName],
      ['Business registration number', p.businessRegistrationNumber],
      ['Fair', `${p.editionNameEn} (${dates}, Kim Dae-jung Convention Center, Gwangju)`],
      ['Booth', booth],
      ['Product categories', p.productCategories.join(', ')],
    ];
    return {
      subject,
      text: [hello, '', words.text, '',
        ...lines.map(([k, v]) => `${k}: ${v}`), '', 'Please quote the application number in any correspondence.'].join('\n'),
      html: htmlFrame('en', subject, html`<p>${hello}</p>${words.html}${table(lines)}<p>Please quote the application number in any correspondence.</p>`, why),
        reason: why,
    };
  },
};

function table(rows: Array<[string, string]>): SafeHtml {
  return html`<table style="border-collapse:collapse">${rows
    .map(([k, v]) => html`<tr><th style="text-align:left;padding:4px 12px 4px 0;vertical-align:top">${k}</th><td style="padding:4px 0">${v}</td></tr>`)}</table>`;
}
