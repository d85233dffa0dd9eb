import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import { translator } from '../../../core/web/i18n';
import { VISIT_MESSAGES } from './visit-page.messages';
import { renderVisitForm } from './visit-page.view';
import { emptyVisit, mergeErrors, parseVisit, visitErrorPage, visitRefusal, visitValues } from './visit-page.view-model';

const DAYS = ['2027-04-28', '2027-04-29', '2027-04-30'];
const edition = { code: 'ppuri-2027', nameKo: '2027 국제뿌리산업전시회', nameEn: '2027 PPURI', startsOn: '2027-04-28', endsOn: '2027-04-30', days: DAYS, open: true };

describe('visit page view model', () => {
  it('keeps what was typed, trimmed, and reads checkboxes and one or many days', () => {
    const v = visitValues({ name: ' 김민준 ', email: 'a@b.example', country: 'kr', days: ['2027-04-29', '2027-04-29', ''], consentMessages: 'true', formKey: 'k'.repeat(20) }, 'ko');
    expect(v).toMatchObject({ name: '김민준', country: 'KR', days: ['2027-04-29'], consentMessages: true, consentShareContact: false, language: 'ko', formKey: 'k'.repeat(20) });
    expect(visitValues({}, 'en').formKey).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });

  it('gives the DTO the API takes, days sorted', () => {
    const parsed = parseVisit({ ...emptyVisit('ko'), name: '김민준', email: 'minjun@example.com', kind: 'press', days: ['2027-04-30', '2027-04-28'] }, DAYS);
    expect(parsed).toEqual({ ok: true, dto: {
      name: '김민준', email: 'minjun@example.com', country: 'KR', kind: 'press', days: ['2027-04-28', '2027-04-30'], language: 'ko', consentMessages: false, consentShareContact: false,
    } });
  });

  it('names every wrong field with a message key', () => {
    const parsed = parseVisit({ ...emptyVisit('en'), email: 'x', country: 'KOR', kind: 'vip', days: ['2027-05-01'], language: 'fr', company: 'a'.repeat(201) }, DAYS);
    expect(parsed).toEqual({ ok: false, errors: {
      name: 'errNameMissing', email: 'errEmail', company: 'errCompanyLong', country: 'errCountry', kind: 'errKind', days: 'errDays', language: 'errLanguage',
    } });
    expect(parseVisit({ ...emptyVisit('ko'), name: 'a\nb', email: 'a@b.example', kind: 'buyer' }, DAYS)).toEqual({ ok: false, errors: { name: 'errSingleLine', days: 'errDaysMissing' } });
  });

  it('checks the day format without the edition, the edition\'s days with it, and merges what the service found', () => {
    const v = { ...emptyVisit('ko'), name: '김민준', email: 'minjun@example.com', kind: 'buyer', days: ['2027-05-02'] };
    expect(parseVisit(v).ok).toBe(true);
    expect(parseVisit({ ...v, days: ['next week'] })).toEqual({ ok: false, errors: { days: 'errDays' } });
    expect(mergeErrors(parseVisit(v, DAYS), { email: 'errInvalid' })).toEqual({ days: 'errDays', email: 'errInvalid' });
    expect(mergeErrors(parseVisit(v), {})).toEqual({});
  });

  it('maps the service refusals to the page', () => {
    expect(visitRefusal(new DomainError(ErrorCode.EditionNotOpen, 'closed'))).toEqual({ kind: 'closed' });
    expect(visitRefusal(DomainError.validation([{ field: 'days', messages: ['not days of'] }]))).toEqual({ kind: 'form', errors: { days: 'errDays' }, status: 400 });
    expect(visitRefusal(DomainError.validation([{ field: 'other', messages: ['?'] }]))).toEqual({ kind: 'form', errors: {}, message: 'errInvalid', status: 400 });
    expect(visitRefusal(new DomainError(ErrorCode.IdempotencyKeyReused, 'x'))).toMatchObject({ message: 'errAlreadySent', status: 422 });
    expect(visitRefusal(new Error('boom'))).toBeUndefined();
    expect(visitErrorPage(429, undefined).title).toBe('tooManyTitle');
    expect(visitErrorPage(403, 'csrf').title).toBe('expiredTitle');
  });

  it('renders the errors on top with links to the fields, and next to them', () => {
    const t = translator(VISIT_MESSAGES, 'ko');
    const page = renderVisitForm({ lang: 'ko', t, langHref: (l) => `?lang=${l}` }, {
      edition, values: { ...emptyVisit('ko'), name: '<b>' }, errors: { email: 'errEmailMissing', days: 'errDaysMissing' }, csrf: 'c',
    });
    expect(page).toContain('입력한 내용을 확인해 주세요 (2건)');
    expect(page).toContain('<a href="#v-email">이메일: 이메일 주소를 입력해 주세요.</a>');
    expect(page).toContain('<a href="#v-day-2027-04-28">');
    expect(page).toContain('<p class="error" id="v-email-error">');
    expect(page).toContain('value="&lt;b&gt;"');
    expect(page).toContain('2027년 4월 30일 (금)');
    expect(page).not.toMatch(/\b(AM|PM)\b/);
  });
});
