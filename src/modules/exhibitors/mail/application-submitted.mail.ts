import { greeting, html, htmlFrame, singleLine, type SafeHtml, type MailLocale, type MailTemplate } from '../../../core/mail/mail-template';
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

/** The confirmation an exhibitor gets once its application is stored. */
export const applicationSubmittedMail: MailTemplate<ApplicationSubmittedParams> = {
  name: 'exhibitor.application-submitted',
  render(p, locale) {
    const booth = `${p.boothCount} × 9 m² (${BOOTH_TYPE[locale][p.boothType]})`;
    const dates = displayDateRange(p.startsOn, p.endsOn, locale);
    const hello = greeting(p.contactName, locale);
    const why = exhibitorMailReason(locale, p.companyName);
    if (locale === 'ko') {
      const subject = singleLine(`[Fairgate] 참가 신청 접수: ${p.editionNameKo}`);
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
        text: [hello, '', '참가 신청이 접수되었습니다. 심사 결과는 이메일로 알려 드립니다.', '',
          ...lines.map(([k, v]) => `${k}: ${v}`), '', '문의 시 신청 번호를 알려 주세요.'].join('\n'),
        html: htmlFrame('ko', subject, html`<p>${hello}</p><p>참가 신청이 접수되었습니다. 심사 결과는 이메일로 알려 드립니다.</p>${table(lines)}<p>문의 시 신청 번호를 알려 주세요.</p>`, why),
        reason: why,
      };
    }
    const subject = singleLine(`[Fairgate] Exhibitor application received: ${p.editionNameEn}`);
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
      text: [hello, '', 'We have received your application to exhibit. We will email you the result of the review.', '',
        ...lines.map(([k, v]) => `${k}: ${v}`), '', 'Please quote the application number in any correspondence.'].join('\n'),
      html: htmlFrame('en', subject, html`<p>${hello}</p><p>We have received your application to exhibit. We will email you the result of the review.</p>${table(lines)}<p>Please quote the application number in any correspondence.</p>`, why),
        reason: why,
    };
  },
};

function table(rows: Array<[string, string]>): SafeHtml {
  return html`<table style="border-collapse:collapse">${rows
    .map(([k, v]) => html`<tr><th style="text-align:left;padding:4px 12px 4px 0;vertical-align:top">${k}</th><td style="padding:4px 0">${v}</td></tr>`)}</table>`;
}
