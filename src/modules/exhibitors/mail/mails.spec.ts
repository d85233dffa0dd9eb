import { renderMail, type MailLocale, type RenderedMail } from '../../../core/mail/mail-template';
import { APPLICATION_STATUSES } from '../entities/exhibitor-application.entity';
import { applicationMail } from './application-mail-head';
import { applicationStatusMail, type ApplicationStatusParams } from './application-status.mail';
import { applicationSubmittedMail } from './application-submitted.mail';
import { boothsAssignedMail, type BoothsAssignedParams } from './booths-assigned.mail';

const CONTEXT = { publicUrl: 'https://fairgate.example' };
const LOCALES: MailLocale[] = ['ko', 'en'];
const EVIL = '<script>alert(1)</script>';
const STATUS_URL = 'https://fairgate.example/exhibitor/applications/app-1?tab=status&x=1';

const statusParams = (over: Partial<ApplicationStatusParams> = {}): ApplicationStatusParams => ({
  applicationId: 'app-1', companyName: '빛고을정밀 주식회사', contactName: '김민준', editionNameKo: '2027 국제뿌리산업전시회', editionNameEn: '2027 PPURI Fair',
  status: 'approved', previousStatus: 'under_review', reason: null, promoted: false, statusUrl: STATUS_URL,
  fee: { netKrw: 2_600_000, vatKrw: 260_000, totalKrw: 2_860_000 }, booths: ['1A02'], ...over,
});

const boothsParams = (over: Partial<BoothsAssignedParams> = {}): BoothsAssignedParams => ({
  applicationId: 'app-1', companyName: '빛고을정밀 주식회사', contactName: '김민준', editionNameKo: '2027 국제뿌리산업전시회', editionNameEn: '2027 PPURI Fair',
  hallNameKo: '전시홀 1', hallNameEn: 'Exhibition Hall 1',
  booths: [{ code: '1A01', kind: 'corner', units: 1 }, { code: '1A02', kind: 'inline', units: 1 }],
  fee: {
    lines: [
      { code: 'booths', quantity: 2, unitKrw: 2_600_000, amountKrw: 5_200_000 },
      { code: 'corner_surcharge', quantity: 1, unitKrw: 260_000, amountKrw: 260_000 },
      { code: 'early_bird_discount', quantity: 1, unitKrw: -546_000, amountKrw: -546_000 },
    ],
    netKrw: 4_914_000, vatKrw: 491_400, totalKrw: 5_405_400,
  },
  statusUrl: STATUS_URL, ...over,
});

/** Checks every mail must pass: subject on one line, link in both parts, user text escaped in HTML. */
function expectWellFormed(mail: RenderedMail, locale: MailLocale): void {
  expect(mail.subject).not.toMatch(/[\r\n]/);
  expect(mail.subject.startsWith('[Fairgate] ')).toBe(true);
  expect(mail.text).toContain(STATUS_URL);
  expect(mail.html).toContain(`<a href="${STATUS_URL.replace(/&/g, '&amp;')}">`);
  expect(mail.html).toContain(`<html lang="${locale}">`);
  expect(mail.html).not.toContain('<script>');
}

describe('applicationStatusMail', () => {
  it('is named for the registry', () => {
    expect(applicationStatusMail.name).toBe('exhibitor.application-status');
  });

  describe.each(LOCALES)('in %s', (locale) => {
    it.each(APPLICATION_STATUSES)('renders the %s status, escaped', (status) => {
      const mail = applicationStatusMail.render(statusParams({ status, companyName: EVIL, contactName: EVIL, reason: `why ${EVIL}` }), locale, CONTEXT);
      expectWellFormed(mail, locale);
      expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(mail.text).toContain(EVIL); // plain text is not markup
    });
  });

  it('congratulates on approval with the booths and the fee', () => {
    const ko = applicationStatusMail.render(statusParams(), 'ko', CONTEXT);
    expect(ko.subject).toBe('[Fairgate] 참가 신청 승인: 2027 국제뿌리산업전시회');
    expect(ko.text).toContain('축하합니다!');
    expect(ko.text).toContain('배정된 부스: 1A02');
    expect(ko.text).toContain('참가비: 2,860,000원 (VAT 260,000원 포함)');
    expect(ko.html).toContain('2,860,000원 (VAT 260,000원 포함)');
    const en = applicationStatusMail.render(statusParams({ booths: ['1A01', '1A02'] }), 'en', CONTEXT);
    expect(en.subject).toBe('[Fairgate] Application approved: 2027 PPURI Fair');
    expect(en.text).toContain('Congratulations!');
    expect(en.text).toContain('Booths assigned: 1A01, 1A02');
    expect(en.text).toContain('Participation fee: KRW 2,860,000 (incl. VAT KRW 260,000)');
  });

  it('promises booths later when none are assigned, and leaves out an unknown fee', () => {
    const en = applicationStatusMail.render(statusParams({ booths: [], fee: null }), 'en', CONTEXT);
    expect(en.text).toContain('We will let you know your booths separately.');
    expect(en.text).not.toMatch(/Booths assigned|Participation fee/);
    expect(applicationStatusMail.render(statusParams({ booths: [] }), 'ko', CONTEXT).text).toContain('부스 배정은 따로 알려 드립니다.');
  });

  it('tells a promoted exhibitor that a place freed up', () => {
    const params = statusParams({ previousStatus: 'waitlisted', promoted: true });
    expect(applicationStatusMail.render(params, 'en', CONTEXT).text).toContain('A place has freed up');
    expect(applicationStatusMail.render(params, 'ko', CONTEXT).text).toContain('대기 중이던 자리가 나서');
  });

  it('tells a waitlisted exhibitor the hall is full and it keeps its place', () => {
    const en = applicationStatusMail.render(statusParams({ status: 'waitlisted', reason: 'Hall 1 is full', booths: [], fee: null }), 'en', CONTEXT);
    expect(en.text).toContain('The halls are full');
    expect(en.text).toContain('You keep your place');
    expect(en.text).toContain('Reason: Hall 1 is full');
    expect(applicationStatusMail.render(statusParams({ status: 'waitlisted' }), 'ko', CONTEXT).text).toContain('대기 순서는 그대로 유지');
  });

  it('gives the reason for a rejection or a request for changes, lines kept in HTML', () => {
    for (const status of ['rejected', 'changes_requested'] as const) {
      const ko = applicationStatusMail.render(statusParams({ status, reason: '사업자등록증 사본이\n흐립니다' }), 'ko', CONTEXT);
      expect(ko.text).toContain('사유: 사업자등록증 사본이\n흐립니다');
      expect(ko.html).toContain('사업자등록증 사본이<br>흐립니다');
      expect(ko.text).not.toContain('참가비'); // no fee or booths except on approval
    }
    expect(applicationStatusMail.render(statusParams({ status: 'rejected', reason: 'Out of scope' }), 'en', CONTEXT).text).toContain('has not been accepted');
  });

  it('shows no stale reason on other statuses', () => {
    for (const status of ['approved', 'cancelled', 'under_review', 'submitted'] as const) {
      expect(applicationStatusMail.render(statusParams({ status, reason: 'old reason' }), 'en', CONTEXT).text).not.toContain('old reason');
    }
  });

  it('says a resubmission is the revised application', () => {
    const params = statusParams({ status: 'submitted', previousStatus: 'changes_requested' });
    expect(applicationStatusMail.render(params, 'en', CONTEXT).text).toContain('revised application');
    expect(applicationStatusMail.render(params, 'ko', CONTEXT).text).toContain('보완한 참가 신청서');
    expect(applicationStatusMail.render(statusParams({ status: 'submitted', previousStatus: 'draft' }), 'en', CONTEXT).text).not.toContain('revised');
  });

  it('has a sentence of its own for each status', () => {
    for (const locale of LOCALES) {
      const leads = APPLICATION_STATUSES.map((status) => applicationStatusMail.render(statusParams({ status }), locale, CONTEXT).text.split('\n')[2]);
      expect(new Set(leads).size).toBe(APPLICATION_STATUSES.length);
    }
    expect(applicationStatusMail.render(statusParams({ status: 'cancelled' }), 'en', CONTEXT).text).toContain('has been cancelled');
    expect(applicationStatusMail.render(statusParams({ status: 'under_review' }), 'ko', CONTEXT).text).toContain('심사를 시작했습니다');
  });

  it('keeps a subject on one line whatever the edition name holds', () => {
    const mail = applicationStatusMail.render(statusParams({ editionNameEn: 'Fair\r\nBcc: x@example.com' }), 'en', CONTEXT);
    expect(mail.subject).toBe('[Fairgate] Application approved: Fair Bcc: x@example.com');
  });
});

describe('boothsAssignedMail', () => {
  it('is named for the registry', () => {
    expect(boothsAssignedMail.name).toBe('exhibitor.booths-assigned');
  });

  it.each(LOCALES)('renders in %s, escaped, with the link in both parts', (locale) => {
    const mail = boothsAssignedMail.render(boothsParams({ companyName: EVIL, contactName: EVIL, hallNameKo: EVIL, hallNameEn: EVIL }), locale, CONTEXT);
    expectWellFormed(mail, locale);
    expect(mail.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.text).toContain(EVIL);
  });

  it('lists the booths and one fee row per line, with the totals (ko)', () => {
    const mail = boothsAssignedMail.render(boothsParams(), 'ko', CONTEXT);
    expect(mail.subject).toBe('[Fairgate] 부스 배정 안내: 2027 국제뿌리산업전시회');
    expect(mail.text).toContain('빛고을정밀 주식회사의 부스가 전시홀 1에 배정되었습니다.');
    expect(mail.text).toContain('- 1A01: 코너, 9 m²');
    expect(mail.text).toContain('- 부스: 2 × 2,600,000원 = 5,200,000원');
    expect(mail.text).toContain('- 코너 할증: 1 × 260,000원 = 260,000원');
    expect(mail.text).toContain('- 조기 신청 할인: 1 × -546,000원 = -546,000원');
    expect(mail.text).toContain('합계: 5,405,400원');
    expect(mail.html.match(/<tbody>.*?<\/tbody>/g)?.[1].match(/<tr>/g)).toHaveLength(3);
  });

  it('lists the booths and one fee row per line, with the totals (en)', () => {
    const mail = boothsAssignedMail.render(boothsParams({ booths: [{ code: '1F01', kind: 'island', units: 4 }] }), 'en', CONTEXT);
    expect(mail.subject).toBe('[Fairgate] Your booths: 2027 PPURI Fair');
    expect(mail.text).toContain('assigned in Exhibition Hall 1');
    expect(mail.text).toContain('- 1F01: island, 36 m²');
    expect(mail.text).toContain('- Corner surcharge: 1 × KRW 260,000 = KRW 260,000');
    expect(mail.text).toContain('VAT: KRW 491,400');
    expect(mail.text).toContain('Total: KRW 5,405,400');
    expect(mail.html).toContain('KRW 5,405,400');
  });

  it('shows an unknown fee line by its code rather than dropping it', () => {
    const mail = boothsAssignedMail.render(boothsParams({ fee: { lines: [{ code: 'power_<supply>', quantity: 1, unitKrw: 50_000, amountKrw: 50_000 }], netKrw: 50_000, vatKrw: 5_000, totalKrw: 55_000 } }), 'en', CONTEXT);
    expect(mail.text).toContain('- power_<supply>: 1 × KRW 50,000 = KRW 50,000');
    expect(mail.html).toContain('power_&lt;supply&gt;');
  });
});

describe('exhibitor mails read as Korean in Korean', () => {
  const submitted = (locale: MailLocale): RenderedMail => renderMail(applicationSubmittedMail, {
    applicationId: 'app-1', companyName: '빛고을정밀 주식회사', contactName: '김민준', businessRegistrationNumber: '220-81-62517',
    editionNameKo: '2027 국제뿌리산업전시회', editionNameEn: '2027 PPURI Fair', startsOn: '2027-04-28', endsOn: '2027-04-30',
    boothType: 'shell_scheme', boothCount: 2, productCategories: ['주조'],
  }, locale, CONTEXT);
  const all = (locale: MailLocale): RenderedMail[] => [
    renderMail(applicationStatusMail, statusParams({ status: 'changes_requested', reason: '사본이 흐립니다' }), locale, CONTEXT),
    renderMail(boothsAssignedMail, boothsParams(), locale, CONTEXT),
    submitted(locale),
  ];

  it('greets 김민준 님 and ends with the KDJ Center footer saying why the mail came, in both parts', () => {
    for (const mail of all('ko')) {
      expect(mail.text.startsWith('김민준 님, 안녕하세요.')).toBe(true);
      for (const part of [mail.text, mail.html]) {
        expect(part).toContain('김대중컨벤션센터 · 광주광역시 서구 상무누리로 30');
        expect(part).toContain('빛고을정밀 주식회사의 참가 신청 담당자로 등록되어 있어');
      }
      expect(mail.html).not.toContain('Kim Dae-jung Convention Center, Gwangju');
    }
    for (const mail of all('en')) {
      expect(mail.text.startsWith('Dear 김민준,')).toBe(true);
      expect(mail.html).toContain('30 Sangmunuri-ro, Seo-gu, Gwangju');
      expect(mail.text).toContain('contact person of 빛고을정밀 주식회사');
    }
  });

  it('says 보완 요청 for changes requested, never 수정 요청', () => {
    const mail = applicationStatusMail.render(statusParams({ status: 'changes_requested', reason: '사본이 흐립니다' }), 'ko', CONTEXT);
    expect(mail.subject).toBe('[Fairgate] 참가 신청 보완 요청: 2027 국제뿌리산업전시회');
    expect(mail.text).toContain('상태: 보완 요청');
    expect(`${mail.text}${mail.html}`).not.toContain('수정');
  });

  it('writes the fair dates out (2027년 4월 28일 (수)), not as ISO dates', () => {
    expect(submitted('ko').text).toContain('2027년 4월 28일 (수) – 4월 30일 (금)');
    expect(submitted('ko').text).not.toContain('2027-04-28');
    expect(submitted('en').text).toContain('Wed 28 Apr 2027 – Fri 30 Apr 2027');
  });
});

describe('applicationMail', () => {
  it('gives both mails the same head: recipient, language, company, edition names, contact and link', () => {
    const m = applicationMail(
      { id: 'app-1', companyName: '빛고을정밀', contactName: '김민준', contactEmail: 'm@x.example', locale: 'ko' },
      { year: 2027, series: { nameKo: '국제뿌리산업전시회', nameEn: 'PPURI Fair' } as never },
      'https://fairgate.example',
    );
    expect(m).toEqual({
      recipient: 'm@x.example', locale: 'ko',
      head: {
        applicationId: 'app-1', companyName: '빛고을정밀', contactName: '김민준', editionNameKo: '2027 국제뿌리산업전시회', editionNameEn: '2027 PPURI Fair',
        statusUrl: 'https://fairgate.example/exhibitor/applications/app-1',
      },
    });
  });
});
