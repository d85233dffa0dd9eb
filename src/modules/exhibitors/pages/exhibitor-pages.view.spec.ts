import { translator } from '../../../core/web/i18n';
import type { ApplicationResponse } from '../dto/application.dto';
import { formatKrw, renderApplicationPage, renderSignUpPage, type PageContext } from './exhibitor-pages.view';
import { EXHIBITOR_MESSAGES } from './messages';

const ctx = (lang: 'ko' | 'en', user = true): PageContext => ({
  lang, t: translator(EXHIBITOR_MESSAGES, lang), langHref: (l) => `?lang=${l}`, user: user ? { displayName: '김민준', csrf: 'tok' } : undefined,
});

const application: ApplicationResponse = {
  id: '0b6f2c1e-3f55-4d1a-9d0e-1f6c2b7a8e90', edition: 'ppuri-2027', status: 'approved', statusReason: null, companyName: '빛고을<정밀>',
  companyAlternateName: null, companyIdentifierKind: 'kr-brn', companyIdentifier: '220-81-62517',
  businessRegistrationNumber: '220-81-62517', country: 'KR', contact: { name: '김민준', email: 'm@x.example', phone: '+82 62-123-4567' },
  booth: { type: 'shell_scheme', count: 2 }, hall: 'EXH1', preferredBoothKind: null, productCategories: ['casting'], notes: null,
  booths: [{ code: '1A01', kind: 'inline', units: 1, hall: 'EXH1' }],
  fee: { lines: [{ code: 'booths', quantity: 2, unitKrw: 1_300_000, amountKrw: 2_600_000 }], netKrw: 2_600_000, vatKrw: 260_000, totalKrw: 2_860_000, earlyBird: false, final: true },
  uploads: [], actions: ['cancel'], submittedAt: '2027-01-05T06:04:00.000Z', createdAt: '2027-01-05T06:00:00.000Z', updatedAt: '2027-01-05T06:04:00.000Z',
};

describe('exhibitor page views', () => {
  it('formats won the Korean and the English way', () => {
    expect(formatKrw(2_860_000, 'ko')).toBe('2,860,000원');
    expect(formatKrw(2_860_000, 'en')).toBe('KRW 2,860,000');
    expect(formatKrw(-130_000, 'en')).toBe('-KRW 130,000');
  });

  it('puts each error next to its field, linked by aria-describedby, and keeps the values (escaped)', () => {
    const page = renderSignUpPage(ctx('ko', false), {
      csrf: 'tok',
      values: { email: 'a"b', password: '', displayName: '', companyName: '<회사>', alternateName: '', countryOther: '', identifierKind: '', identifier: '', brn: '1', country: 'KR', address: '', website: '', language: 'ko' },
      errors: { brn: '사업자등록번호 오류' },
    });
    expect(page).toContain('<html lang="ko">');
    expect(page.match(/<h1>/g)).toHaveLength(1);
    expect(page).toMatch(/<input id="f-brn" name="brn" value="1" type="text" aria-invalid="true" aria-describedby="f-brn-hint f-brn-error"/);
    expect(page).toContain('<div class="error" id="f-brn-error">사업자등록번호 오류</div>');
    expect(page).toContain('value="&lt;회사&gt;"');
    expect(page).toContain('value="a&quot;b"');
    expect(page).toContain('pattern="[0-9]{3}-?[0-9]{2}-?[0-9]{5}"');
    // Every input and select has a label pointing at it.
    for (const [, id] of page.matchAll(/<(?:input|select) id="([^"]+)"/g)) expect(page).toContain(`<label for="${id}">`);
  });

  it('shows an approved application with its booths, the fee with VAT, and a cancel step', () => {
    const en = renderApplicationPage(ctx('en'), { application, editionName: 'PPURI 2027', history: [] });
    expect(en).toContain('<span class="badge st-approved">approved</span>');
    expect(en).toContain('1A01');
    expect(en).toContain('<strong>KRW 2,860,000</strong>');
    expect(en).toContain('enctype="multipart/form-data"');
    expect(en).toContain('빛고을&lt;정밀&gt;');
    expect(en).toMatch(/<input type="checkbox" id="f-cancel-confirm" name="confirm" value="yes" required/);
    const ko = renderApplicationPage(ctx('ko'), { application, editionName: '뿌리산업전 2027', history: [] });
    expect(ko).toContain('승인');
    expect(ko).toContain('<strong>2,860,000원</strong>');
  });
});
