import { checkProfileForm } from './billing-profile.form';
import { profileFields, type ProfileValues } from './billing-profile.view';

const blank: ProfileValues = { legalName: '', representative: '', businessType: '', businessItem: '', address: '', taxId: '', invoiceEmail: '' };

describe('the tax-details form', () => {
  it('asks a Korean company for what a 세금계산서 needs, and no VAT id', () => {
    expect(profileFields(true)).not.toContain('taxId');
    expect(Object.keys(checkProfileForm(blank, true, 'ko')).sort()).toEqual(['address', 'businessItem', 'businessType', 'invoiceEmail', 'legalName', 'representative']);
  });

  it('asks a foreign company for name, address and invoice email; tax id and representative optional; no 업태/종목', () => {
    expect(profileFields(false)).toEqual(['legalName', 'representative', 'address', 'taxId', 'invoiceEmail']);
    expect(Object.keys(checkProfileForm(blank, false, 'en')).sort()).toEqual(['address', 'invoiceEmail', 'legalName']);
    expect(checkProfileForm({ ...blank, legalName: 'Müller GmbH', address: 'Hauptstr. 1, Berlin', invoiceEmail: 'billing@mueller.example', taxId: 'DE123456789' }, false, 'en')).toEqual({});
  });

  it('says what is wrong in the reader\'s language: a bad address, a too long value', () => {
    const errors = checkProfileForm({ ...blank, legalName: 'x'.repeat(201), address: 'a', invoiceEmail: 'nope' }, false, 'ko');
    expect(errors).toEqual({ legalName: '200자 이하로 줄여 주세요.', invoiceEmail: '이메일 주소 형식이 아닙니다 (예: tax@company.co.kr).' });
  });
});
