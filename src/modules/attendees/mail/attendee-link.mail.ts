import { greeting, html, singleLine, type MailLocale, type MailTemplate, type RenderedMail } from '../../../core/mail/mail-template';
import { wordsOf, type EditableMailText, type RenderedMailText } from '../../../core/mail/mail-text';
import { qrMatrix, qrPng } from '../badges/badge.view-model';
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
  /**
   * The badge QR code as a PNG, base64, as emails queued before 5 December 2026 carry it (made by the
   * API then). Newer ones leave it out: the email draws it from the badge code when it is composed.
   */
  badgeQrPng?: string;
}

const QR_CID = 'badge-qr';

/** The badge QR code in the email: an inline image (cid) before the badge code, for the entrance. */
function withBadgeQr(mail: RenderedMail, p: AttendeeLinkParams): RenderedMail {
  const png = p.badgeQrPng ?? qrPng(qrMatrix(p.badgeCode), 240).toString('base64');
  const img = html`<p><img src="cid:${QR_CID}" width="200" height="200" alt="QR ${p.badgeCode}"></p>`.value;
  return {
    ...mail,
    html: mail.html.replace(/<p>(배지 코드|Badge code):/, (m) => `${img}${m}`),
    attachments: [{ filename: `badge-${p.badgeCode}.png`, content: png, encoding: 'base64', contentType: 'image/png', cid: QR_CID }],
  };
}

/*
 * Organizers may word the first email of a registration (to confirm, or the link once confirmed);
 * the re-sent and replaced links keep the code's words (they explain what happened to the old link).
 * The badge code, the days and the QR code stay code.
 */
const CONFIRM_KIND = 'attendees.access-link.confirm';
const PERSONAL_KIND = 'attendees.access-link.personal';

const editable: EditableMailText<AttendeeLinkParams> = {
  kinds: [
    {
      key: CONFIRM_KIND,
      label: { ko: '참관 등록 확인 요청 (개인 링크)', en: 'Visitor registration to confirm (private link)' },
      trigger: { ko: '방문객이 참관 등록을 할 때 (확인 전)', en: 'A visitor registers (not confirmed yet)' },
      defaults: {
        ko: {
          subject: '[Fairgate] 참관 등록을 확인해 주세요: {{edition_name}}',
          body: '참관 등록을 받았습니다. 아래 개인 링크를 열고 “확인” 버튼을 눌러 등록을 완료해 주세요. 같은 페이지에서 배지 QR 코드를 받고 컨퍼런스 세션과 관심 부스를 고를 수 있습니다.\n\n{{page_url}}',
        },
        en: {
          subject: '[Fairgate] Please confirm your registration: {{edition_name}}',
          body: 'We received your visitor registration. Please open your personal page below and press “Confirm” to complete it. There you also get your badge QR code and can choose conference sessions and booths to visit.\n\n{{page_url}}',
        },
      },
    },
    {
      key: PERSONAL_KIND,
      label: { ko: '참관 등록 완료 (개인 링크)', en: 'Visitor registered (private link)' },
      trigger: { ko: '방문객의 참관 등록이 바로 확정될 때', en: 'A visitor registers and is confirmed at once' },
      defaults: {
        ko: {
          subject: '[Fairgate] 참관 등록 개인 링크: {{edition_name}}',
          body: '참관 등록을 받았습니다. 아래 개인 링크에서 배지 QR 코드, 컨퍼런스 세션 선택, 관심 부스를 볼 수 있습니다.\n\n{{page_url}}',
        },
        en: {
          subject: '[Fairgate] Your personal visitor link: {{edition_name}}',
          body: 'We received your visitor registration. Your personal page below shows your badge QR code, your conference sessions and the booths you bookmarked.\n\n{{page_url}}',
        },
      },
    },
  ],
  kindOf: (p) => (p.reason !== 'registered' ? null : p.confirmed ? PERSONAL_KIND : CONFIRM_KIND),
  placeholders: [
    { name: 'name', description: { ko: '받는 사람 이름', en: 'The reader' } },
    { name: 'edition_name', description: { ko: '전시회 이름 (메일 언어로)', en: 'The fair, in the language of the mail' } },
    { name: 'page_url', description: { ko: '개인 참관 페이지 링크 (꼭 있어야 합니다)', en: 'Link to the private visitor page (required)' }, kind: 'url', required: true },
    { name: 'badge_code', description: { ko: '배지 코드', en: 'The badge code' } },
    { name: 'visit_days', description: { ko: '참관일', en: 'The days of the visit' } },
  ],
  values: (p, locale, { publicUrl }) => ({
    name: p.name,
    edition_name: locale === 'ko' ? p.editionNameKo : p.editionNameEn,
    page_url: `${publicUrl}${p.accessPath}`,
    badge_code: p.badgeCode,
    visit_days: dayList(p.days, locale),
  }),
  sample: {
    name: '김서연', editionNameKo: '2027 광주국제그린카전시회', editionNameEn: 'Green Car Show Gwangju 2027', badgeCode: 'V-7K3Q9P',
    days: ['2027-04-28', '2027-04-29'], accessPath: '/visit/3q9Zk2sample', reason: 'registered', confirmed: false,
  },
  sampleFor: (kind) => ({ ...editable.sample, confirmed: kind === PERSONAL_KIND }),
};

/** The personal link of a registered visitor; until confirmed, it asks to press “Confirm” there. */
export const attendeeLinkMail: MailTemplate<AttendeeLinkParams> = {
  name: 'attendees.access-link',
  editable,
  render(p, locale, context, custom) {
    const words = editable.kindOf(p) ? wordsOf(editable, p, locale, context, custom) : undefined;
    return withBadgeQr(renderLinkMail(p, locale, context.publicUrl, words), p);
  },
};

/** With `words` (the first email, editable) those replace the code's subject and lead; the facts stay. */
function renderLinkMail(p: AttendeeLinkParams, locale: MailLocale, publicUrl: string, words?: RenderedMailText): RenderedMail {
  const link = `${publicUrl}${p.accessPath}`;
  const days = dayList(p.days, locale);
  const edition = locale === 'ko' ? p.editionNameKo : p.editionNameEn;
  if (words) {
    const facts = locale === 'ko' ? { badge: '배지 코드', days: '참관일', share: '링크는 다른 사람과 공유하지 마세요.' } : { badge: 'Badge code', days: 'Days', share: 'Do not share this link.' };
    const hello = greeting(p.name, locale);
    return {
      subject: words.subject,
      text: `${hello}\n\n${words.text}\n\n${facts.badge}: ${p.badgeCode}\n${facts.days}: ${days}\n\n${facts.share}`,
      reason: why(edition, locale),
      html: attendeeMailHtml(locale, words.subject,
        html`<p>${hello}</p>${words.html}<p>${facts.badge}: <strong>${p.badgeCode}</strong><br>${facts.days}: ${days}</p><p>${facts.share}</p>`, edition),
    };
  }
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
