import { greeting, html, htmlFrame, lineBreaks, singleLine, type SafeHtml, type MailLocale, type MailTemplate } from '../../../core/mail/mail-template';
import type { ApplicationStatus } from '../entities/exhibitor-application.entity';
import { exhibitorMailReason, type ApplicationMailHead } from './application-mail-head';

export interface ApplicationStatusParams extends ApplicationMailHead {
  status: ApplicationStatus;
  previousStatus: ApplicationStatus;
  /** The organizer's words, shown for the decisions that need one (reject, request changes, waitlist). */
  reason: string | null;
  /** Moved from the waitlist automatically because a place freed up. */
  promoted: boolean;
  fee: { netKrw: number; vatKrw: number; totalKrw: number } | null;
  /** Booth codes; may be empty (not assigned yet). */
  booths: string[];
}

/** Statuses whose reason the exhibitor must read: an older reason must not leak into, say, an approval. */
const SHOWS_REASON: ReadonlySet<ApplicationStatus> = new Set<ApplicationStatus>(['changes_requested', 'waitlisted', 'rejected']);

interface Words {
  status: Record<ApplicationStatus, string>;
  subject: (status: string, edition: string) => string;
  lead: (p: ApplicationStatusParams) => string;
  reason: string;
  booths: string;
  boothsLater: string;
  fee: (fee: NonNullable<ApplicationStatusParams['fee']>) => string;
  labels: { application: string; company: string; fair: string; status: string };
  link: string;
}

const WORDS: Record<MailLocale, Words> = {
  ko: {
    status: {
      draft: '작성 중', submitted: '접수', under_review: '심사 중', changes_requested: '보완 요청',
      approved: '승인', waitlisted: '대기', rejected: '불승인', cancelled: '취소',
    },
    subject: (status, edition) => `[Fairgate] 참가 신청 ${status}: ${edition}`,
    lead: (p) => {
      switch (p.status) {
        case 'draft': return `${p.companyName}의 참가 신청서가 작성 중 상태로 돌아갔습니다. 제출 전까지는 심사하지 않습니다.`;
        case 'submitted': return p.previousStatus === 'changes_requested'
          ? `${p.companyName}의 보완한 참가 신청서가 접수되었습니다. 심사 결과는 이메일로 알려 드립니다.`
          : `${p.companyName}의 참가 신청이 접수되었습니다. 심사 결과는 이메일로 알려 드립니다.`;
        case 'under_review': return `${p.companyName}의 참가 신청 심사를 시작했습니다. 결과는 이메일로 알려 드립니다.`;
        case 'changes_requested': return `${p.companyName}의 참가 신청서에 보완 요청이 있습니다. 아래 사유를 확인하시고 신청서를 보완해 다시 제출해 주세요.`;
        case 'approved': return p.promoted
          ? `대기 중이던 자리가 나서 ${p.companyName}의 참가 신청이 승인되었습니다. 축하합니다!`
          : `축하합니다! ${p.companyName}의 참가 신청이 승인되었습니다.`;
        case 'waitlisted': return `현재 전시장이 모두 차서 ${p.companyName}의 신청을 대기자 명단에 올렸습니다. 대기 순서는 그대로 유지되며, 자리가 나면 자동으로 승인하고 알려 드립니다.`;
        case 'rejected': return `안타깝게도 ${p.companyName}의 참가 신청은 승인되지 않았습니다.`;
        case 'cancelled': return `${p.companyName}의 참가 신청이 취소되었습니다.`;
      }
    },
    reason: '사유',
    booths: '배정된 부스',
    boothsLater: '부스 배정은 따로 알려 드립니다.',
    fee: (f) => `${won(f.totalKrw)}원 (VAT ${won(f.vatKrw)}원 포함)`,
    labels: { application: '신청 번호', company: '회사', fair: '전시회', status: '상태' },
    link: '신청 현황은 아래 링크에서 확인하실 수 있습니다.',
  },
  en: {
    status: {
      draft: 'back to draft', submitted: 'received', under_review: 'under review', changes_requested: 'changes requested',
      approved: 'approved', waitlisted: 'waitlisted', rejected: 'not accepted', cancelled: 'cancelled',
    },
    subject: (status, edition) => `[Fairgate] Application ${status}: ${edition}`,
    lead: (p) => {
      switch (p.status) {
        case 'draft': return `The application of ${p.companyName} is a draft again. We review it once it is submitted.`;
        case 'submitted': return p.previousStatus === 'changes_requested'
          ? `We have received the revised application of ${p.companyName}. We will email you the result of the review.`
          : `We have received the application of ${p.companyName}. We will email you the result of the review.`;
        case 'under_review': return `We have started reviewing the application of ${p.companyName}. We will email you the result.`;
        case 'changes_requested': return `The application of ${p.companyName} needs changes. Please read the reason below, then correct the application and submit it again.`;
        case 'approved': return p.promoted
          ? `A place has freed up: the application of ${p.companyName} has moved up from the waitlist and is approved. Congratulations!`
          : `Congratulations! The application of ${p.companyName} is approved.`;
        case 'waitlisted': return `The halls are full at the moment, so the application of ${p.companyName} is on the waitlist. You keep your place in the queue; if a place frees up, we approve the application automatically and let you know.`;
        case 'rejected': return `We are sorry: the application of ${p.companyName} has not been accepted.`;
        case 'cancelled': return `The application of ${p.companyName} has been cancelled.`;
      }
    },
    reason: 'Reason',
    booths: 'Booths assigned',
    boothsLater: 'We will let you know your booths separately.',
    fee: (f) => `KRW ${won(f.totalKrw)} (incl. VAT KRW ${won(f.vatKrw)})`,
    labels: { application: 'Application number', company: 'Company', fair: 'Fair', status: 'Status' },
    link: 'You can follow your application at the link below.',
  },
};

const FEE_LABEL: Record<MailLocale, string> = { ko: '참가비', en: 'Participation fee' };

/** Every change of an application's status, told to its contact in the application's language. */
export const applicationStatusMail: MailTemplate<ApplicationStatusParams> = {
  name: 'exhibitor.application-status',
  render(p, locale) {
    const w = WORDS[locale];
    const edition = locale === 'ko' ? p.editionNameKo : p.editionNameEn;
    const subject = singleLine(w.subject(w.status[p.status], edition));
    const reason = SHOWS_REASON.has(p.status) && p.reason !== null && p.reason.trim() !== '' ? p.reason : null;
    const rows: Array<[string, string]> = [
      [w.labels.application, p.applicationId],
      [w.labels.company, p.companyName],
      [w.labels.fair, edition],
      [w.labels.status, w.status[p.status]],
    ];
    if (p.status === 'approved') {
      if (p.booths.length > 0) rows.push([w.booths, p.booths.join(', ')]);
      if (p.fee !== null) rows.push([FEE_LABEL[locale], w.fee(p.fee)]);
    }
    const boothsLater = p.status === 'approved' && p.booths.length === 0 ? w.boothsLater : null;
    const lead = w.lead(p);
    const hello = greeting(p.contactName, locale);
    const why = exhibitorMailReason(locale, p.companyName);

    const text = [
      hello, '', lead,
      ...(reason !== null ? ['', `${w.reason}: ${reason}`] : []),
      ...(boothsLater !== null ? ['', boothsLater] : []),
      '', ...rows.map(([k, v]) => `${k}: ${v}`),
      '', w.link, p.statusUrl,
    ].join('\n');
    const body = html`<p>${hello}</p><p>${lead}</p>${
      reason !== null && html`<p><strong>${w.reason}:</strong> ${lineBreaks(reason)}</p>`}${
      boothsLater !== null && html`<p>${boothsLater}</p>`}${
      table(rows)}<p>${w.link}<br><a href="${p.statusUrl}">${p.statusUrl}</a></p>`;
    return { subject, text, html: htmlFrame(locale, subject, body, why), reason: why };
  },
};

/** 2860000 → '2,860,000', the same on every machine (no locale data involved). */
function won(amount: number): string {
  return String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function table(rows: Array<[string, string]>): SafeHtml {
  return html`<table style="border-collapse:collapse">${rows
    .map(([k, v]) => html`<tr><th style="text-align:left;padding:4px 12px 4px 0;vertical-align:top">${k}</th><td style="padding:4px 0">${v}</td></tr>`)}</table>`;
}
