import { greeting, html, singleLine, type MailLocale, type MailTemplate, type RenderedMail } from '../../../core/mail/mail-template';
import { attendeeMailHtml, dayList, why } from './attendee-mail-frame';

export interface AttendeeLinkParams {
  name: string;
  editionNameKo: string;
  editionNameEn: string;
  badgeCode: string;
  /** YYYY-MM-DD, ascending. */
  days: string[];
  /** Path of the attendee's private page (the token is sent only in this email). */
  accessPath: string;
  /**
   * `registered`: the first email, asking to confirm; `resent`: the same link again (a second
   * registration); `replaced`: a new link, as the previous one could not be sent again.
   */
  reason: 'registered' | 'resent' | 'replaced';
  confirmed: boolean;
  /** The badge QR code as a PNG, base64 (made when the email is queued): shown inline, attached too. */
  badgeQrPng?: string;
}

const QR_CID = 'badge-qr';

/** The badge QR code in the email: an inline image (cid) before the badge code, for the entrance. */
function withBadgeQr(mail: RenderedMail, p: AttendeeLinkParams): RenderedMail {
  if (!p.badgeQrPng) return mail;
  const img = html`<p><img src="cid:${QR_CID}" width="200" height="200" alt="QR ${p.badgeCode}"></p>`.value;
  return {
    ...mail,
    html: mail.html.replace(/<p>(배지 코드|Badge code):/, (m) => `${img}${m}`),
    attachments: [{ filename: `badge-${p.badgeCode}.png`, content: p.badgeQrPng, encoding: 'base64', contentType: 'image/png', cid: QR_CID }],
  };
}

/** The personal link of a registered visitor; until confirmed, it asks to press “Confirm” there. */
export const attendeeLinkMail: MailTemplate<AttendeeLinkParams> = {
  name: 'attendees.access-link',
  render(p, locale, context) {
    return withBadgeQr(renderLinkMail(p, locale, context.publicUrl), p);
  },
};

function renderLinkMail(p: AttendeeLinkParams, locale: MailLocale, publicUrl: string): RenderedMail {
  const link = `${publicUrl}${p.accessPath}`;
  const days = dayList(p.days, locale);
  if (locale === 'ko') {
    const subject = singleLine(p.confirmed
      ? `[Fairgate] 참관 등록 개인 링크: ${p.editionNameKo}`
      : `[Fairgate] 참관 등록을 확인해 주세요: ${p.editionNameKo}`);
    const lead = {
      registered: '참관 등록을 받았습니다.',
      resent: '이 이메일 주소로 이미 참관 등록이 되어 있어 개인 링크를 다시 보내 드립니다. 이전에 받은 링크도 그대로 사용할 수 있습니다.',
      replaced: '이 이메일 주소로 이미 참관 등록이 되어 있어 새 개인 링크를 보내 드립니다. 이전 링크는 더 이상 사용할 수 없습니다.',
    }[p.reason];
    const action = p.confirmed
      ? '아래 개인 링크에서 배지 QR 코드, 컨퍼런스 세션 선택, 관심 부스를 볼 수 있습니다.'
      : '아래 개인 링크를 열고 “확인” 버튼을 눌러 등록을 완료해 주세요. 같은 페이지에서 배지 QR 코드를 받고 컨퍼런스 세션과 관심 부스를 고를 수 있습니다.';
    const facts = `배지 코드: ${p.badgeCode}\n참관일: ${days}`;
    return {
      subject,
      text: `${greeting(p.name, 'ko')}\n\n${lead} ${action}\n\n${link}\n\n${facts}\n\n링크는 다른 사람과 공유하지 마세요.`,
      reason: why(p.editionNameKo, 'ko'),
      html: attendeeMailHtml('ko', subject,
        html`<p>${greeting(p.name, 'ko')}</p><p>${`${lead} ${action}`}</p><p><a href="${link}">${link}</a></p>${
          html`<p>배지 코드: <strong>${p.badgeCode}</strong><br>참관일: ${days}</p><p>링크는 다른 사람과 공유하지 마세요.</p>`}`, p.editionNameKo),
    };
  }
  const subject = singleLine(p.confirmed
    ? `[Fairgate] Your personal visitor link: ${p.editionNameEn}`
    : `[Fairgate] Please confirm your registration: ${p.editionNameEn}`);
  const lead = {
    registered: 'We received your visitor registration.',
    resent: 'This email address is already registered, so here is your personal link again; it is the same link as before.',
    replaced: 'This email address is already registered, so here is a new personal link. The previous link no longer works.',
  }[p.reason];
  const action = p.confirmed
    ? 'Your personal page below shows your badge QR code, your conference sessions and the booths you bookmarked.'
    : 'Please open your personal page below and press “Confirm” to complete it. There you also get your badge QR code and can choose conference sessions and booths to visit.';
  const facts = `Badge code: ${p.badgeCode}\nDays: ${days}`;
  return {
    subject,
    text: `${greeting(p.name, 'en')}\n\n${lead} ${action}\n\n${link}\n\n${facts}\n\nDo not share this link.`,
    reason: why(p.editionNameEn, 'en'),
    html: attendeeMailHtml('en', subject,
      html`<p>${greeting(p.name, 'en')}</p><p>${`${lead} ${action}`}</p><p><a href="${link}">${link}</a></p>${
        html`<p>Badge code: <strong>${p.badgeCode}</strong><br>Days: ${days}</p><p>Do not share this link.</p>`}`, p.editionNameEn),
  };
}
