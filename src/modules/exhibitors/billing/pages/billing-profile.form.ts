import { isMailAddress } from '../../../../core/mail/email-address';
import type { Lang } from '../../../../core/web/i18n';
import { PROFILE_MAX, profileFields, requiredProfileFields, type ProfileErrors, type ProfileField, type ProfileValues } from './billing-profile.view';

/* The tax-details form's rules (the API's, BillingService.saveProfile and BillingProfileDto), said per field in the reader's language. */

const MISSING: Record<Lang, Record<ProfileField, string>> = {
  ko: {
    legalName: '상호를 적어 주세요.', representative: '세금계산서에는 대표자 성명이 필요합니다.', businessType: '세금계산서에는 업태가 필요합니다.',
    businessItem: '세금계산서에는 종목이 필요합니다.', address: '사업장 주소를 적어 주세요.', taxId: '', invoiceEmail: '세금계산서 받을 이메일을 적어 주세요.',
  },
  en: {
    legalName: 'Give the company’s legal name.', representative: 'A Korean tax invoice needs the representative’s name.', businessType: 'A Korean tax invoice needs the business type.',
    businessItem: 'A Korean tax invoice needs the business item.', address: 'Give the invoicing address.', taxId: '', invoiceEmail: 'Give the email address for invoices.',
  },
};

/** What is wrong with the form, per field, in the reader's language (the API's rules, said next to each field). */
export function checkProfileForm(values: ProfileValues, korean: boolean, lang: Lang): ProfileErrors {
  const errors: ProfileErrors = {};
  const required = requiredProfileFields(korean);
  for (const f of profileFields(korean)) {
    const value = values[f].trim();
    if (value === '' && required.includes(f)) errors[f] = MISSING[lang][f];
    else if (value.length > PROFILE_MAX[f]) errors[f] = lang === 'ko' ? `${PROFILE_MAX[f]}자 이하로 줄여 주세요.` : `Shorten it to ${PROFILE_MAX[f]} characters or fewer.`;
  }
  if (!errors.invoiceEmail && !isMailAddress(values.invoiceEmail.trim())) {
    errors.invoiceEmail = lang === 'ko' ? '이메일 주소 형식이 아닙니다 (예: tax@company.co.kr).' : 'This is not an email address (e.g. tax@company.com).';
  }
  return errors;
}

