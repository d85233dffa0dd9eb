import { greeting, html, htmlFrame, lineBreaks, type SafeHtml, type MailLocale, type MailTemplate } from '../../../core/mail/mail-template';
import { wordsOf, type EditableMailText, type MailPlaceholder } from '../../../core/mail/mail-text';
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
  reason: string;
  booths: string;
  boothsLater: string;
  fee: (fee: NonNullable<ApplicationStatusParams['fee']>) => string;
  labels: { application: string; company: string; fair: string; status: string };
}

const WORDS: Record<MailLocale, Words> = {
  ko: {
    status: {
      draft: '작성 중', submitted: '접수', under_review: '심사 중', changes_requested: '보완 요청',
      approved: '승인', waitlisted: '대기', rejected: '불승인', cancelled: '취소',
    },
    reason: '사유',
    booths: '배정된 부스',
    boothsLater: '부스 배정은 따로 알려 드립니다.',
    fee: (f) => `${won(f.totalKrw)}원 (VAT ${won(f.vatKrw)}원 포함)`,
    labels: { application: '신청 번호', company: '회사', fair: '전시회', status: '상태' },
  },
  en: {
    status: {
      draft: 'back to draft', submitted: 'received', under_review: 'under review', changes_requested: 'changes requested',
      approved: 'approved', waitlisted: 'waitlisted', rejected: 'not accepted', cancelled: 'cancelled',
    },
    reason: 'Reason',
    booths: 'Booths assigned',
    boothsLater: 'We will let you know your booths separately.',
    fee: (f) => `KRW ${won(f.totalKrw)} (incl. VAT KRW ${won(f.vatKrw)})`,
    labels: { application: 'Application number', company: 'Company', fair: 'Fair', status: 'Status' },
  },
};

const FEE_LABEL: Record<MailLocale, string> = { ko: '참가비', en: 'Participation fee' };

/** The cases of the status mail organizers can word differently: one per status, two where the story differs. */
type StatusCase = ApplicationStatus | 'resubmitted' | 'approved_from_waitlist';

function caseOf(p: Pick<ApplicationStatusParams, 'status' | 'previousStatus' | 'promoted'>): StatusCase {
  if (p.status === 'submitted' && p.previousStatus === 'changes_requested') return 'resubmitted';
  if (p.status === 'approved' && p.promoted) return 'approved_from_waitlist';
  return p.status;
}

const LINK: Record<MailLocale, string> = {
  ko: '\n\n신청 현황은 아래 링크에서 확인하실 수 있습니다.\n{{status_url}}',
  en: '\n\nYou can follow your application at the link below.\n{{status_url}}',
};
const SUBJECT: Record<MailLocale, string> = { ko: '[Fairgate] 참가 신청 {{status}}: {{edition_name}}', en: '[Fairgate] Application {{status}}: {{edition_name}}' };

/** The words of each case (the code's default; an edition may replace them): label, trigger and lead sentence per language. */
const CASES: Record<StatusCase, { label: Record<MailLocale, string>; trigger: Record<MailLocale, string>; lead: Record<MailLocale, string> }> = {
  draft: {
    label: { ko: '신청서 작성 중으로 되돌림', en: 'Application back to draft' },
    trigger: { ko: '신청서가 작성 중 상태로 돌아갈 때', en: 'An application goes back to draft' },
    lead: { ko: '{{company_name}}의 참가 신청서가 작성 중 상태로 돌아갔습니다. 제출 전까지는 심사하지 않습니다.', en: 'The application of {{company_name}} is a draft again. We review it once it is submitted.' },
  },
  submitted: {
    label: { ko: '참가 신청 접수', en: 'Application received' },
    trigger: { ko: '참가 신청이 접수 상태가 될 때', en: 'An application is marked received' },
    lead: { ko: '{{company_name}}의 참가 신청이 접수되었습니다. 심사 결과는 이메일로 알려 드립니다.', en: 'We have received the application of {{company_name}}. We will email you the result of the review.' },
  },
  resubmitted: {
    label: { ko: '보완한 신청서 접수', en: 'Revised application received' },
    trigger: { ko: '보완 요청을 받은 신청서가 다시 제출될 때', en: 'An application is submitted again after a request for changes' },
    lead: { ko: '{{company_name}}의 보완한 참가 신청서가 접수되었습니다. 심사 결과는 이메일로 알려 드립니다.', en: 'We have received the revised application of {{company_name}}. We will email you the result of the review.' },
  },
  under_review: {
    label: { ko: '심사 시작', en: 'Review started' },
    trigger: { ko: '심사 담당자가 심사를 시작할 때', en: 'A reviewer starts the review' },
    lead: { ko: '{{company_name}}의 참가 신청 심사를 시작했습니다. 결과는 이메일로 알려 드립니다.', en: 'We have started reviewing the application of {{company_name}}. We will email you the result.' },
  },
  changes_requested: {
    label: { ko: '보완 요청', en: 'Changes requested' },
    trigger: { ko: '심사 담당자가 보완을 요청할 때 (사유는 본문 아래에 붙습니다)', en: 'A reviewer asks for changes (the reason follows the text)' },
    lead: { ko: '{{company_name}}의 참가 신청서에 보완 요청이 있습니다. 아래 사유를 확인하시고 신청서를 보완해 다시 제출해 주세요.', en: 'The application of {{company_name}} needs changes. Please read the reason below, then correct the application and submit it again.' },
  },
  approved: {
    label: { ko: '참가 신청 승인', en: 'Application approved' },
    trigger: { ko: '참가 신청을 승인할 때 (부스와 참가비 표가 본문 아래에 붙습니다)', en: 'An application is approved (the booths and fee follow the text)' },
    lead: { ko: '축하합니다! {{company_name}}의 참가 신청이 승인되었습니다.', en: 'Congratulations! The application of {{company_name}} is approved.' },
  },
  approved_from_waitlist: {
    label: { ko: '대기 신청 자동 승인', en: 'Approved from the waitlist' },
    trigger: { ko: '자리가 나서 대기 중인 신청이 자동으로 승인될 때', en: 'A place frees up and a waitlisted application is approved automatically' },
    lead: { ko: '대기 중이던 자리가 나서 {{company_name}}의 참가 신청이 승인되었습니다. 축하합니다!', en: 'A place has freed up: the application of {{company_name}} has moved up from the waitlist and is approved. Congratulations!' },
  },
  waitlisted: {
    label: { ko: '대기자 명단 등록', en: 'Waitlisted' },
    trigger: { ko: '전시장이 차서 신청이 대기자 명단에 오를 때', en: 'The halls are full and an application goes on the waitlist' },
    lead: { ko: '현재 전시장이 모두 차서 {{company_name}}의 신청을 대기자 명단에 올렸습니다. 대기 순서는 그대로 유지되며, 자리가 나면 자동으로 승인하고 알려 드립니다.', en: 'The halls are full at the moment, so the application of {{company_name}} is on the waitlist. You keep your place in the queue; if a place frees up, we approve the application automatically and let you know.' },
  },
  rejected: {
    label: { ko: '불승인', en: 'Not accepted' },
    trigger: { ko: '참가 신청을 승인하지 않을 때 (사유는 본문 아래에 붙습니다)', en: 'An application is not accepted (the reason follows the text)' },
    lead: { ko: '안타깝게도 {{company_name}}의 참가 신청은 승인되지 않았습니다.', en: 'We are sorry: the application of {{company_name}} has not been accepted.' },
  },
  cancelled: {
    label: { ko: '참가 신청 취소', en: 'Application cancelled' },
    trigger: { ko: '참가 신청이 취소될 때', en: 'An application is cancelled' },
    lead: { ko: '{{company_name}}의 참가 신청이 취소되었습니다.', en: 'The application of {{company_name}} has been cancelled.' },
  },
};

const KIND_PREFIX = 'exhibitor.application-status.';

const placeholders: MailPlaceholder[] = [
  { name: 'company_name', description: { ko: '신청한 회사 이름', en: 'The applying company' } },
  { name: 'contact_name', description: { ko: '신청 담당자 이름', en: 'The contact person' } },
  { name: 'edition_name', description: { ko: '전시회 이름 (메일 언어로)', en: 'The fair, in the language of the mail' } },
  { name: 'status', description: { ko: '새 상태 (승인, 불승인 …)', en: 'The new status (approved, not accepted …)' } },
  { name: 'application_id', description: { ko: '신청 번호', en: 'The application number' } },
  { name: 'status_url', description: { ko: '신청 현황 페이지 링크 (꼭 있어야 합니다)', en: 'Link to the application page (required)' }, kind: 'url', required: true },
];

const editable: EditableMailText<ApplicationStatusParams> = {
  kinds: (Object.keys(CASES) as StatusCase[]).map((c) => ({
    key: `${KIND_PREFIX}${c}`,
    label: CASES[c].label,
    trigger: CASES[c].trigger,
    defaults: {
      ko: { subject: SUBJECT.ko, body: `${CASES[c].lead.ko}${LINK.ko}` },
      en: { subject: SUBJECT.en, body: `${CASES[c].lead.en}${LINK.en}` },
    },
  })),
  kindOf: (p) => `${KIND_PREFIX}${caseOf(p)}`,
  placeholders,
  values: (p, locale) => ({
    company_name: p.companyName,
    contact_name: p.contactName,
    edition_name: locale === 'ko' ? p.editionNameKo : p.editionNameEn,
    status: WORDS[locale].status[p.status],
    application_id: p.applicationId,
    status_url: p.statusUrl,
  }),
  sample: {
    applicationId: '5f0c2a9e-7d41-4c55-9a53-0d6f2b8e1c17', companyName: '빛고을정밀 주식회사', contactName: '김민준',
    editionNameKo: '2027 국제뿌리산업전시회', editionNameEn: '2027 PPURI Fair', status: 'approved', previousStatus: 'under_review',
    reason: null, promoted: false, statusUrl: 'https://fairgate.example/exhibitor/applications/5f0c2a9e-7d41-4c55-9a53-0d6f2b8e1c17',
    fee: { netKrw: 2_600_000, vatKrw: 260_000, totalKrw: 2_860_000 }, booths: ['1A02'],
  },
  sampleFor(kind) {
    const c = kind.slice(KIND_PREFIX.length) as StatusCase;
    const status: ApplicationStatus = c === 'resubmitted' ? 'submitted' : c === 'approved_from_waitlist' ? 'approved' : c;
    const previousStatus: ApplicationStatus = c === 'resubmitted' ? 'changes_requested' : c === 'approved_from_waitlist' ? 'waitlisted' : 'under_review';
    const reason = SHOWS_REASON.has(status) ? '사업자등록증 사본이 흐립니다. 선명한 사본을 올려 주세요.' : null;
    return { ...this.sample, status, previousStatus, promoted: c === 'approved_from_waitlist', reason };
  },
};

/** Every change of an application's status, told to its contact in the application's language. */
export const applicationStatusMail: MailTemplate<ApplicationStatusParams> = {
  name: 'exhibitor.application-status',
  editable,
  render(p, locale, context, custom) {
    const w = WORDS[locale];
    const edition = locale === 'ko' ? p.editionNameKo : p.editionNameEn;
    const words = wordsOf(editable, p, locale, context, custom);
    const subject = words.subject;
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
    const hello = greeting(p.contactName, locale);
    const why = exhibitorMailReason(locale, p.companyName);

    const text = [
      hello, '', words.text,
      ...(reason !== null ? ['', `${w.reason}: ${reason}`] : []),
      ...(boothsLater !== null ? ['', boothsLater] : []),
      '', ...rows.map(([k, v]) => `${k}: ${v}`),
    ].join('\n');
    const body = html`<p>${hello}</p>${words.html}${
      reason !== null && html`<p><strong>${w.reason}:</strong> ${lineBreaks(reason)}</p>`}${
      boothsLater !== null && html`<p>${boothsLater}</p>`}${
      table(rows)}`;
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
