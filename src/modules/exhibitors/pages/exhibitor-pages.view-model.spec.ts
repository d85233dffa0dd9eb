import { DomainError, ErrorCode } from '../../../core/errors/domain-error';
import { translator } from '../../../core/web/i18n';
import type { ApplicationResponse } from '../dto/application.dto';
import {
  accountRefusal, applicationOffer, applicationRefusal, dashboardEditions, describeError, editionTitle, emailError, errorSummary, hallName, joinErrors,
  loginMissing, loginRefusal, newApplicationValues, pageOfPost, savedFlash, withLangParam, signUpRefusal, storedValues, tooManyText, uploadRefusal,
} from './exhibitor-pages.view-model';
import { flashOf } from './flash-messages';
import { EXHIBITOR_MESSAGES } from './messages';

const ko = translator(EXHIBITOR_MESSAGES, 'ko');
const en = translator(EXHIBITOR_MESSAGES, 'en');

const application = (over: Partial<ApplicationResponse> = {}): ApplicationResponse => ({
  id: '0b6f2c1e-3f55-4d1a-9d0e-1f6c2b7a8e90', edition: 'ppuri-2027', status: 'draft', statusReason: null, companyName: '빛고을정밀',
  companyAlternateName: null, companyIdentifierKind: 'kr-brn', companyIdentifier: '220-81-62517',
  businessRegistrationNumber: '220-81-62517', country: 'KR', contact: { name: '김민준', email: 'm@x.example', phone: '+82 62-123-4567' },
  booth: { type: 'raw_space', count: 3 }, hall: 'EXH2', preferredBoothKind: 'corner', productCategories: ['casting', 'mold'], notes: '전기 3kW',
  booths: [], fee: null, uploads: [], actions: ['edit', 'submit', 'cancel'], submittedAt: null, createdAt: '2027-01-05T06:00:00.000Z', updatedAt: '2027-01-05T06:00:00.000Z',
  ...over,
});

const HALLS = [
  { code: 'EXH1', nameKo: '제1전시장', nameEn: 'Exhibition Hall 1' },
  { code: 'EXH2', nameKo: '제2전시장', nameEn: 'Exhibition Hall 2' },
];

describe('exhibitor page view models', () => {
  describe('edition names', () => {
    it('use the fairs area rule: the year, then the series, in the page language', () => {
      const series = { nameKo: '국제뿌리산업전시회', nameEn: 'PPURI Fair' };
      expect(editionTitle({ year: 2027, series }, 'ko')).toBe('2027 국제뿌리산업전시회');
      expect(editionTitle({ year: 2027, series }, 'en')).toBe('2027 PPURI Fair');
      expect(editionTitle({ year: 2027 }, 'ko')).toBe('2027');
    });
  });

  describe('dashboardEditions', () => {
    const fairs = [
      { nameKo: '국제뿌리산업전시회', nameEn: 'PPURI Fair', editions: [
        { code: 'ppuri-2026', year: 2026, status: 'finished' }, { code: 'ppuri-2027', year: 2027, status: 'registration_open' },
      ] },
      { nameKo: '그린카 전시회', nameEn: 'Green Car Expo', editions: [{ code: 'green-car-2027', year: 2027, status: 'registration_open' }] },
    ];

    it('names every edition and offers the open ones the company has not applied to', () => {
      const { editionNames, openEditions } = dashboardEditions(fairs, [{ edition: 'ppuri-2027' }], 'ko');
      expect(editionNames).toEqual({ 'ppuri-2026': '2026 국제뿌리산업전시회', 'ppuri-2027': '2027 국제뿌리산업전시회', 'green-car-2027': '2027 그린카 전시회' });
      expect(openEditions).toEqual([{ code: 'green-car-2027', name: '2027 그린카 전시회' }]);
    });

    it('offers every open edition to a company without applications, in English too', () => {
      expect(dashboardEditions(fairs, [], 'en').openEditions.map((e) => e.name)).toEqual(['2027 PPURI Fair', '2027 Green Car Expo']);
    });
  });

  describe('applicationOffer', () => {
    it('follows the actions the service allows, and closes the files of refused or withdrawn applications', () => {
      expect(applicationOffer(application())).toEqual({ edit: true, cancel: true, upload: true });
      expect(applicationOffer(application({ status: 'approved', actions: ['cancel'] }))).toEqual({ edit: false, cancel: true, upload: true });
      expect(applicationOffer(application({ status: 'rejected', actions: [] }))).toEqual({ edit: false, cancel: false, upload: false });
      expect(applicationOffer(application({ status: 'cancelled', actions: [] }))).toEqual({ edit: false, cancel: false, upload: false });
      expect(applicationOffer(application({ status: 'changes_requested', actions: ['edit', 'submit'] }))).toEqual({ edit: true, cancel: false, upload: true });
    });
  });

  describe('hallName', () => {
    it('names a hall in the page language, keeps an unknown code, and says nothing for no hall', () => {
      expect(hallName(HALLS, 'EXH2', 'ko')).toBe('제2전시장');
      expect(hallName(HALLS, 'EXH1', 'en')).toBe('Exhibition Hall 1');
      expect(hallName(HALLS, 'EXH9', 'ko')).toBe('EXH9');
      expect(hallName(HALLS, null, 'ko')).toBe('');
    });
  });

  describe('form values', () => {
    it('fills the form from a stored application', () => {
      expect(storedValues(application())).toEqual({
        contactName: '김민준', contactEmail: 'm@x.example', contactPhone: '+82 62-123-4567', boothType: 'raw_space', boothCount: '3', hall: 'EXH2',
        preferredBoothKind: 'corner', productCategories: ['casting', 'mold'], notes: '전기 3kW',
      });
      expect(storedValues(application({ hall: null, preferredBoothKind: null, notes: null }))).toMatchObject({ hall: '', preferredBoothKind: '', notes: '' });
    });

    it('starts a new application with the person logged in as its contact and one shell-scheme booth', () => {
      expect(newApplicationValues({ displayName: '김민준', email: 'm@x.example' })).toMatchObject({
        contactName: '김민준', contactEmail: 'm@x.example', contactPhone: '', boothType: 'shell_scheme', boothCount: '1', productCategories: [],
      });
    });

    it('flashes submitted once the application left the draft, saved otherwise', () => {
      expect(savedFlash(true)).toBe('submitted');
      expect(savedFlash(false)).toBe('saved');
    });
  });

  describe('refusals in the page language', () => {
    it('puts the service field errors next to the fields and never shows its English', () => {
      const error = DomainError.validation([{ field: 'hall', messages: ['hall EXH9 is not an exhibition hall of this edition'] }, { field: 'weird', messages: ['English rule'] }]);
      const refusal = applicationRefusal(error, ko);
      expect(refusal).toEqual({ status: 400, errors: { hall: ko('badHall') }, message: ko('formErrors') });
      expect(`${refusal?.message}${Object.values(refusal?.errors ?? {}).join('')}`).not.toMatch(/[A-Za-z]{4,}/);
    });

    it('says why the application as a whole was refused, and leaves other errors to the error page', () => {
      expect(applicationRefusal(new DomainError(ErrorCode.DeadlinePassed, 'The registration deadline has passed'), ko)).toMatchObject({ errors: {}, message: ko('deadlinePassed') });
      expect(applicationRefusal(new DomainError(ErrorCode.DuplicateApplication, 'dup'), en)?.message).toBe(en('duplicate'));
      expect(applicationRefusal(new DomainError(ErrorCode.IllegalTransition, 'no'), ko)?.message).toBe('지금 상태에서는 할 수 없는 작업입니다.');
      expect(applicationRefusal(new DomainError(ErrorCode.NotFound, 'gone'), ko)).toBeUndefined();
      expect(applicationRefusal(new Error('boom'), ko)).toBeUndefined();
    });

    it('marks a taken address or business number on its field at sign-up', () => {
      const taken = new DomainError(ErrorCode.Conflict, 'This address already has a Fairgate account.', { errors: [{ field: 'email', messages: ['email already has an account'] }] });
      expect(signUpRefusal(taken, ko)).toEqual({ status: 400, errors: { email: ko('emailTaken') }, message: undefined });
      const brn = new DomainError(ErrorCode.Conflict, 'taken', { errors: [{ field: 'company.businessRegistrationNumber', messages: ['taken'] }] });
      expect(signUpRefusal(brn, ko)?.errors).toEqual({ brn: ko('companyTaken') });
      expect(signUpRefusal(new DomainError(ErrorCode.NotFound, 'x'), ko)).toBeUndefined();
    });

    it('answers a refused login with its status and whether to offer the confirmation mail again', () => {
      expect(loginRefusal(new DomainError(ErrorCode.Unauthenticated, 'x'), ko)).toEqual({ status: 401, error: ko('loginFailed'), notConfirmed: false });
      expect(loginRefusal(new DomainError(ErrorCode.EmailNotConfirmed, 'x'), ko)).toEqual({ status: 403, error: ko('notConfirmed'), notConfirmed: true });
      expect(loginRefusal(new DomainError(ErrorCode.Internal, 'x'), ko)).toBeUndefined();
      expect(loginMissing('', 'pw', ko)).toBe(ko('loginMissing'));
      expect(loginMissing('a@b.kr', 'pw', ko)).toBeUndefined();
    });

    it('sorts the account refusals: used link, conflict, refused value', () => {
      expect(accountRefusal(new DomainError(ErrorCode.InvalidToken, 'x'))).toBe('link-invalid');
      expect(accountRefusal(new DomainError(ErrorCode.Conflict, 'x'))).toBe('conflict');
      expect(accountRefusal(DomainError.validation([]))).toBe('invalid');
      expect(accountRefusal(new DomainError(ErrorCode.Forbidden, 'x'))).toBeUndefined();
      expect(accountRefusal('nope')).toBeUndefined();
    });

    it('says why a file was refused', () => {
      expect(uploadRefusal(new DomainError(ErrorCode.UnsupportedMediaType, 'x'), ko)).toEqual({ status: 415, text: ko('badFileType') });
      expect(uploadRefusal(new DomainError(ErrorCode.PayloadTooLarge, 'x'), ko)?.text).toBe(ko('fileTooLarge'));
      expect(uploadRefusal(new DomainError(ErrorCode.NotFound, 'x'), ko)).toBeUndefined();
    });
  });

  describe('small forms', () => {
    it('checks an e-mail address: required, shape, length; the strict shape wants a dot in the domain', () => {
      expect(emailError('', ko)).toBe(ko('required'));
      expect(emailError('a@b', ko)).toBe(ko('badEmail'));
      expect(emailError('a@b', ko, false)).toBeUndefined();
      expect(emailError(`${'a'.repeat(250)}@b.kr`, ko)).toBe(ko('badEmail'));
      expect(emailError('seoyeon@company.example', ko)).toBeUndefined();
    });

    it('checks the invitation form: a one-line name and a 10–200 character password', () => {
      expect(joinErrors('', 'short', ko)).toEqual({ displayName: ko('required'), password: ko('badPassword') });
      expect(joinErrors('김\n민준', 'long-enough-password', ko)).toEqual({ displayName: ko('badText') });
      expect(joinErrors('김민준', 'long-enough-password', ko)).toEqual({});
    });
  });

  describe('the error summary', () => {
    it('links each field in error, in page order, with its label and message', () => {
      const fields = [{ field: 'a', id: 'f-a', label: '첫째' }, { field: 'b', id: 'f-b', label: '둘째' }, { field: 'c', id: 'f-c', label: '셋째' }] as const;
      expect(errorSummary({ c: '셋째 오류', a: '첫째 오류' }, fields)).toEqual([
        { href: '#f-a', text: '첫째: 첫째 오류' }, { href: '#f-c', text: '셋째: 셋째 오류' },
      ]);
      expect(errorSummary({}, fields)).toEqual([]);
    });
  });

  describe('the language switch after a post', () => {
    const id = '0b6f2c1e-3f55-4d1a-9d0e-1f6c2b7a8e90';

    it('points at the page a GET knows', () => {
      expect(pageOfPost('/exhibitor/applications/new', 'ppuri-2027')).toBe('/exhibitor/applications/new?edition=ppuri-2027');
      expect(pageOfPost('/exhibitor/applications/new', undefined)).toBe('/exhibitor/applications/new?edition=');
      expect(pageOfPost(`/exhibitor/applications/${id}/withdraw`, undefined)).toBe(`/exhibitor/applications/${id}`);
      expect(pageOfPost(`/exhibitor/applications/${id}/upload/logo`, undefined)).toBe(`/exhibitor/applications/${id}`);
      expect(pageOfPost('/exhibitor/invitations', undefined)).toBe('/exhibitor');
      expect(pageOfPost('/exhibitor/sign-up', undefined)).toBe('/exhibitor/sign-up');
    });

    it('sets the language and drops the flash', () => {
      expect(withLangParam('/exhibitor/applications/new?edition=ppuri-2027', 'en')).toBe('/exhibitor/applications/new?edition=ppuri-2027&lang=en');
      expect(withLangParam('/exhibitor?flash=saved&lang=ko', 'en')).toBe('/exhibitor?lang=en');
    });
  });

  describe('error pages', () => {
    const body = (statusCode: number, extra: object = {}) => ({ statusCode, code: 'x', message: 'English message from the service', ...extra });

    it('never shows the service message, in Korean or English', () => {
      for (const status of [400, 409, 410, 422]) {
        expect(describeError(body(status), ko).text).not.toContain('English');
        expect(describeError(body(status), en).text).not.toContain('English message');
      }
      expect(describeError(body(400), ko)).toEqual({ title: ko('errorTitle'), text: ko('errorText') });
    });

    it('names the usual cases', () => {
      expect(describeError(body(404), ko).title).toBe('페이지를 찾을 수 없습니다');
      expect(describeError(body(403, { reason: 'csrf' }), ko).title).toBe(ko('csrfTitle'));
      expect(describeError(body(403), ko).title).toBe(ko('forbiddenTitle'));
      expect(describeError(body(500, { errorId: 'e-1' }), ko).text).toContain('e-1');
      expect(describeError(body(429, { retryAfterSeconds: 30 }), ko).text).toBe('30초 후에 다시 시도해 주세요.');
    });

    it('rounds a long wait up to whole minutes', () => {
      expect(tooManyText(600, ko)).toBe('10분 후에 다시 시도해 주세요.');
      expect(tooManyText(121, en)).toContain('3');
      expect(tooManyText(undefined, ko)).toBe(ko('tooManyText'));
    });
  });

  describe('flashes', () => {
    it('knows its names and ignores the rest; no placeholder is left in the text', () => {
      for (const name of ['logged-out', 'confirmed', 'password-reset', 'joined', 'resent', 'saved', 'submitted', 'cancelled', 'uploaded', 'invited']) {
        for (const t of [ko, en]) expect(flashOf(t, name)?.text).not.toMatch(/[{}]/);
      }
      expect(flashOf(ko, 'evil')).toBeUndefined();
      expect(flashOf(ko, ['saved'])).toBeUndefined();
    });
  });
});
