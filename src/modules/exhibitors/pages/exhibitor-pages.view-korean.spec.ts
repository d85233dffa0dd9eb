import { translator } from '../../../core/web/i18n';
import type { ApplicationResponse } from '../dto/application.dto';
import type { ExhibitionResponse } from '../dto/booth.dto';
import {
  formatInstant, renderApplicationPage, renderDashboard, renderEditionPage, renderNewApplicationPage, renderSignUpPage, type ApplicationFormModel, type PageContext,
} from './exhibitor-pages.view';
import { hallName } from './exhibitor-pages.view-model';
import { EXHIBITOR_MESSAGES } from './messages';

const ctx = (lang: 'ko' | 'en', user = true): PageContext => ({
  lang, t: translator(EXHIBITOR_MESSAGES, lang), langHref: (l) => `?lang=${l}`, user: user ? { displayName: '김민준', csrf: 'tok' } : undefined,
});

const HALLS = [
  { code: 'EXH1', nameKo: '제1전시장', nameEn: 'Exhibition Hall 1', boothCapacity: 100, boothsFree: 40 },
] as unknown as ExhibitionResponse['halls'];

const application: ApplicationResponse = {
  id: '0b6f2c1e-3f55-4d1a-9d0e-1f6c2b7a8e90', edition: 'ppuri-2027', status: 'changes_requested', statusReason: '사업자등록증 사본을 다시 올려 주세요', companyName: '빛고을정밀',
  companyAlternateName: null, companyIdentifierKind: 'kr-brn', companyIdentifier: '220-81-62517',
  businessRegistrationNumber: '220-81-62517', country: 'KR', contact: { name: '김민준', email: 'm@x.example', phone: '+82 62-123-4567' },
  booth: { type: 'shell_scheme', count: 2 }, hall: 'EXH1', preferredBoothKind: null, productCategories: ['casting'], notes: null,
  booths: [{ code: '1A01', kind: 'inline', units: 1, hall: 'EXH1' }], fee: null,
  uploads: [], actions: ['edit', 'submit'], submittedAt: '2027-01-05T05:04:00.000Z', createdAt: '2027-01-05T05:00:00.000Z', updatedAt: '2027-01-05T05:04:00.000Z',
};

const form = (errors: ApplicationFormModel['errors'] = {}): ApplicationFormModel => ({
  action: '/exhibitor/applications/new', editionCode: 'ppuri-2027', halls: HALLS, categories: [{ code: 'casting', nameKo: '주조', nameEn: 'Casting' }],
  values: { contactName: '', contactEmail: '', contactPhone: '', boothType: 'shell_scheme', boothCount: '0', hall: '', preferredBoothKind: '', productCategories: [], notes: '' },
  errors,
});

/** The text a reader sees: tags, styles and attributes gone. */
const visible = (page: string): string => page.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ');

describe('exhibitor pages in Korean', () => {
  it('writes instants out by hand: 2027년 1월 5일 (화) 오후 2:04, never AM/PM', () => {
    expect(formatInstant('2027-01-05T05:04:00.000Z', 'ko')).toBe('2027년 1월 5일 (화) 오후 2:04');
    expect(formatInstant('2027-01-05T05:04:00.000Z', 'en')).toBe('Tue 5 Jan 2027, 2:04 PM');
    const page = renderApplicationPage(ctx('ko'), {
      application, editionName: '2027 국제뿌리산업전시회', history: [{ at: '2027-01-05T05:04:00.000Z', from: 'draft', to: 'submitted', reason: null } as never],
    });
    expect(page).toContain('2027년 1월 5일 (화) 오후 2:04 · 제출됨');
    // A status of two words stays on one line in the history.
    const twoWords = renderApplicationPage(ctx('ko'), { application, editionName: '2027', history: [{ at: '2027-01-05T05:04:00.000Z', from: 'submitted', to: 'changes_requested', reason: null } as never] });
    expect(twoWords).toContain('오후 2:04 · 보완\u00a0요청');
    expect(visible(page)).not.toMatch(/\b(AM|PM)\b/);
  });

  it('names halls instead of codes, says 보완 요청 and explains it at the top', () => {
    const page = renderApplicationPage(ctx('ko'), {
      application, editionName: '2027 국제뿌리산업전시회', history: [], hallName: (code) => hallName(HALLS, code, 'ko'),
    });
    expect(page).toContain('<span class="badge st-changes_requested">보완 요청</span>');
    expect(page).toContain('주최 측에서 보완 요청을 보냈습니다');
    expect(page).toContain('1A01 (일반 (한 면 개방), 제1전시장)');
    expect(page).toContain('× 2 · 제1전시장');
    expect(visible(page)).not.toContain('EXH1');
    expect(page).not.toContain('수정 요청');
  });

  it('keeps status badges on one line and error text in the error colour', () => {
    const page = renderApplicationPage(ctx('ko'), { application, editionName: '2027', history: [] });
    expect(page).toMatch(/\.badge\{[^}]*white-space:nowrap/);
    expect(page).toMatch(/\.error,\.field \.error\{color:#b42318\}/);
  });

  it('summarises the application form errors at the top, each linking to its field', () => {
    const page = renderNewApplicationPage(ctx('ko'), {
      editionName: '2027 국제뿌리산업전시회',
      form: form({ contactPhone: '전화번호를 입력하세요 (예: +82 62-123-4567).', boothCount: '부스 수는 1~100 사이의 정수여야 합니다.', productCategories: '품목을 1~10개 선택하세요.' }),
    });
    const summary = /<div class="notice bad error-summary"[\s\S]*?<\/div>/.exec(page)?.[0] ?? '';
    expect(summary).toContain('<a href="#f-contactPhone">담당자 전화번호: 전화번호를 입력하세요');
    expect(summary).toContain('<a href="#f-boothCount">');
    expect(summary).toContain('<a href="#f-categories">전시 품목: 품목을 1~10개 선택하세요.</a>');
    expect(page.indexOf('error-summary')).toBeLessThan(page.indexOf('<form'));
    for (const [, id] of summary.matchAll(/href="#([^"]+)"/g)) expect(page).toContain(`id="${id}"`);
    expect(page).toContain('<div class="error" id="f-contactPhone-error">');
  });

  it('summarises the sign-up errors with links too', () => {
    const page = renderSignUpPage(ctx('ko', false), {
      csrf: 'tok', values: { email: '', password: '', displayName: '', companyName: '', alternateName: '', countryOther: '', identifierKind: '', identifier: '', brn: '', country: 'KR', address: '', website: '', language: 'ko' },
      errors: { companyName: '필수 입력 항목입니다.', email: '필수 입력 항목입니다.' },
    });
    expect(page).toContain('<a href="#f-companyName">회사명: 필수 입력 항목입니다.</a>');
    expect(page).toContain('<a href="#f-email">이메일: 필수 입력 항목입니다.</a>');
  });

  it('uses the site frame: its footer with the venue, the exhibitor as 김민준 님 and the logout in the header', () => {
    const page = renderDashboard(ctx('ko'), {
      company: { name: '빛고을정밀', businessRegistrationNumber: '220-81-62517', identifierKind: 'kr-brn', identifier: '220-81-62517', country: 'KR', address: '광주' } as never,
      applications: [application], openEditions: [], editionNames: { 'ppuri-2027': '2027 국제뿌리산업전시회' },
      members: [{ displayName: '이서연', email: 's@x.example', role: 'member' } as never], invitations: [], invite: { email: '' },
    });
    expect(page).toContain('광주광역시 서구 상무누리로 30');
    expect(page).toContain('<span class="who">김민준 님</span>');
    expect(page).toContain('action="/exhibitor/logout"');
    expect(page).toContain('이서연 님 (s@x.example)');
    expect(page).toContain('2027 국제뿌리산업전시회');
    expect(page).toContain('noindex');
    expect(visible(page)).not.toMatch(/\b(AM|PM)\b/);
  });

  it('writes the edition page dates and deadline in Korean', () => {
    const page = renderEditionPage(ctx('ko', false), {
      code: 'ppuri-2027', name: '2027 국제뿌리산업전시회', status: 'registration_open', startsOn: '2027-04-28', endsOn: '2027-04-30', venue: '김대중컨벤션센터',
      exhibition: {
        registrationDeadline: '2027-03-31T14:59:00.000Z', priceShellSchemeKrw: 1_300_000, priceRawSpaceKrw: 1_100_000, cornerSurchargePct: 10, islandSurchargePct: 15,
        vatPct: 10, earlyBirdUntil: '2027-01-31', earlyBirdDiscountPct: 10, halls: HALLS,
      } as never,
    });
    expect(page).toContain('2027년 4월 28일 (수) – 4월 30일 (금)');
    expect(page).toContain('2027년 3월 31일 (수) 오후 11:59');
    expect(page).toContain('2027년 1월 31일 (일)');
    expect(page).toContain('제1전시장: 남은 부스 40 / 100');
  });
});
