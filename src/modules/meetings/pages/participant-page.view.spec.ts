import { translator, type Lang } from '../../../core/web/i18n';
import { PARTICIPANT_MESSAGES } from './participant-page.messages';
import { flashNotice, pageUrl, refusalText, renderMessagePage, renderParticipantPage, type ParticipantPageContext, type ParticipantPageModel } from './participant-page.view';

const TOKEN = '3f2b8c1e-0000-4000-8000-000000000001.abcdefghijklmnopqrstuvwxyzABCDEF';

const ctx = (lang: Lang): ParticipantPageContext => ({ lang, t: translator(PARTICIPANT_MESSAGES, lang), langHref: (l) => pageUrl(TOKEN, l) });

const slot = (day: string, hm: string, end: string) => ({ id: `D${day}-${hm.replace(':', '')}`, start: `${day}T${hm}:00+09:00`, end: `${day}T${end}:00+09:00` });

const model = (over: Partial<ParticipantPageModel> = {}): ParticipantPageModel => ({
  token: TOKEN,
  company: 'Hanoi EV Trading',
  side: 'buyer',
  edition: { nameKo: '2027 국제그린카산업전시회', nameEn: '2027 International Green Car Industry Fair' },
  slots: [slot('2027-07-08', '10:00', '10:30'), slot('2027-07-08', '10:30', '11:00'), slot('2027-07-09', '10:00', '10:30')],
  unavailableSlots: ['D2027-07-08-1030'],
  agenda: [],
  incoming: [],
  outgoing: [],
  suggestions: [],
  ...over,
});

const textOf = (page: string): string => page.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('participant page view', () => {
  it('escapes every name that comes from data', () => {
    const evil = `<script>alert("x")</script>`;
    const page = renderParticipantPage(ctx('en'), model({
      company: evil,
      agenda: [{ meeting: 'm1', startsAt: '2027-07-08T10:00:00+09:00', endsAt: '2027-07-08T10:30:00+09:00', table: '<T1>', counterpart: evil, counterpartCountry: 'KR', interpreter: evil }],
      incoming: [{ id: 'r1', counterpart: { name: evil, country: 'VN' }, priority: 'must', status: 'pending', expiresAt: null }],
      suggestions: [{ participant: 'p"1', companyName: `"><img src=x onerror=1>`, country: 'KR', reason: { en: evil, ko: evil } }],
    }));
    expect(page).not.toContain('<script>alert');
    expect(page).not.toContain('<img src=x');
    expect(page).not.toContain('<T1>');
    expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(page).toContain('value="p&quot;1"');
  });

  it('shows the sections in Korean and English, with a note while nothing is published', () => {
    const en = textOf(renderParticipantPage(ctx('en'), model()));
    expect(en).toContain('Hanoi EV Trading 2027 International Green Car Industry Fair · Buyer');
    expect(en).toContain('My meetings The meeting schedule is not published yet.');
    expect(en).toContain('Requests to answer No request is waiting for your answer.');
    expect(en).toContain('My requests You have not requested any meeting yet.');
    expect(en).toContain('Suggested companies No company to suggest right now.');
    const ko = renderParticipantPage(ctx('ko'), model({ side: 'exhibitor' }));
    expect(ko).toContain('<html lang="ko">');
    expect(textOf(ko)).toContain('2027 국제그린카산업전시회 · 참가기업');
    expect(textOf(ko)).toContain('내 상담 일정 상담 일정이 아직 게시되지 않았습니다.');
    // The language switch links to the other language and marks the current one.
    expect(ko).toContain(`<a href="${pageUrl(TOKEN, 'en')}" lang="en" hreflang="en">English</a>`);
    expect(ko).toContain('<span aria-current="true" lang="ko">한국어</span>');
  });

  it('lists published meetings with time, counterpart, table and interpreter', () => {
    const page = textOf(renderParticipantPage(ctx('en'), model({
      agenda: [{ meeting: 'm1', startsAt: '2027-07-08T10:30:00+09:00', endsAt: '2027-07-08T11:00:00+09:00', table: 'T01', counterpart: 'Gwangju Motor', counterpartCountry: 'KR', interpreter: null }],
    })));
    expect(page).toContain('Thu 8 Jul 2027, 10:30 AM–11:00 AM Gwangju Motor (Korea) Table T01 Interpreter No interpreter');
    const ko = textOf(renderParticipantPage(ctx('ko'), model({
      places: { '2027-07-08': { ko: '컨벤션홀 3B', en: 'Convention Hall 3B' } },
      agenda: [{ meeting: 'm1', startsAt: '2027-07-08T14:00:00+09:00', endsAt: '2027-07-08T14:30:00+09:00', table: 'T01', counterpart: 'Hanoi EV', counterpartCountry: 'VN', interpreter: '이하은' }],
    })));
    expect(ko).toContain('2027년 7월 8일 (목) 오후 2:00–오후 2:30 Hanoi EV (베트남) 장소 컨벤션홀 3B 테이블 T01 통역 이하은');
  });

  it('offers accept and decline forms for pending requests only, with the expiry in KST', () => {
    const page = renderParticipantPage(ctx('ko'), model({
      incoming: [
        { id: 'r1', counterpart: { name: 'Gwangju Motor', country: 'KR' }, priority: 'want', status: 'pending', expiresAt: '2027-07-01T18:05:00+09:00' },
        { id: 'r2', counterpart: { name: 'Old Co', country: 'KR' }, priority: 'nice', status: 'expired', expiresAt: '2027-06-01T10:00:00+09:00' },
      ],
      outgoing: [{ id: 'r3', counterpart: { name: 'Bitgoeul Cell', country: 'KR' }, priority: 'must', status: 'declined', expiresAt: null }],
    }));
    expect(textOf(page)).toContain('Gwangju Motor (대한민국) 우선순위 만나고 싶음 답변 기한 2027년 7월 1일 (목) 오후 6:05');
    expect(textOf(page)).not.toMatch(/\b(AM|PM|KST)\b/);
    expect(page).toContain(`<form method="post" action="/meetings/${TOKEN}/requests/r1/accept?lang=ko"><button type="submit" aria-label="Gwangju Motor의 상담 신청 수락">수락</button></form>`);
    expect(page).toContain(`action="/meetings/${TOKEN}/requests/r1/decline?lang=ko"`);
    expect(page).not.toContain('Old Co');
    expect(textOf(page)).toContain('Bitgoeul Cell (대한민국) 우선순위 꼭 만나고 싶음 상태 거절됨');
    expect(page).toContain('<span class="badge status-declined">거절됨</span>');
  });

  it('gives each suggestion its reason in the page language and a request form, or the state of a request', () => {
    const suggestions = [
      { participant: 'p1', companyName: 'Gwangju Motor', country: 'KR', reason: { en: 'Shares 1 product category', ko: '공통 품목 1개' } },
      { participant: 'p2', companyName: 'Bitgoeul Cell', country: 'KR', reason: { en: 'Speaks English', ko: '영어 가능' }, requestStatus: 'pending' },
    ];
    const en = renderParticipantPage(ctx('en'), model({ suggestions }));
    expect(textOf(en)).toContain('Gwangju Motor (Korea) Why: Shares 1 product category Priority');
    expect(en).toContain('<input type="hidden" name="counterpart" value="p1">');
    expect(en).toContain('<label for="priority-0">Priority</label>');
    expect(en).toContain('<select id="priority-0" name="priority" aria-label="Priority of a meeting with Gwangju Motor">');
    expect(textOf(en)).toContain('Bitgoeul Cell (Korea) Why: Speaks English There is already a request (waiting for an answer).');
    expect(en.match(/name="counterpart"/g)).toHaveLength(1);
    expect(textOf(renderParticipantPage(ctx('ko'), model({ suggestions })))).toContain('추천 이유: 공통 품목 1개');
  });

  it('groups the away checkboxes by day, labelled with the time, ticked where away', () => {
    const page = renderParticipantPage(ctx('en'), model());
    expect(page.match(/<fieldset>/g)).toHaveLength(2);
    expect(page).toContain('<legend>Thu 8 Jul 2027</legend>');
    expect(page).toContain('<legend>Fri 9 Jul 2027</legend>');
    const ko = renderParticipantPage(ctx('ko'), model());
    expect(ko).toContain('<legend>2027년 7월 8일 (목)</legend>');
    expect(ko).toContain('<label for="away-D2027-07-09-1000"><span class="sr-only">불참 </span>오전 10:00–오전 10:30</label>');
    expect(page).toContain('<input type="checkbox" id="away-D2027-07-08-1030" name="away" value="D2027-07-08-1030" checked>');
    expect(page).toContain('<label for="away-D2027-07-09-1000"><span class="sr-only">Away </span>10:00 AM–10:30 AM</label>');
    expect(page).toContain(`action="/meetings/${TOKEN}/availability?lang=en"`);
    expect(textOf(renderParticipantPage(ctx('en'), model({ slots: [] })))).toContain('The meeting time slots are not set yet.');
  });

  it('shows a notice as status or alert, and message pages without the private page', () => {
    expect(renderParticipantPage(ctx('en'), model(), { kind: 'ok', text: 'Saved <ok>' })).toContain('<p class="notice ok" role="status">Saved &lt;ok&gt;</p>');
    expect(renderParticipantPage(ctx('en'), model(), { kind: 'bad', text: 'No' })).toContain('<p class="notice bad" role="alert">No</p>');
    const notFound = renderMessagePage(ctx('ko'), '페이지를 찾을 수 없습니다', '<b>링크</b>');
    expect(notFound).toContain('<h1>페이지를 찾을 수 없습니다</h1><p>&lt;b&gt;링크&lt;/b&gt;</p>');
    expect(notFound).toContain('<meta name="robots" content="noindex, nofollow">');
  });

  it('turns a known ?done= into its notice and ignores anything else', () => {
    const t = translator(PARTICIPANT_MESSAGES, 'ko');
    expect(flashNotice('registered', t)).toEqual({ kind: 'ok', text: '수출상담회 바이어 등록이 완료되었습니다. 이 페이지의 링크를 이메일로도 보내 드렸습니다.' });
    expect(flashNotice('accepted', translator(PARTICIPANT_MESSAGES, 'en'))).toEqual({ kind: 'ok', text: 'Request accepted.' });
    for (const done of ['<b>x</b>', 'toString', '__proto__', ['saved'], undefined]) expect(flashNotice(done, t)).toBeUndefined();
  });

  it('is a site page, kept out of search engines, with the venue in the footer', () => {
    const page = renderParticipantPage(ctx('ko'), model());
    expect(page).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(textOf(page)).toContain('김대중컨벤션센터 · 광주광역시 서구 상무누리로 30');
  });

  it('words refusals from the error code in the page language, never the service message', () => {
    const ko = translator(PARTICIPANT_MESSAGES, 'ko');
    expect(refusalText({ statusCode: 409, code: 'ILLEGAL_TRANSITION', requestStatus: 'accepted' }, ko)).toBe('이 신청은 이미 수락됨 상태라 더 이상 답할 수 없습니다.');
    expect(refusalText({ statusCode: 409, code: 'CONFLICT' }, ko)).toBe('이 기업과는 이미 답변 대기 중이거나 수락된 상담 신청이 있습니다.');
    expect(refusalText({ statusCode: 429, code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 37 }, ko)).toBe('요청이 너무 많습니다. 37초 후에 다시 시도해 주세요.');
    expect(refusalText({ statusCode: 429, retryAfterSeconds: 600 }, ko)).toBe('요청이 너무 많습니다. 10분 후에 다시 시도해 주세요.');
    expect(refusalText({ statusCode: 400, errors: [{ field: 'priority' }, { field: 'mystery' }] }, ko)).toBe('입력한 값을 받아들일 수 없습니다: 우선순위, 입력 항목');
    expect(refusalText({ statusCode: 400 }, ko)).toBe('양식을 처리할 수 없습니다. 페이지를 새로 고친 뒤 다시 시도해 주세요.');
    expect(refusalText({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' }, ko)).toBe('요청을 처리할 수 없습니다. 잠시 후 다시 시도하거나 주최 측에 문의해 주세요.');
    expect(refusalText({ statusCode: 429, retryAfterSeconds: 37 }, translator(PARTICIPANT_MESSAGES, 'en'))).toBe('Too many attempts: try again in 37 seconds.');
  });
});

describe('participant page view: cancel or ask to move before the cut-off', () => {
  const agenda = [
    { meeting: 'm1', startsAt: '2027-07-08T10:00:00+09:00', endsAt: '2027-07-08T10:30:00+09:00', table: 'T01', counterpart: 'Gwangju Motor', counterpartCountry: 'KR', interpreter: null },
    { meeting: 'm2', startsAt: '2027-07-09T10:00:00+09:00', endsAt: '2027-07-09T10:30:00+09:00', table: 'T01', counterpart: 'Honam Parts', counterpartCountry: 'KR', interpreter: null },
  ];

  it('shows the forms with the deadline while open, the deadline passed when closed, a pending move request instead of its form', () => {
    const page = renderParticipantPage(ctx('ko'), model({
      agenda,
      changes: {
        changeUntil: { m1: { until: '2027-07-07T01:00:00.000Z', open: false }, m2: { until: '2027-07-08T01:00:00.000Z', open: true } },
        pendingMoves: { m2: '오후 <좋아요>' },
      },
    }));
    const text = textOf(page);
    expect(text).toContain('변경 마감(2027년 7월 7일 (수) 오전 10:00)이 지났습니다.');
    expect(text).toContain('2027년 7월 8일 (목) 오전 10:00까지 이 페이지에서 취소하거나 시간 변경을 요청할 수 있습니다.');
    expect(page).not.toContain('/agenda/m1/');
    expect(page).toContain(`action="${pageUrl(TOKEN)}/agenda/m2/cancel?lang=ko"`);
    expect(page).not.toContain('/agenda/m2/move');
    expect(page).toContain('메모: 오후 &lt;좋아요&gt;');
    expect(text).not.toMatch(/\b(AM|PM)\b/);
  });

  it('says the reason of a refusal in the page language', () => {
    const t = ctx('en').t;
    expect(refusalText({ statusCode: 409, code: 'CONFLICT', reason: 'cutoff' }, t)).toBe('It is past the deadline for changes on this page. Please contact the organizers.');
    expect(refusalText({ statusCode: 409, code: 'CONFLICT', reason: 'not_published' }, ctx('ko').t)).toBe('게시된 상담만 취소하거나 변경을 요청할 수 있습니다.');
  });
});
