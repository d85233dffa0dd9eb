import { businessRegistrationCheckDigit } from '../../src/modules/exhibitors/domain/business-registration-number';

let counter = 0;

/** A valid business registration number, different on every call. */
export function newBusinessRegistrationNumber(): string {
  counter++;
  const nine = String((Date.now() % 1e6) * 1000 + ((counter * 7919) % 1000)).padStart(9, '0').slice(-9);
  return `${nine}${businessRegistrationCheckDigit(nine)}`;
}

/** A complete, valid exhibitor application body for an edition of the PPURI fair. */
export function newExhibitorApplication(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    company: {
      name: '빛고을정밀 주식회사',
      businessRegistrationNumber: newBusinessRegistrationNumber(),
      country: 'KR',
      address: '광주광역시 광산구 하남산단 8번로 100',
      website: 'https://bitgoeul-precision.example',
    },
    contact: { name: '김민준', email: `minjun.kim+${counter}@bitgoeul-precision.example`, phone: '+82 62-123-4567' },
    booth: { type: 'shell_scheme', count: 2 },
    productCategories: ['casting', 'mold'],
    language: 'en',
    ...overrides,
  };
}

export const OPEN_PPURI_EDITION = 'ppuri-2027';
export const registrationPath = (edition = OPEN_PPURI_EDITION): string => `/api/editions/${edition}/exhibitor-applications`;

/** The params of an `exhibitor.application-submitted` email, for tests that put mail in the outbox by hand. */
export function submittedMailParams(company: string, i = 1): Record<string, unknown> {
  return {
    applicationId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    companyName: company,
    contactName: 'Lee',
    businessRegistrationNumber: '220-81-62517',
    editionNameKo: '2027 국제뿌리산업전시회',
    editionNameEn: '2027 International Manufacturing Technology (PPURI) Fair',
    startsOn: '2027-04-28',
    endsOn: '2027-04-30',
    boothType: 'raw_space',
    boothCount: 1,
    productCategories: ['casting'],
  };
}
