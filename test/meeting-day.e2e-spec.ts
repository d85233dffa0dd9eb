import { MeetingDayService } from '../src/modules/meetings/meeting-day.service';
import { ParticipantLinks } from '../src/modules/meetings/participant-links';
import { publishedMeetingDay, type LockedMeetings, type Participants } from './support/meetings';
import { PageClient } from './support/page-client';
import { bearer, startTestApp, TEST_ORGANIZER, type TestApp } from './support/test-app';

/*
 * The fair day of the export meetings against the real services: participants cancel or ask to
 * move before the cut-off (the other side is emailed, the grid shows it), after it they are
 * refused; table hosts record outcomes through a table's private link and in the console, with
 * CSRF, idempotent repeats, refusals, and two hosts at once. The service's clock is set per test.
 */

const EDITION = 'green-car-2027';
const CONSOLE = `/console/meetings/${EDITION}`;
const at = (local: string): Date => new Date(`${local}+09:00`);

const textOf = (page: string): string =>
  page.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');

describe('export meetings: the fair day', () => {
  let t: TestApp;
  let api: string;
  let day: MeetingDayService;
  let links: ParticipantLinks;
  let editionId: string;
  const ids: Record<string, string> = {};
  /** Meeting id by "buyer×exhibitor". */
  const meeting: Record<string, string> = {};

  const row = async (id: string) =>
    (await t.db.pool.query(`SELECT status, outcome, outcome_recorded_at, outcome_recorded_by, sequence FROM meetings WHERE id = $1`, [id])).rows[0];
  const seats = async (id: string): Promise<number> => (await t.db.pool.query(`SELECT count(*)::int AS n FROM meeting_seats WHERE meeting_id = $1`, [id])).rows[0].n;
  const changeMails = async (): Promise<string[]> =>
    (await t.db.pool.query(`SELECT recipient FROM outbox_messages WHERE template = 'meetings.meeting-change' ORDER BY created_at`)).rows.map((r) => r.recipient);
  const page = (participant: string): string => `/meetings/${links.token(ids[participant])}`;
  const setClock = (local: string): void => {
    day.clock = () => at(local);
  };

  beforeAll(async () => {
    t = await startTestApp();
    api = await bearer(t);
    day = t.running.app.get(MeetingDayService);
    links = t.running.app.get(ParticipantLinks);
    editionId = (await t.db.pool.query(`SELECT id FROM fair_editions WHERE code = $1`, [EDITION])).rows[0].id;
    const people: Participants = [
      ['hanoi', { side: 'buyer', companyName: 'Hanoi EV Trading', country: 'VN', contactName: 'Tran Minh', email: 'minh@hanoi-ev.example', languages: ['en'], interests: ['ev-powertrain'], tableCode: 'T01', locale: 'en' }],
      ['munich', { side: 'buyer', companyName: 'Munich Parts GmbH', country: 'DE', contactName: 'Anna Weber', email: 'anna@munich-parts.example', languages: ['en'], interests: ['auto-parts'], tableCode: 'T02', locale: 'en' }],
      ['osaka', { side: 'buyer', companyName: 'Osaka Trading', country: 'JP', contactName: 'Sato Ken', email: 'ken@osaka-trading.example', languages: ['en'], interests: ['auto-parts'], tableCode: 'T03', locale: 'en' }],
      ['motor', { side: 'exhibitor', companyName: 'Gwangju Motor Co.', country: 'KR', contactName: '이준', email: 'jun@gj-motor.example', languages: ['ko', 'en'], interests: ['ev-powertrain'], locale: 'ko' }],
      ['parts', { side: 'exhibitor', companyName: 'Honam Parts', country: 'KR', contactName: '최민', email: 'min@honam-parts.example', languages: ['ko', 'en'], interests: ['auto-parts'], locale: 'ko' }],
    ];
    const plan: LockedMeetings = [
      ['hanoi', 'motor', 'D2027-07-08-1000', 'T01'],
      ['hanoi', 'parts', 'D2027-07-08-1030', 'T01'],
      ['munich', 'motor', 'D2027-07-08-1130', 'T02'],
      ['munich', 'parts', 'D2027-07-08-1200', 'T02'],
      ['osaka', 'parts', 'D2027-07-08-1000', 'T03'],
      ['osaka', 'motor', 'D2027-07-08-1200', 'T03'],
    ];
    const published = await publishedMeetingDay(t, api, { tables: ['T01', 'T02', 'T03'], people, plan });
    Object.assign(ids, published.ids);
    const { schedule } = published;
    expect(schedule).toHaveLength(6);
    const short = (name: string): string => people.find(([, p]) => p.companyName === name)![0];
    for (const m of schedule) meeting[`${short(m.buyer)}×${short(m.exhibitor)}`] = m.id;
    // The agendas of the publication are out of the way before the day's mails are counted.
    await t.smtp.waitFor(10);
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  describe('participants before and after the cut-off (24 hours before the meeting)', () => {
    it('shows the cancel and move forms with the deadline, in the page language', async () => {
      setClock('2027-07-06T12:00:00');
      const ko = await t.http.get(`${page('osaka')}?lang=ko`).expect(200);
      const text = textOf(ko.text);
      expect(text).toContain('2027년 7월 7일 (수) 오전 10:00까지 이 페이지에서 취소하거나 시간 변경을 요청할 수 있습니다.');
      expect(text).not.toMatch(/\b(AM|PM)\b/);
      expect(ko.text).toContain(`action="${page('osaka')}/agenda/${meeting['osaka×parts']}/cancel?lang=ko"`);
      expect(ko.text).toContain(`action="${page('osaka')}/agenda/${meeting['osaka×motor']}/move?lang=ko"`);
      const en = await t.http.get(`${page('osaka')}?lang=en`).expect(200);
      expect(textOf(en.text)).toContain('You can cancel or ask to move this meeting here until Wed 7 Jul 2027, 10:00 AM.');
    });

    it('a cancellation frees the slot and seats, and the other side hears of it by email in its language', async () => {
      setClock('2027-07-06T12:00:00');
      const res = await t.http.post(`${page('parts')}/agenda/${meeting['osaka×parts']}/cancel?lang=ko`).type('form').send({ note: '일정이 겹쳐 참석이 어렵습니다.' }).expect(303);
      expect(res.headers.location).toBe(`${page('parts')}?lang=ko&done=meetingCancelled`);
      expect(textOf((await t.http.get(res.headers.location).expect(200)).text)).toContain('상담을 취소했습니다. 상대 기업에 메일로 알렸습니다.');
      expect(await row(meeting['osaka×parts'])).toMatchObject({ status: 'cancelled', outcome: null });
      expect(await seats(meeting['osaka×parts'])).toBe(0);
      const request = await t.db.pool.query(`SELECT r.status FROM meeting_requests r JOIN meetings m ON m.request_id = r.id WHERE m.id = $1`, [meeting['osaka×parts']]);
      expect(request.rows[0].status).toBe('cancelled');

      // Osaka (English) is told: who, when in the display form, which table, the reason.
      const mail = await t.smtp.waitForSubject(/^\[Fairgate\] Meeting cancelled: Honam Parts/);
      expect(mail.envelopeTo).toEqual(['ken@osaka-trading.example']);
      expect(mail.parsed.subject).toBe('[Fairgate] Meeting cancelled: Honam Parts, Thu 8 Jul 2027, 10:00 AM–10:30 AM');
      const text = mail.parsed.text ?? '';
      expect(text).toContain('Dear Sato Ken,');
      expect(text).toContain('Honam Parts (Korea) has cancelled the meeting below.');
      expect(text).toContain('When (Korea time): Thu 8 Jul 2027, 10:00 AM–10:30 AM');
      expect(text).toContain('Table: T03');
      expect(text).toContain('Reason given: 일정이 겹쳐 참석이 어렵습니다.');
      expect(text).toContain(`/meetings/${links.token(ids.osaka)}`);
      expect(text).toContain('You receive this email because you are registered for the export meetings');
      // A METHOD:CANCEL invitation for the same event (UID of the request, SEQUENCE raised) removes it from the calendar.
      const meetingRow = (await t.db.pool.query(`SELECT request_id, sequence FROM meetings WHERE id = $1`, [meeting['osaka×parts']])).rows[0];
      const ics = mail.parsed.attachments.filter((a) => a.contentType === 'text/calendar').map((a) => a.content.toString('utf8'));
      expect(ics).toHaveLength(1);
      const unfolded = ics[0].replace(/\r\n[ \t]/g, '');
      expect(unfolded).toContain('METHOD:CANCEL');
      expect(unfolded).toContain('STATUS:CANCELLED');
      expect(unfolded).toMatch(new RegExp(`UID:[^\\r\\n]*${meetingRow.request_id}`));
      expect(unfolded).toContain(`SEQUENCE:${meetingRow.sequence}`);
      // Only the other side is written to: the canceller cancelled it itself.
      expect(await changeMails()).toEqual(['ken@osaka-trading.example']);
    });

    it('the Korean side gets the Korean email: 님 greeting, country in Korean, no AM/PM', async () => {
      setClock('2027-07-06T12:00:00');
      await t.http.post(`${page('osaka')}/agenda/${meeting['osaka×motor']}/cancel?lang=en`).type('form').send({}).expect(303);
      const mail = await t.smtp.waitForSubject(/^\[Fairgate\] 상담 취소: Osaka Trading/);
      expect(mail.envelopeTo).toEqual(['jun@gj-motor.example']);
      expect(mail.parsed.subject).toBe('[Fairgate] 상담 취소: Osaka Trading, 2027년 7월 8일 (목) 오후 12:00–오후 12:30');
      const text = mail.parsed.text ?? '';
      expect(text).toContain('이준 님, 안녕하세요.');
      expect(text).toContain('Osaka Trading (일본)에서 아래 상담을 취소했습니다.');
      expect(text).toContain('일시 (한국 시간): 2027년 7월 8일 (목) 오후 12:00–오후 12:30');
      expect(text).not.toContain('취소 사유');
      expect(text).not.toMatch(/\b(AM|PM)\b/);
      expect(mail.parsed.html).toContain('<html lang="ko">');
    });

    it('a move request shows on the grid with its note; asking again replaces the note', async () => {
      setClock('2027-07-06T12:00:00');
      await t.http.post(`${page('munich')}/agenda/${meeting['munich×motor']}/move?lang=en`).type('form').send({ note: 'Morning please' }).expect(303);
      const res = await t.http.post(`${page('munich')}/agenda/${meeting['munich×motor']}/move?lang=en`).type('form').send({ note: 'After 12:00 would suit us' }).expect(303);
      expect(res.headers.location).toBe(`${page('munich')}?lang=en&done=moveRequested`);
      const own = textOf((await t.http.get(`${page('munich')}?lang=en`).expect(200)).text);
      expect(own).toContain('You asked to move this meeting; we will email you if the organizers move it. Note: After 12:00 would suit us');

      const organizer = new PageClient(t, { lang: null });
      await organizer.get('/console/login');
      expect((await organizer.post('/console/login', { ...TEST_ORGANIZER, _csrf: organizer.csrf() })).status).toBe(303);
      const grid = await organizer.get(`${CONSOLE}/grid?lang=en`);
      expect(grid.status).toBe(200);
      const moves = /<ul class="mg-cards" id="move-requests">([\s\S]*?)<\/ul>/.exec(grid.text)?.[1] ?? '';
      expect(textOf(moves)).toContain('Munich Parts GmbH (buyer) asked to move it on Tue 6 Jul 2027, 12:00 PM');
      expect(textOf(moves)).toContain('Note: After 12:00 would suit us');
      expect(textOf(moves)).not.toContain('Morning please');
      expect(grid.text.match(/class="mg-badge wait mg-move"/g)?.length).toBe(2); // its grid cell and its action card
      const cancelled = textOf(/<ul class="mg-cards" id="cancellations">([\s\S]*?)<\/ul>/.exec(grid.text)?.[1] ?? '');
      expect(cancelled).toContain('Cancelled by Honam Parts (exhibitor) on Tue 6 Jul 2027, 12:00 PM');
      expect(cancelled).toContain('Cancelled by Osaka Trading (buyer) on Tue 6 Jul 2027, 12:00 PM');
      const ko = textOf((await organizer.get(`${CONSOLE}/grid?lang=ko`)).text);
      expect(ko).toContain('Munich Parts GmbH(바이어)이(가) 2027년 7월 6일 (화) 오후 12:00에 시간 변경을 요청했습니다');

      // Handled with the grid's move form: the meeting changes, the request is no longer pending.
      const moved = await organizer.post(`${CONSOLE}/grid/meetings/${meeting['munich×motor']}/move`, { _csrf: organizer.csrf(), slot: 'D2027-07-08-1030', table: 'T02' });
      expect(moved.headers.location).toMatch(/flash=moved/);
      const after = await organizer.get(`${CONSOLE}/grid?lang=en`);
      expect(after.text).not.toContain('id="move-requests"');
      expect(textOf(after.text)).toContain('No request to move is waiting.');
      // Back where the day's tests expect it.
      await organizer.post(`${CONSOLE}/grid/meetings/${meeting['munich×motor']}/move`, { _csrf: organizer.csrf(), slot: 'D2027-07-08-1130', table: 'T02' });
      expect((await row(meeting['munich×motor'])).status).toBe('published');
    });

    it('refuses a cancelled meeting, and everything after the cut-off, with the reason; the buttons are gone', async () => {
      setClock('2027-07-06T12:00:00');
      const again = await t.http.post(`${page('parts')}/agenda/${meeting['osaka×parts']}/cancel?lang=ko`).type('form').send({}).expect(409);
      expect(textOf(again.text)).toContain('게시된 상담만 취소하거나 변경을 요청할 수 있습니다.');

      setClock('2027-07-07T12:00:01');
      const mails = await changeMails();
      const ko = await t.http.get(`${page('munich')}?lang=ko`).expect(200);
      expect(ko.text).not.toContain('/agenda/');
      expect(textOf(ko.text)).toContain('변경 마감(2027년 7월 7일 (수) 오후 12:00)이 지났습니다.');
      const refused = await t.http.post(`${page('munich')}/agenda/${meeting['munich×parts']}/cancel?lang=ko`).type('form').send({}).expect(409);
      expect(textOf(refused.text)).toContain('변경 마감이 지나 이 페이지에서는 더 이상 취소하거나 변경을 요청할 수 없습니다.');
      const en = await t.http.post(`${page('munich')}/agenda/${meeting['munich×parts']}/move?lang=en`).type('form').send({ note: 'late' }).expect(409);
      expect(textOf(en.text)).toContain('It is past the deadline for changes on this page.');
      expect(await row(meeting['munich×parts'])).toMatchObject({ status: 'published' });
      expect(await seats(meeting['munich×parts'])).toBe(2);
      // Someone else's meeting is not found on this page.
      const notMine = await t.http.post(`${page('munich')}/agenda/${meeting['hanoi×motor']}/cancel?lang=en`).type('form').send({}).expect(404);
      expect(textOf(notMine.text)).toContain('This meeting is not on your agenda.');
      expect(await changeMails()).toEqual(mails);
    });
  });

  describe("the table host's page", () => {
    const host = (table: string): string => day.hostPath({ id: editionId, code: EDITION }, table);

    it('opens only with the right key, in Korean by default, the day in time order with names and countries', async () => {
      setClock('2027-07-08T09:00:00');
      await t.http.get(`${host('T01').slice(0, -4)}AAAA`).expect(404);
      await t.http.get(host('T01').replace('/T01/', '/T02/')).expect(404);
      await t.http.get(host('T01').replace('/T01/', '/T99/')).expect(404);
      const res = await t.http.get(host('T01')).set('Accept-Language', 'ko').expect(200);
      expect(res.headers['set-cookie']?.[0]).toMatch(/^fairgate_presession=.*Path=\/meetings\/table-host/);
      const text = textOf(res.text);
      expect(text).toContain('테이블 T01 상담 기록');
      expect(text).toContain('2027 국제그린카산업전시회 · 수출상담회 당일 · 2027년 7월 8일 (목)');
      const first = text.indexOf('오전 10:00–오전 10:30');
      const second = text.indexOf('오전 10:30–오전 11:00');
      expect(first).toBeGreaterThan(-1);
      expect(second).toBeGreaterThan(first);
      expect(text).toContain('Hanoi EV Trading (베트남)');
      expect(text).toContain('Gwangju Motor Co. (대한민국)');
      expect(text).toContain('통역 없음');
      expect(text).toContain('아직 시작 전입니다'); // 09:00: no buttons yet
      expect(text).not.toMatch(/\b(AM|PM)\b/);
    });

    it('records each outcome through the private link: CSRF, not before the start, idempotent, changeable, until the end of the day', async () => {
      const hostClient = new PageClient(t, { lang: null });
      const id = meeting['hanoi×motor'];
      const action = `${host('T01')}/meetings/${id}?lang=ko`;
      setClock('2027-07-08T10:00:00');
      await hostClient.get(host('T01'));
      const csrf = hostClient.csrf();
      setClock('2027-07-08T09:55:00');

      // Without the token, or with another page's: 403, nothing done.
      expect((await hostClient.post(action, { outcome: 'held' })).status).toBe(403);
      expect((await new PageClient(t, { lang: null }).post(action, { outcome: 'held', _csrf: csrf })).status).toBe(403);
      expect((await row(id)).outcome).toBeNull();

      const notYet = await hostClient.post(action, { outcome: 'held', _csrf: csrf });
      expect(notYet.status).toBe(303);
      expect(notYet.headers.location).toBe(`${host('T01')}?lang=ko&flash=err-not_started#m-${id}`);
      expect(textOf((await hostClient.get(notYet.headers.location)).text)).toContain('기록하지 못했습니다: 상담이 아직 시작되지 않았습니다.');
      expect((await row(id)).outcome).toBeNull();

      setClock('2027-07-08T10:05:00');
      expect((await hostClient.post(action, { outcome: 'held', _csrf: csrf })).headers.location).toContain('flash=recorded');
      const held = await row(id);
      expect(held).toMatchObject({ status: 'published', outcome: 'held', outcome_recorded_by: null });
      expect(held.outcome_recorded_at.toISOString()).toBe(at('2027-07-08T10:05:00').toISOString());

      setClock('2027-07-08T10:06:00');
      expect((await hostClient.post(action, { outcome: 'held', _csrf: csrf })).headers.location).toContain('flash=same');
      expect((await row(id)).outcome_recorded_at.toISOString()).toBe(at('2027-07-08T10:05:00').toISOString());

      for (const outcome of ['no_show_buyer', 'no_show_exhibitor', 'no_show_both']) {
        expect((await hostClient.post(action, { outcome, _csrf: csrf })).headers.location).toContain('flash=recorded');
        expect((await row(id)).outcome).toBe(outcome);
      }
      const shown = await hostClient.get(`${host('T01')}?lang=en`);
      expect(shown.text).toMatch(new RegExp(`<button type="submit" name="outcome" value="no_show_both" class="th-no_show_both th-current" aria-pressed="true">Both no-show</button>`));
      expect(textOf(shown.text)).toContain('Both no-show');

      // An unknown choice is a bad request; the day over: refused.
      expect((await hostClient.post(action, { outcome: 'partly', _csrf: csrf })).status).toBe(400);
      setClock('2027-07-09T00:00:00');
      expect((await hostClient.post(action, { outcome: 'held', _csrf: csrf })).headers.location).toContain('flash=err-day_over');
      expect((await row(id)).outcome).toBe('no_show_both');
    });

    it('cancels from the table like an organizer: seats freed, request cancelled; then no outcome, and cancelling again changes nothing', async () => {
      const hostClient = new PageClient(t, { lang: null });
      const id = meeting['hanoi×parts'];
      const action = `${host('T01')}/meetings/${id}?lang=en`;
      setClock('2027-07-08T10:31:00');
      await hostClient.get(host('T01'));
      const csrf = hostClient.csrf();
      expect((await hostClient.post(action, { outcome: 'cancelled', _csrf: csrf })).headers.location).toContain('flash=cancelled');
      expect(await row(id)).toMatchObject({ status: 'cancelled', outcome: null });
      expect(await seats(id)).toBe(0);
      expect((await hostClient.post(action, { outcome: 'held', _csrf: csrf })).headers.location).toContain('flash=err-cancelled');
      expect((await hostClient.post(action, { outcome: 'cancelled', _csrf: csrf })).headers.location).toContain('flash=same');
      expect(textOf((await hostClient.get(`${host('T01')}?lang=en`)).text)).toContain('Cancelled meeting');
    });

    it('the console page records with the organizer named, and refuses an unpublished meeting', async () => {
      const organizer = new PageClient(t, { lang: null });
      await organizer.get('/console/login');
      await organizer.post('/console/login', { ...TEST_ORGANIZER, _csrf: organizer.csrf() });
      const accountId = (await t.db.pool.query(`SELECT id FROM accounts WHERE email = $1`, [TEST_ORGANIZER.email])).rows[0].id;
      setClock('2027-07-08T12:01:00');
      const pageRes = await organizer.get(`${CONSOLE}/tables/T02/day?lang=ko`);
      expect(pageRes.status).toBe(200);
      expect(pageRes.text).toContain('aria-current="page">수출상담회</a>'); // the console frame, meetings marked
      const id = meeting['munich×parts'];
      const recorded = await organizer.post(`${CONSOLE}/tables/T02/day/meetings/${id}?lang=ko`, { outcome: 'held', _csrf: organizer.csrf() });
      expect(recorded.headers.location).toBe(`${CONSOLE}/tables/T02/day?lang=ko&flash=recorded#m-${id}`);
      expect(await row(id)).toMatchObject({ outcome: 'held', outcome_recorded_by: accountId });
      // A meeting at another table is not this table's.
      expect((await organizer.post(`${CONSOLE}/tables/T01/day/meetings/${id}?lang=ko`, { outcome: 'held', _csrf: organizer.csrf() })).status).toBe(404);

      await t.db.pool.query(`UPDATE meetings SET status = 'scheduled', outcome = NULL WHERE id = $1`, [meeting['munich×motor']]);
      const draft = await organizer.post(`${CONSOLE}/tables/T02/day/meetings/${meeting['munich×motor']}?lang=ko`, { outcome: 'held', _csrf: organizer.csrf() });
      expect(draft.headers.location).toContain('flash=err-not_published');
      await t.db.pool.query(`UPDATE meetings SET status = 'published' WHERE id = $1`, [meeting['munich×motor']]);
    });

    it('two hosts at once end with one consistent row: the later outcome wins; an outcome after a cancel is refused', async () => {
      setClock('2027-07-08T12:10:00');
      const a = new PageClient(t, { lang: null });
      const b = new PageClient(t, { lang: null });
      await a.get(host('T02'));
      await b.get(host('T02'));
      const id = meeting['munich×parts'];
      for (let round = 0; round < 5; round += 1) {
        const [ra, rb] = await Promise.all([
          a.post(`${host('T02')}/meetings/${id}`, { outcome: 'no_show_buyer', _csrf: a.csrf() }),
          b.post(`${host('T02')}/meetings/${id}`, { outcome: 'no_show_exhibitor', _csrf: b.csrf() }),
        ]);
        expect([ra.status, rb.status]).toEqual([303, 303]);
        const r = await row(id);
        expect(['no_show_buyer', 'no_show_exhibitor']).toContain(r.outcome);
        expect(r.status).toBe('published');
      }
      const n = await t.db.pool.query(`SELECT count(*)::int AS n FROM meetings WHERE request_id = (SELECT request_id FROM meetings WHERE id = $1)`, [id]);
      expect(n.rows[0].n).toBe(1);

      // held and cancelled at once: whichever comes second sees the first.
      const other = meeting['munich×motor'];
      const [rh, rc] = await Promise.all([
        a.post(`${host('T02')}/meetings/${other}`, { outcome: 'held', _csrf: a.csrf() }),
        b.post(`${host('T02')}/meetings/${other}`, { outcome: 'cancelled', _csrf: b.csrf() }),
      ]);
      expect([rh.status, rc.status]).toEqual([303, 303]);
      expect(rc.headers.location).toContain('flash=cancelled');
      const r = await row(other);
      expect(r).toMatchObject({ status: 'cancelled', outcome: null });
      expect(await seats(other)).toBe(0);
      expect(rh.headers.location).toMatch(/flash=(recorded|err-cancelled)/);
    });

    it('the grid shows outcomes and the day per table; the table sheet prints the host link', async () => {
      const organizer = new PageClient(t, { lang: null });
      await organizer.get('/console/login');
      await organizer.post('/console/login', { ...TEST_ORGANIZER, _csrf: organizer.csrf() });
      const grid = await organizer.get(`${CONSOLE}/grid?lang=en`);
      const cells = (table: string): string[] =>
        [...(new RegExp(`<tr data-table="${table}">([\\s\\S]*?)</tr>`).exec(grid.text)?.[1] ?? '').matchAll(/<td>(\d+)<\/td>/g)].map((m) => m[1]);
      // held, no-show, cancelled, not recorded
      expect(cells('T01')).toEqual(['0', '1', '1', '0']);
      expect(cells('T02')).toEqual(['0', '1', '1', '0']);
      expect(cells('T03')).toEqual(['0', '0', '2', '0']);
      expect(cells('total')).toEqual(['0', '2', '4', '0']);
      expect(grid.text).toContain('data-outcome="no_show_both">Both no-show</span>');
      expect(grid.text).toContain(`href="${CONSOLE}/tables/T01/day?day=2027-07-08"`);

      const sheet = await organizer.get(`${CONSOLE}/tables/T02?lang=ko`);
      expect(sheet.text).toContain(`${t.config.publicUrl}${host('T02')}`);
      expect(sheet.text).toContain('aria-label="테이블 T02 담당자 링크 QR 코드"');
      expect(sheet.text).not.toContain(host('T01'));
    });
  });
});
