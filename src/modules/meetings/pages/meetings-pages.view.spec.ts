import { translator, type Lang } from '../../../core/web/i18n';
import type { ParticipantsModel, RequestsModel, RunModel } from './meetings-console.service';
import type { MeetingsPageContext } from './meetings-console.view';
import { renderParticipantsPage } from './meetings-participants.view';
import { renderRequestsPage } from './meetings-requests.view';
import { renderRunPage } from './meetings-run.view';
import { MEETINGS_MESSAGES } from './messages';

const ctx = (lang: Lang): MeetingsPageContext => ({ lang, t: translator(MEETINGS_MESSAGES, lang), langHref: (l) => `?lang=${l}`, user: { displayName: 'Kim', csrf: 'tok' } });
const edition = { code: 'green-car-2027', nameKo: '2027 국제그린카전시회', nameEn: '2027 Green Car Fair' };
const slots = [{ id: 'D2027-07-08-1000', start: '2027-07-08T10:00:00+09:00', end: '2027-07-08T10:30:00+09:00' }];

const run = (over: Partial<NonNullable<RunModel['run']>>): RunModel => ({
  edition, slots, frozen: false, requestNames: { r1: { buyer: 'Hanoi <EV>', exhibitor: 'Motor' } },
  run: { id: 'run1', status: 'running', progress: { phase: 'improve', weight: 4, bound: 6 }, stats: null, unscheduled: null, ...over },
});

describe('meetings console pages', () => {
  it('the run page reloads itself only while the run is queued or running, then shows quality and reasons', () => {
    const running = renderRunPage(ctx('ko'), run({}));
    expect(running).toContain('<meta http-equiv="refresh" content="2">');
    expect(running).toContain('배치된 가중치 4 / 상한 6');
    expect(running).toContain('단계: 개선');
    expect(running).toContain('<button type="submit" disabled>');
    expect(running).not.toMatch(/<script/i);
    const done = renderRunPage(ctx('ko'), run({ status: 'done', stats: { weight: 5, simpleBound: 6, meetings: 2 }, unscheduled: [{ request: 'r1', reason: 'no interpreter speaks vi' }] }));
    expect(done).not.toContain('http-equiv="refresh"');
    expect(done).toContain('결과: 가중치 5 / 상한 6 (83.3%) · 상담 2건 · 배치 못 한 요청 1건');
    expect(done).toContain('Hanoi &lt;EV&gt; × Motor');
    expect(done).toContain('vi 통역사가 없습니다');
    expect(renderRunPage(ctx('en'), run({ status: 'failed' }))).toContain('The run failed.');
    expect(renderRunPage(ctx('en'), { ...run({}), frozen: true })).toContain('The schedule is frozen: the scheduler cannot run.');
  });

  it('the run form offers weight first (checked, the default) or at least one meeting for everyone; a done run says who is left without', () => {
    const page = renderRunPage(ctx('ko'), run({ status: 'done', stats: { weight: 5, bound: 5, meetings: 2, fairness: 'weight', couldMeet: 40, leftWithout: 3 }, unscheduled: [] }));
    expect(page).toContain('<legend>배치 기준</legend>');
    expect(page).toMatch(/<input type="radio" name="fairness" value="weight" checked[^>]*>가중치 우선\(기본\)/);
    expect(page).toMatch(/<input type="radio" name="fairness" value="strict"[^>]*>모든 참가자에게 최소 1건 보장/);
    expect(page).toContain('기준: 가중치 우선. 상담이 가능했던 참가자 40명 중 3명은 상담이 한 건도 없습니다.');
    expect(page).not.toMatch(/Rule:|participants who/);
    const strict = renderRunPage(ctx('en'), run({ status: 'done', stats: { weight: 4, bound: 5, meetings: 2, fairness: 'strict', couldMeet: 40, leftWithout: 0 }, unscheduled: [] }));
    expect(strict).toContain('Rule: at least one meeting for every participant. All 40 participants who could have met have at least one meeting.');
  });

  it('the participants page: cards, the add form with errors on top and beside the fields, the import problems by line', () => {
    const m: ParticipantsModel = {
      edition, slots, tables: ['T01'], categories: [{ code: 'ev-powertrain', nameKo: '전기차 동력계', nameEn: 'EV powertrain' }],
      participants: [
        { id: 'p1', side: 'buyer', companyName: 'Hanoi <EV>', alternateCompanyName: null, identifierKind: null, identifier: null, country: 'VN', contactName: 'Tran', email: 't@h.example', languages: ['vi'], interests: [], tableCode: 'T01', maxMeetings: null, unavailableSlots: ['D2027-07-08-1000'] },
        { id: 'p2', side: 'exhibitor', companyName: 'Bitgoeul Cell', alternateCompanyName: null, identifierKind: null, identifier: null, country: 'KR', contactName: 'Park', email: 'p@b.example', languages: ['ko'], interests: [], tableCode: null, maxMeetings: null, unavailableSlots: [] },
        { id: 'p3', side: 'exhibitor', companyName: 'Mudeung Mold', alternateCompanyName: null, identifierKind: null, identifier: null, country: 'KR', contactName: 'Kim', email: 'k@m.example', languages: ['ko'], interests: [], tableCode: null, maxMeetings: null, unavailableSlots: [] },
      ],
      selfRegistered: ['p2'],
    };
    const page = renderParticipantsPage(ctx('ko'), m, {
      form: { companyName: 'Bad "co"', country: 'ZZ', interests: 'ev-powertrain' },
      errors: { country: '국가 코드가 틀렸습니다' },
      importProblems: [{ line: 3, field: 'email', text: '이메일이 틀렸습니다' }],
    });
    expect(page).toContain('Hanoi &lt;EV&gt;');
    // The exhibitor who joined from its own account is marked; the one the organizer added is not.
    const card = (id: string): string => page.split(`<li id="p-${id}">`)[1].split('</li>')[0];
    expect(card('p2')).toContain('<span class="mg-badge mg-self">직접 참여 신청</span>');
    expect(card('p3')).not.toContain('직접 참여 신청');
    expect(card('p1')).not.toContain('직접 참여 신청');
    expect(page).toContain('1개 시간대 불참');
    expect(page).toContain('value="Bad &quot;co&quot;"');
    expect(page).toContain('<a href="#f-country">');
    expect(page).toContain('<p class="error" id="err-country">국가 코드가 틀렸습니다</p>');
    expect(page).toContain('value="ev-powertrain" checked');
    expect(page).toContain('<li data-line="3"><strong>3번째 줄</strong> (열 email): 이메일이 틀렸습니다</li>');
    expect(page).toContain('enctype="multipart/form-data"');
    expect(page).toContain('name="_csrf" value="tok"');
  });

  it('the requests page: answers only for pending requests, a lock form only for accepted ones', () => {
    const m: RequestsModel = {
      edition, slots, tables: ['T01'], buyers: [{ id: 'b', name: 'Buyer' }], exhibitors: [{ id: 'e', name: 'Exhibitor' }],
      requests: [
        { id: 'r1', buyer: 'b', exhibitor: 'e', buyerName: 'Buyer', exhibitorName: 'Exhibitor', priority: 'must', weight: 3, requestedBy: 'buyer', status: 'pending', language: null, expiresAt: null, locked: null },
        { id: 'r2', buyer: 'b', exhibitor: 'e', buyerName: 'Buyer', exhibitorName: 'Exhibitor', priority: 'nice', weight: 1, requestedBy: 'organizer', status: 'accepted', language: null, expiresAt: null, locked: { slot: 'D2027-07-08-1000', table: 'T01' } },
      ],
    };
    const page = renderRequestsPage(ctx('ko'), m, { status: undefined });
    const [r1, r2] = page.split('<li id="r-').slice(1);
    expect(r1).toContain('/requests/r1/accept');
    expect(r1).toContain('/requests/r1/decline');
    expect(r1).not.toContain('/lock');
    expect(r2).not.toContain('/accept');
    expect(r2).toContain('/requests/r2/lock');
    expect(r2).toContain('/requests/r2/unlock');
    expect(r2).toContain('고정: 7월 8일 (목) 오전 10:00–오전 10:30, 테이블 T01');
    expect(r2).toContain('있으면 좋음');
  });
});
