import { translator } from '../../../core/web/i18n';
import { EXHIBITOR_MEETINGS_MESSAGES } from './exhibitor-meetings-page.messages';
import { renderExhibitorMeetingsList, renderExhibitorMeetingsPage, type ExhibitorMeetingsContext } from './exhibitor-meetings-page.view';
import {
  defaultValues, editionState, errorLinks, flashText, parseOptIn, reasonText, refusal, serviceFieldErrors, type EditionPageModel, type OptInValues,
} from './exhibitor-meetings-page.view-model';
import { PARTICIPANT_MESSAGES } from './participant-page.messages';

const ko = translator(EXHIBITOR_MEETINGS_MESSAGES, 'ko');
const en = translator(EXHIBITOR_MEETINGS_MESSAGES, 'en');
const pko = translator(PARTICIPANT_MESSAGES, 'ko');
const choices = {
  categories: [{ code: 'battery-charging', nameKo: '배터리·충전', nameEn: 'Batteries and charging' }, { code: 'ev-powertrain', nameKo: '전기차 동력계', nameEn: 'EV powertrain' }],
  days: ['2027-07-08', '2027-07-09'],
};
const good: OptInValues = { contactName: '박지은', email: 'ji@cell.example', languages: ['ko', 'en'], interests: ['battery-charging'], days: ['2027-07-08'], locale: 'ko' };

describe('exhibitor meetings page: decisions', () => {
  it('a fresh form starts from the application: contact, the categories the fair offers, every day, its language', () => {
    const v = defaultValues({ contactName: '박지은', contactEmail: 'ji@cell.example', categories: ['battery-charging', 'casting'], locale: 'en' }, choices, 'ko');
    expect(v).toEqual({ contactName: '박지은', email: 'ji@cell.example', languages: ['ko'], interests: ['battery-charging'], days: ['2027-07-08', '2027-07-09'], locale: 'en' });
    expect(defaultValues(undefined, choices, 'ko').interests).toEqual([]);
  });

  it('parses a good form into the service input; every wrong field gets its own Korean message', () => {
    expect(parseOptIn(good, choices, ko)).toEqual({ input: { ...good } });
    const bad = parseOptIn({ contactName: ' ', email: 'nope', languages: [], interests: ['casting'], days: ['2027-01-01'], locale: 'ko' }, choices, ko);
    expect(bad.errors).toEqual({
      contactName: '담당자 이름 항목을 입력해 주세요.',
      email: '이메일 주소 형식이 올바르지 않습니다. 예: name@company.co.kr',
      languages: '상담 가능 언어 항목을 하나 이상 선택해 주세요.',
      interests: '상담 품목 항목에 선택할 수 없는 값이 있습니다.',
      days: '참석할 수 있는 상담일 항목에 선택할 수 없는 값이 있습니다.',
    });
    expect(parseOptIn({ ...good, contactName: 'a\nb' }, choices, ko).errors?.contactName).toBe('담당자 이름 항목은 한 줄로 입력해 주세요.');
    expect(parseOptIn({ ...good, languages: ['xx'] }, choices, en).errors?.languages).toBe('Languages for meetings: a choice is not on the list.');
    expect(errorLinks(bad.errors!).map((l) => l.href)).toEqual(['#f-contactName', '#f-email', '#f-languages', '#f-interests', '#f-days']);
  });

  it('an email already taking part is said in the page language', () => {
    expect(serviceFieldErrors([{ field: 'email', messages: ['emailTaken'] }], ko)).toEqual({ email: ko('errEmailTaken') });
  });

  it('standing and reasons: taking part, open, closed with the application status named', () => {
    expect(editionState(true, { may: false, reason: 'alreadyIn' })).toBe('joined');
    expect(editionState(false, { may: true })).toBe('open');
    expect(editionState(false, { may: false, reason: 'notApproved' })).toBe('closed');
    expect(reasonText('notApproved', 'changes_requested', ko)).toBe('참가 신청이 아직 승인되지 않았습니다(현재 상태: 보완 요청). 승인된 뒤에 참여할 수 있습니다.');
    expect(reasonText('notApproved', 'submitted', en)).toContain('(now: submitted)');
    expect(reasonText('published', undefined, ko)).toContain('게시');
  });

  it('refusals in the page words, never the service English', () => {
    const opts = { action: true };
    expect(refusal({ statusCode: 403, code: 'FORBIDDEN', reason: 'notApproved', applicationStatus: 'submitted', message: 'Export meetings: notApproved.' }, ko, pko, opts))
      .toBe('참가 신청이 아직 승인되지 않았습니다(현재 상태: 제출됨). 승인된 뒤에 참여할 수 있습니다.');
    expect(refusal({ statusCode: 403, code: 'FORBIDDEN', reason: 'csrf' }, ko, pko, opts)).toBe(ko('errExpired'));
    expect(refusal({ statusCode: 404, code: 'NOT_FOUND' }, ko, pko, { action: false })).toBe(ko('errNotFound'));
    expect(refusal({ statusCode: 404, code: 'NOT_FOUND' }, ko, pko, opts)).toBe(pko('refusedNotWaiting'));
    expect(refusal({ statusCode: 409, code: 'CONFLICT' }, ko, pko, opts)).toBe(pko('refusedDuplicate'));
    expect(refusal({ statusCode: 500, code: 'INTERNAL_ERROR', errorId: 'E1' }, ko, pko, opts)).toContain('E1');
  });

  it('only known flashes put words on the page', () => {
    expect(flashText('joined', ko, pko)).toBe(ko('flashJoined'));
    expect(flashText('accepted', ko, pko)).toBe(pko('flashAccepted'));
    expect(flashText('<script>', ko, pko)).toBeUndefined();
    expect(flashText(['joined'], ko, pko)).toBeUndefined();
  });
});

describe('exhibitor meetings page: rendering', () => {
  const ctx = (lang: 'ko' | 'en'): ExhibitorMeetingsContext => ({
    lang, t: translator(EXHIBITOR_MEETINGS_MESSAGES, lang), pt: translator(PARTICIPANT_MESSAGES, lang), langHref: (l) => `/x?lang=${l}`, csrf: 'tok',
  });
  const base: EditionPageModel = {
    code: 'green-car-2027', name: { ko: '2027 그린카 전시회', en: 'Green Car 2027' }, company: 'Bitgoeul <Cell>', applicationStatus: 'approved',
    optIn: { may: true }, optOut: { may: false, reason: 'notIn' }, choices, defaults: good,
  };

  it('the opt-in form: CSRF, the values typed, errors on top with links and beside the fields, dates without AM/PM', () => {
    const page = renderExhibitorMeetingsPage(ctx('ko'), base, { values: { ...good, email: 'bad"' }, errors: { email: ko('errEmail') } });
    expect(page).toContain('name="_csrf" value="tok"');
    expect(page).toContain('action="/exhibitor/meetings/green-car-2027/opt-in?lang=ko"');
    expect(page).toContain('value="bad&quot;"');
    expect(page).toContain('<a href="#f-email">');
    expect(page).toContain('<p class="error" id="e-email">');
    expect(page).toContain('Bitgoeul &lt;Cell&gt;');
    expect(page).toContain('7월 8일 (목)');
    expect(page).toMatch(/value="battery-charging" checked/);
    expect(page).not.toMatch(/\bAM\b|\bPM\b/);
  });

  it('a closed edition shows the reason instead of the form', () => {
    const page = renderExhibitorMeetingsPage(ctx('ko'), { ...base, applicationStatus: 'submitted', optIn: { may: false, reason: 'notApproved' } });
    expect(page).toContain('현재 상태: 제출됨');
    expect(page).not.toContain('/opt-in');
  });

  it('taking part: received requests with accept/decline (CSRF), sent ones, suggestions with a request form, leave', () => {
    const joined: EditionPageModel = {
      ...base, optIn: { may: false, reason: 'alreadyIn' }, optOut: { may: true },
      joined: {
        token: 'p.tok', contactName: '박지은', email: 'ji@cell.example', languages: ['ko'], interests: ['battery-charging'], days: ['2027-07-08'],
        page: {
          token: 'p.tok', company: 'Bitgoeul Cell', side: 'exhibitor', edition: { nameKo: 'x', nameEn: 'x' }, slots: [], unavailableSlots: [], agenda: [],
          incoming: [{ id: 'r1', counterpart: { name: 'Hanoi EV', country: 'VN' }, priority: 'must', status: 'pending', expiresAt: '2027-07-01T14:00:00+09:00' }],
          outgoing: [{ id: 'r2', counterpart: { name: 'Saigon Parts', country: 'VN' }, priority: 'nice', status: 'accepted', expiresAt: null }],
          suggestions: [{ participant: '00000000-0000-4000-8000-000000000001', companyName: 'Bangkok Motors', country: 'TH', reason: { ko: '관심 품목 일치', en: 'shared interest' } }],
        },
      },
    };
    const page = renderExhibitorMeetingsPage(ctx('ko'), joined);
    expect(page).toContain('action="/exhibitor/meetings/green-car-2027/requests/r1/accept?lang=ko"');
    expect(page).toContain('action="/exhibitor/meetings/green-car-2027/requests/r1/decline?lang=ko"');
    expect(page.match(/name="_csrf" value="tok"/g)?.length).toBe(4); // accept, decline, request, leave
    expect(page).toContain('Hanoi EV (베트남)');
    expect(page).toContain('오후 2:00');
    expect(page).toContain('Saigon Parts (베트남)');
    expect(page).toContain('Bangkok Motors (태국)');
    expect(page).toContain('href="/meetings/p.tok?lang=ko"');
    expect(page).toContain('/opt-out?lang=ko');
    expect(page).not.toMatch(/\bAM\b|\bPM\b/);
    expect(renderExhibitorMeetingsPage(ctx('ko'), { ...joined, optOut: { may: false, reason: 'published' } })).not.toContain('/opt-out');
  });

  it('the list: each edition with its standing and, when closed, why', () => {
    const page = renderExhibitorMeetingsList(ctx('ko'), [
      { code: 'green-car-2027', name: { ko: '2027 그린카 전시회', en: 'Green Car 2027' }, state: 'joined', applicationStatus: 'approved' },
      { code: 'ppuri-2027', name: { ko: '2027 뿌리산업 전시회', en: 'PPURI 2027' }, state: 'closed', reason: 'notApproved', applicationStatus: 'under_review' },
    ]);
    expect(page).toContain('href="/exhibitor/meetings/green-car-2027?lang=ko"');
    expect(page).toContain('참여 중');
    expect(page).toContain('현재 상태: 검토 중');
  });
});
