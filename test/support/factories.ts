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
