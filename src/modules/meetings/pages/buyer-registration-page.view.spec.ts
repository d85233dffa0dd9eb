import { translator, type Lang } from '../../../core/web/i18n';
import { buyerValues, emptyValues, mapServiceErrors, parseBuyer, type BuyerValues } from './buyer-registration-page.forms';
import { BUYER_REGISTRATION_MESSAGES } from './buyer-registration-page.messages';
import { renderBuyerMessagePage, renderBuyerRegistrationPage, submitAnswer, waitWords, type BuyerFormModel, type BuyerPageContext } from './buyer-registration-page.view';

const ctx = (lang: Lang): BuyerPageContext => ({ lang, t: translator(BUYER_REGISTRATION_MESSAGES, lang), langHref: (l) => `/fairs/green-car-2027/buyers?lang=${l}` });
const textOf = (page: string): string => page.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

const model: BuyerFormModel = {
  code: 'green-car-2027',
  editionName: { ko: '2027 국제그린카산업전시회', en: '2027 International Green Car Industry Fair' },
  open: true,
  categories: [{ code: 'ev-powertrain', nameKo: '전기차 구동계', nameEn: 'EV powertrain' }, { code: 'auto-parts', nameKo: '자동차 부품', nameEn: 'Auto parts' }],
  days: ['2027-07-08', '2027-07-09'],
};
const choices = { categories: ['ev-powertrain', 'auto-parts'], days: model.days };
const good = (over: Partial<BuyerValues> = {}): BuyerValues => ({
  companyName: 'Saigon Auto', alternateCompanyName: '', country: 'VN', identifierKind: '', identifier: '', contactName: 'Nguyen An', email: 'an@saigon.example', interests: ['auto-parts'], languages: ['vi'],
  days: ['2027-07-08'], purchasePlans: '', locale: 'en', ...over,
});
const form = (values: BuyerValues, errors = {}) => ({ csrf: 'tok', formKey: 'key-1', values, errors });

describe('buyer registration form', () => {
  const t = ctx('ko').t;

  it('accepts a complete form as the API DTO', () => {
    const parsed = parseBuyer(good(), choices, t, 'ko');
    expect(parsed.errors).toBeUndefined();
    expect(parsed.dto).toMatchObject({ companyName: 'Saigon Auto', country: 'VN', email: 'an@saigon.example', interests: ['auto-parts'], languages: ['vi'], locale: 'en' });
  });

  it('names each wrong field in the page language', () => {
    const parsed = parseBuyer(good({ companyName: ' ', country: '', email: 'nope', interests: [], languages: [], days: [] }), choices, t, 'ko');
    expect(parsed.errors).toEqual({
      companyName: '회사명 항목을 입력해 주세요.',
      country: '목록에서 국가를 선택해 주세요.',
      email: '올바른 이메일 주소를 입력해 주세요 (예: name@company.com).',
      interests: '하나 이상 선택해 주세요.',
      languages: '하나 이상 선택해 주세요.',
      days: '하나 이상 선택해 주세요.',
    });
    const en = parseBuyer(good({ interests: ['robots'], days: ['2030-01-01'], companyName: 'x'.repeat(201), country: 'XX' }), choices, ctx('en').t, 'en');
    expect(en.errors).toEqual({
      interests: 'A value is not in the list: choose from the list.',
      days: 'A value is not in the list: choose from the list.',
      companyName: 'Too long: 200 characters at most.',
      country: 'Choose a country from the list.',
    });
    // No meeting day set yet: the days are not asked.
    expect(parseBuyer(good({ days: [] }), { ...choices, days: [] }, t, 'ko').errors).toBeUndefined();
  });

  it('keeps what was typed, and maps the service errors to fields', () => {
    expect(buyerValues({ country: ' vn ', interests: ['auto-parts'], locale: 'xx' }, 'ko')).toMatchObject({ country: 'VN', interests: ['auto-parts'], languages: [], locale: 'ko', email: '' });
    expect(emptyValues('en', model.days).days).toEqual(model.days);
    expect(mapServiceErrors([{ field: 'unavailableSlots' }, { field: 'email' }], t)).toEqual({ days: '받아들일 수 없는 값입니다. 다시 확인해 주세요.', email: '올바른 이메일 주소를 입력해 주세요 (예: name@company.com).' });
  });
});

describe('buyer registration page view', () => {
  it('renders the form in Korean with the choices, CSRF token and one-time key', () => {
    const page = renderBuyerRegistrationPage(ctx('ko'), model, form(emptyValues('ko', model.days)));
    expect(page).toContain('<html lang="ko">');
    expect(page).toContain('<input type="hidden" name="_csrf" value="tok">');
    expect(page).toContain('<input type="hidden" name="formKey" value="key-1">');
    expect(page).toContain('action="/fairs/green-car-2027/buyers?lang=ko"');
    const text = textOf(page);
    for (const word of ['전기차 구동계', '베트남', '베트남어', '2027년 7월 8일 (목)', '2027년 7월 9일 (금)']) expect(text).toContain(word);
    expect(text).not.toMatch(/EV powertrain|Vietnam|\b(AM|PM)\b/);
    expect(page).not.toContain('class="error-summary"');
    // Every meeting day starts ticked; countries sorted by their Korean name.
    expect(page.match(/name="days" value="[^"]+" checked/g)).toHaveLength(2);
    expect(page.indexOf('>대한민국<')).toBeLessThan(page.indexOf('>베트남<'));
    expect(page.indexOf('>베트남<')).toBeLessThan(page.indexOf('>중국<'));
  });

  it('shows errors on top with links and at each field, values kept and escaped', () => {
    const values = good({ companyName: '<b>Evil</b>', email: 'nope' });
    const page = renderBuyerRegistrationPage(ctx('en'), model, form(values, { email: 'Enter a valid email address.', interests: 'Choose one.' }));
    expect(page).toContain('<h2>Please check your entries (2)</h2>');
    expect(page).toContain('<li><a href="#f-email">Email: Enter a valid email address.</a></li>');
    expect(page).toContain('<li><a href="#f-interests">Products of interest: Choose one.</a></li>');
    expect(page).toContain('<p class="error" id="f-email-error">Enter a valid email address.</p>');
    expect(page).toMatch(/<input id="f-email" name="email" value="nope"[^>]* aria-invalid="true" aria-describedby="f-email-hint f-email-error">/);
    expect(page).toContain('value="&lt;b&gt;Evil&lt;/b&gt;"');
    expect(page).not.toContain('<b>Evil</b>');
    expect(page).toContain('<option value="VN" selected>Vietnam</option>');
  });

  it('says registration is closed, with no form', () => {
    const page = renderBuyerRegistrationPage(ctx('ko'), { ...model, open: false }, undefined);
    expect(textOf(page)).toContain('바이어 등록 기간이 아닙니다');
    expect(page).not.toContain('<form');
  });

  it('decides the answer to a submission', () => {
    const c = ctx('ko');
    const f = { csrf: 'tok', formKey: 'key-1', freshKey: 'key-2', values: good() };
    expect(submitAnswer({ kind: 'registered', token: 'abc.def' }, c, f)).toEqual({ redirect: '/meetings/abc.def?lang=ko&done=registered' });
    const closed = submitAnswer({ kind: 'closed', model }, c, f);
    expect(closed).toMatchObject({ status: 409 });
    const invalid = submitAnswer({ kind: 'invalid', model, errors: { email: '이미 등록' } }, c, f) as { status: number; page: string };
    expect(invalid.status).toBe(400);
    expect(invalid.page).toContain('name="formKey" value="key-1"');
    const used = submitAnswer({ kind: 'invalid', model, errors: {}, message: 'errFormUsed', newFormKey: true }, c, f) as { status: number; page: string };
    expect(used.page).toContain('name="formKey" value="key-2"');
    expect(used.page).toContain('이 양식은 이미 다른 내용으로 제출되었습니다.');
  });

  it('words the wait of a refusal and renders it in the error colour', () => {
    const t = ctx('ko').t;
    expect(waitWords(37, t)).toBe('37초');
    expect(waitWords(0.2, t)).toBe('1초');
    expect(waitWords(600, t)).toBe('10분');
    const page = renderBuyerMessagePage(ctx('ko'), '요청이 너무 많습니다', '37초 후에', '/fairs/x/buyers?lang=ko');
    expect(page).toContain('<p class="error-text" role="alert">37초 후에</p>');
    expect(page).toContain('<a href="/fairs/x/buyers?lang=ko">등록 양식으로 돌아가기</a>');
  });
});
