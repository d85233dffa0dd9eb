import { ErrorCode } from '../../../core/errors/domain-error';
import type { ApplicationResponse } from '../dto/application.dto';
import { reviewTranslator } from './review-console.messages';
import { renderReviewDetail, renderReviewList, type ReviewContext } from './review-console.view';
import {
  bulkNotice, decisionError, decodeOutcomes, encodeOutcomes, listNotices, outcomeText, pageNumber, pagination, refusalOutcome, safeBack, selectedIds,
} from './review-console.view-model';

const ctx = (lang: 'ko' | 'en'): ReviewContext => ({ lang, t: reviewTranslator(lang), langHref: (l) => `?lang=${l}`, user: { displayName: '김민준', csrf: 'tok' } });
const ID = '0b6f2c1e-3f55-4d1a-9d0e-1f6c2b7a8e90';
const ID2 = '1b6f2c1e-3f55-4d1a-9d0e-1f6c2b7a8e91';

const application: ApplicationResponse = {
  id: ID, edition: 'ppuri-2027', status: 'submitted', statusReason: null, companyName: '빛고을<정밀>',
  companyAlternateName: null, companyIdentifierKind: 'kr-brn', companyIdentifier: '220-81-62517',
  businessRegistrationNumber: '220-81-62517', country: 'KR', contact: { name: '김민준', email: 'm@x.example', phone: '+82 62-123-4567' },
  booth: { type: 'shell_scheme', count: 2 }, hall: null, preferredBoothKind: 'corner', productCategories: ['casting'], notes: '전원 필요',
  booths: [], fee: null, uploads: ['logo', 'brochure'], actions: ['start_review', 'approve', 'waitlist', 'reject', 'request_changes'],
  submittedAt: '2027-01-05T05:04:00.000Z', createdAt: '2027-01-05T05:00:00.000Z', updatedAt: '2027-01-05T05:04:00.000Z',
};
const halls = [{ code: 'EXH1', nameKo: '제1전시장', nameEn: 'Exhibition Hall 1', boothCapacity: 240, boothsFree: 240 }];
const filters = { edition: 'ppuri-2027', status: '', hall: '', category: '', country: '', q: '', sort: '', order: '' };
const editions = [{ code: 'ppuri-2027', fair: 'ppuri', nameKo: '2027 뿌리산업전', nameEn: '2027 PPURI', status: 'registration_open', startsOn: '2027-05-12', endsOn: '2027-05-14' }];

describe('review console view models', () => {
  it('pages 220 applications by 50: "1–50 of 220", the last page holds 201–220, links around the current page', () => {
    expect(pagination(220, 1)).toMatchObject({ from: 1, to: 50, total: 220, lastPage: 5, links: [1, 2, 3, null, 5] });
    expect(pagination(220, 5)).toMatchObject({ from: 201, to: 220, page: 5, links: [1, null, 3, 4, 5] });
    expect(pagination(220, 99).page).toBe(5);
    expect(pagination(0, 1)).toMatchObject({ from: 0, to: 0, lastPage: 1, links: [1] });
    expect(pageNumber('3')).toBe(3);
    expect(pageNumber('0')).toBe(1);
    expect(pageNumber('x')).toBe(1);
  });

  it('maps refusals to outcomes and words, never the service’s English', () => {
    expect(refusalOutcome({ code: ErrorCode.ValidationFailed, field: 'hall' })).toBe('x_no_hall');
    expect(refusalOutcome({ code: ErrorCode.ValidationFailed, field: 'reason' })).toBe('x_reason');
    expect(refusalOutcome({ code: ErrorCode.IllegalTransition, status: 'approved' })).toBe('x_state_approved');
    expect(refusalOutcome({ code: ErrorCode.Conflict })).toBe('x_full');
    expect(refusalOutcome({ code: ErrorCode.NotFound })).toBe('x_missing');
    expect(refusalOutcome({ code: ErrorCode.Forbidden })).toBe('x_forbidden');
    const ko = reviewTranslator('ko');
    expect(outcomeText('x_no_hall', ko)).toBe('처리되지 않음: 홀이 지정되지 않았습니다. 상세 화면에서 홀을 골라 승인하세요.');
    expect(outcomeText('x_state_approved', ko)).toBe('처리되지 않음: 현재 상태(승인)에서는 이 처리를 할 수 없습니다.');
    expect(outcomeText('approved', ko)).toBe('승인됨');
    expect(outcomeText('changes_requested', reviewTranslator('en'))).toBe('changes requested');
    expect(decisionError({ code: ErrorCode.ValidationFailed, field: 'hall' }, ko)).toEqual({ field: 'hall', text: '승인하려면 홀을 고르세요.' });
    expect(decisionError({ code: ErrorCode.ValidationFailed, field: 'reason' }, ko).field).toBe('reason');
  });

  it('carries a bulk result through the redirect and colours the notice: green only when all were done', () => {
    const values = encodeOutcomes([
      { id: ID, companyName: 'A', status: 'approved' },
      { id: ID2, companyName: 'B', refusal: { code: ErrorCode.ValidationFailed, field: 'hall' } },
    ]);
    expect(values).toEqual([`${ID}.approved`, `${ID2}.x_no_hall`]);
    const back = decodeOutcomes([...values, 'junk', `${ID}.x_state_nonsense`]);
    expect(back).toEqual([{ id: ID, outcome: 'approved' }, { id: ID2, outcome: 'x_no_hall' }]);
    const t = reviewTranslator('en');
    expect(bulkNotice(['approved', 'rejected'], t)).toEqual({ tone: 'ok', text: 'All 2 done.' });
    expect(bulkNotice(['approved', 'x_no_hall'], t)).toEqual({ tone: 'warn', text: '1 done, 1 refused: see why in the list below.' });
    expect(bulkNotice(['x_no_hall', 'x_reason'], t).tone).toBe('bad');
    expect(listNotices({ flash: 'bulk', r: values }, t)).toMatchObject({ flash: { tone: 'warn' }, outcomes: [{ id: ID }, { id: ID2 }] });
    expect(listNotices({ flash: 'bulk-reason' }, t)).toEqual({ outcomes: [], bulkError: 'Rejecting and requesting changes need a reason.' });
    expect(listNotices({ flash: 'bulk', r: 'garbage' }, t)).toEqual({ outcomes: [] });
  });

  it('accepts only list query strings to go back to, and only UUIDs as selected ids', () => {
    expect(safeBack('?edition=ppuri-2027&page=2')).toBe('?edition=ppuri-2027&page=2');
    expect(safeBack('https://evil.example/')).toBe('');
    expect(safeBack('?a=<b>')).toBe('');
    expect(selectedIds([ID, ID, 'x', ID2])).toEqual([ID, ID2]);
    expect(selectedIds(undefined)).toEqual([]);
  });
});

describe('review console views', () => {
  it('lists a page with select-all ticked, a hall picker by name for an application without hall, pages and the results list', () => {
    const page = renderReviewList(ctx('ko'), {
      filters, filterErrors: {}, page: 2, selectAll: true, editions, halls, categories: [], items: [application], total: 120, back: '?edition=ppuri-2027',
      flash: { tone: 'warn', text: '1건 처리, 1건은 처리되지 않았습니다.' },
      results: [{ id: ID, company: '빛고을<정밀>', outcome: 'x_no_hall' }],
    });
    expect(page).toContain('aria-current="page">참가 신청</a>');
    expect(page).toContain('전체 120건 중 51–100');
    expect(page).toContain(`form="bulk" name="ids" value="${ID}" id="sel-${ID}" checked`);
    expect(page).toContain('href="/console/applications?edition=ppuri-2027&amp;page=3"');
    expect(page).toContain(`<select id="hall-${ID}" name="hall"`);
    expect(page).toContain('<option value="EXH1">제1전시장 (남은 부스 240)</option>');
    expect(page).toContain('class="notice warn"');
    expect(page).toContain('빛고을&lt;정밀&gt;</a> → 처리되지 않음: 홀이 지정되지 않았습니다.');
    expect(page).toContain('2027년 1월 5일 (화) 오후 2:04');
    expect(page).not.toMatch(/\bAM\b|\bPM\b/);
    for (const [, id] of page.matchAll(/<(?:input|select) id="([^"]+)"/g)) expect(page).toMatch(new RegExp(`<label for="${id}"`));
  });

  it('without an edition offers the editions to pick', () => {
    const page = renderReviewList(ctx('en'), {
      filters: { ...filters, edition: '' }, filterErrors: {}, page: 1, selectAll: false, editions, halls: [], categories: [], items: [], total: 0, back: '',
    });
    expect(page).toContain('Choose an edition');
    expect(page).toContain('href="/console/applications?edition=ppuri-2027"');
    expect(page).not.toContain('id="bulk"');
  });

  it('shows one application: contacts, logo preview, brochure link, history with who and when, the decision forms', () => {
    const page = renderReviewDetail(ctx('ko'), {
      application, halls, categories: [{ code: 'casting', nameKo: '주조', nameEn: 'Casting' }], edition: editions[0],
      history: [
        { from: null, to: 'submitted', action: 'submit', actorRole: 'exhibitor', actorName: '김민준', reason: null, at: '2027-01-05T05:04:00.000Z' },
        { from: 'submitted', to: 'changes_requested', action: 'request_changes', actorRole: 'organizer', actorName: '박서연', reason: '사업자등록증 필요', at: '2027-01-06T01:30:00.000Z' },
      ],
      error: { id: ID, field: 'hall', text: '승인하려면 홀을 고르세요.', reason: '', hall: '' },
    });
    expect(page).toContain(`<img class="logo" src="/console/applications/${ID}/uploads/logo" alt="빛고을&lt;정밀&gt; 로고">`);
    expect(page).toContain(`href="/console/applications/${ID}/uploads/brochure"`);
    expect(page).toContain('m@x.example');
    expect(page).toContain('주조');
    expect(page).toContain('박서연 (주최자)');
    expect(page).toContain('2027년 1월 6일 (수) 오전 10:30');
    expect(page).toContain('사업자등록증 필요');
    expect(page).toContain(`aria-describedby="d-hall-${ID}-error"`);
    expect(page).toContain('<div class="error" id="d-hall-' + ID + '-error">승인하려면 홀을 고르세요.</div>');
    expect(page).toContain('value="/' + ID + '"');
  });
});
