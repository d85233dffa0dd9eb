import { html } from '../../../../core/web/html';
import type { Lang } from '../../../../core/web/i18n';
import { csrf, field, formErrors, notice, page, type PageContext } from '../../pages/exhibitor-pages.view';

/** The exhibitor's tax details form (세금계산서 정보): Korean companies give what a 세금계산서 needs, others their tax id. */
export const PROFILE_FIELDS = ['legalName', 'representative', 'businessType', 'businessItem', 'address', 'taxId', 'invoiceEmail'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];
export type ProfileValues = Record<ProfileField, string>;
export type ProfileErrors = Partial<Record<ProfileField, string>>;

export const PROFILE_PATH = '/exhibitor/billing-profile';

const WORDS = {
  ko: {
    title: '세금계산서 정보', lead: '청구서와 세금계산서에 들어갈 회사 정보입니다. 청구서가 발행될 때의 정보가 청구서에 들어갑니다.',
    legalName: '상호 (법인명)', representative: '대표자 성명', businessType: '업태', businessItem: '종목', address: '사업장 주소',
    taxId: '세금 번호 (VAT ID 등)', invoiceEmail: '세금계산서 받을 이메일', save: '저장', saved: '세금계산서 정보를 저장했습니다.',
    back: '내 페이지로 돌아가기', taxIdHint: '없으면 비워 두세요.', businessTypeHint: '예: 제조업', businessItemHint: '예: 자동차 부품',
  },
  en: {
    title: 'Tax details for invoices', lead: 'The company details printed on your invoices. An invoice carries the details as they are when it is issued.',
    legalName: 'Legal name', representative: 'Representative', businessType: 'Business type', businessItem: 'Business item', address: 'Invoicing address',
    taxId: 'Tax or VAT ID', invoiceEmail: 'Email for invoices', save: 'Save', saved: 'Your tax details are saved.',
    back: 'Back to my page', taxIdHint: 'Leave empty if you have none.', businessTypeHint: 'E.g. manufacturing', businessItemHint: 'E.g. car parts',
  },
} as const;

export function profileWords(lang: Lang): (typeof WORDS)[Lang] {
  return WORDS[lang];
}

export interface BillingProfileModel {
  korean: boolean;
  values: ProfileValues;
  errors: ProfileErrors;
  saved: boolean;
  message?: string;
}

/** The longest value each field takes (BillingProfileDto's limits). */
export const PROFILE_MAX: Record<ProfileField, number> = { legalName: 200, representative: 100, businessType: 100, businessItem: 100, address: 300, taxId: 40, invoiceEmail: 254 };

/** The fields that must be filled: a 세금계산서 needs 대표자 and 업태/종목 (BillingService.saveProfile). */
export function requiredProfileFields(korean: boolean): ProfileField[] {
  return korean ? ['legalName', 'representative', 'businessType', 'businessItem', 'address', 'invoiceEmail'] : ['legalName', 'address', 'invoiceEmail'];
}

/** The fields a company fills: the 세금계산서 fields for Korean companies, the tax id for others. */
export function profileFields(korean: boolean): ProfileField[] {
  return korean ? ['legalName', 'representative', 'businessType', 'businessItem', 'address', 'invoiceEmail'] : ['legalName', 'representative', 'address', 'taxId', 'invoiceEmail'];
}

export function renderBillingProfilePage(ctx: PageContext, m: BillingProfileModel): string {
  const w = WORDS[ctx.lang];
  const fields = profileFields(m.korean);
  const required = new Set(requiredProfileFields(m.korean));
  const hints: Partial<Record<ProfileField, string>> = { taxId: w.taxIdHint, businessType: w.businessTypeHint, businessItem: w.businessItemHint };
  const links = fields.filter((f) => m.errors[f]).map((f) => ({ href: `#f-${f}`, text: `${w[f]}: ${m.errors[f]}` }));
  const body = html`<h1>${w.title}</h1>
${m.saved ? notice({ ok: true, text: w.saved }) : ''}
${formErrors(ctx.t, m.errors, m.message, links)}
<p>${w.lead}</p>
${ctx.user && html`<form method="post" action="${PROFILE_PATH}?lang=${ctx.lang}" novalidate>${csrf(ctx.user.csrf)}
${fields.map((f) => field({
    id: `f-${f}`, name: f, label: w[f], value: m.values[f], error: m.errors[f], hint: hints[f], required: required.has(f),
    type: f === 'invoiceEmail' ? 'email' : 'text', extra: { maxlength: PROFILE_MAX[f], autocomplete: f === 'invoiceEmail' ? 'email' : f === 'address' ? 'street-address' : f === 'legalName' ? 'organization' : undefined },
  }))}
<button type="submit">${w.save}</button></form>`}
<p><a href="/exhibitor?lang=${ctx.lang}">${w.back}</a></p>`;
  return page(ctx, w.title, body);
}
