import type { AddressInfo } from 'node:net';
import { DomainError, ErrorCode } from '../src/core/errors/domain-error';
import { ParticipantAccessService } from '../src/modules/meetings/participant-access.service';
import { launchBrowser, sidewaysOverflow } from './support/browser';
import { bearer, eventually, startTestApp, type TestApp } from './support/test-app';

const API = '/api/editions/green-car-2027/meetings';
const EXHIBITOR = `Gwangju <Motor> & "Sons"`;
const EXHIBITOR_HTML = 'Gwangju &lt;Motor&gt; &amp; &quot;Sons&quot;';

/** The page's text without tags, spaces collapsed, entities left as they are. */
const textOf = (page: string): string => page.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

/** A participant's own page, reached by the link of its email: forms that post and come back. */
describe('export meetings: the participant page', () => {
  let t: TestApp;
  let organizer: string;
  let exhibitorId: string;
  let buyerPage: string;
  let exhibitorPage: string;
  let requestId: string;

  const linkIn = (text: string | undefined): string => {
    const match = /\/meetings\/[0-9a-f-]{36}\.[A-Za-z0-9_-]{32}/.exec(text ?? '');
    if (!match) throw new Error(`no private link in: ${text}`);
    return match[0];
  };
  const form = (path: string, body: string | Record<string, string>) => t.http.post(path).type('form').send(body);
  const slotsOf = async (id: string): Promise<string[]> =>
    (await t.db.pool.query(`SELECT unavailable_slots FROM meeting_participants WHERE id = $1`, [id])).rows[0].unavailable_slots;
  const idOf = (page: string): string => page.slice('/meetings/'.length).split('.')[0];

  beforeAll(async () => {
    t = await startTestApp();
    organizer = await bearer(t);
    // 10:00–11:00 in 30-minute slots: D2027-07-08-1000 and D2027-07-08-1030.
    await t.http.post('/api/editions/green-car-2027/meeting-sessions').set('Authorization', organizer).send({ day: '2027-07-08', startsAt: '10:00', endsAt: '11:00', space: 'MPH' }).expect(201);
    await t.http.put(`${API}/tables`).set('Authorization', organizer).send({ codes: ['T01'] }).expect(200);
    exhibitorId = (
      await t.http.post(`${API}/participants`).set('Authorization', organizer)
        .send({ side: 'exhibitor', companyName: EXHIBITOR, country: 'KR', contactName: 'Lee Jun', email: 'jun@gj-motor.example', languages: ['ko', 'en'], interests: ['ev-powertrain'], locale: 'ko', tableCode: 'T01' })
        .expect(201)
    ).body.id;
    exhibitorPage = linkIn((await t.smtp.waitForSubject(/^\[Fairgate\] 수출상담회 등록 완료/)).parsed.text);
    await t.http.post(`${API}/register`)
      .send({ companyName: 'Hanoi EV Trading', country: 'VN', contactName: 'Tran Minh', email: 'minh@hanoi-ev.example', languages: ['vi', 'en'], interests: ['ev-powertrain'] })
      .expect(201);
    const mail = await t.smtp.waitForSubject(/^\[Fairgate\] You are registered for the export meetings/);
    expect(mail.envelopeTo).toEqual(['minh@hanoi-ev.example']);
    buyerPage = linkIn(mail.parsed.text);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('shows the buyer its page from the emailed link, in its language or the one asked for, names escaped', async () => {
    const en = await t.http.get(buyerPage).expect(200);
    expect(en.headers['content-type']).toMatch(/^text\/html/);
    expect(en.headers['cache-control']).toBe('no-store');
    expect(en.text).toContain('<html lang="en">');
    const text = textOf(en.text);
    for (const heading of ['My meetings', 'Requests to answer', 'My requests', 'Suggested companies', 'When I am away']) expect(text).toContain(heading);
    expect(text).toContain('Hanoi EV Trading');
    expect(text).toContain('2027 International Green Car Industry Fair');
    expect(text).toContain('The meeting schedule is not published yet.');
    expect(text).toContain('Why: Shares 1 product category: EV powertrain; speaks English');
    // The company name from data is escaped everywhere it appears.
    expect(en.text).toContain(EXHIBITOR_HTML);
    expect(en.text).not.toContain('<Motor>');
    expect(en.text).toContain(`aria-label="Request a meeting with ${EXHIBITOR_HTML}"`);
    expect(en.text).toMatch(/<option value="must">Must-have<\/option><option value="want" selected>Want<\/option><option value="nice">Nice-to-have<\/option>/);

    const ko = await t.http.get(`${buyerPage}?lang=ko`).expect(200);
    expect(ko.text).toContain('<html lang="ko">');
    expect(textOf(ko.text)).toContain('추천 기업');
    expect(textOf(ko.text)).toContain('추천 이유: 공통 품목 1개');
    expect(textOf(ko.text)).toContain('2027 국제그린카산업전시회');
    // Without ?lang= the participant's own language wins over the browser's.
    expect((await t.http.get(buyerPage).set('Accept-Language', 'ko').expect(200)).text).toContain('<html lang="en">');
  });

  it('requests a meeting through the form; the exhibitor accepts it through its own page', async () => {
    const posted = await form(`${buyerPage}/requests?lang=en`, { counterpart: exhibitorId, priority: 'must' }).expect(303);
    expect(posted.headers.location).toBe(`${buyerPage}?lang=en&done=requested`);
    const rows = await t.db.pool.query(`SELECT id, priority, requested_by, status, exhibitor_id FROM meeting_requests WHERE buyer_id = $1`, [idOf(buyerPage)]);
    expect(rows.rows).toEqual([{ id: expect.any(String), priority: 'must', requested_by: 'buyer', status: 'pending', exhibitor_id: exhibitorId }]);
    requestId = rows.rows[0].id;
    const after = textOf((await t.http.get(posted.headers.location).expect(200)).text);
    expect(after).toContain('Meeting requested.');
    expect(after).toMatch(/My requests .*Gwangju &lt;Motor&gt; &amp; &quot;Sons&quot; \(Korea\) Priority Must-have Status waiting for an answer/);
    expect(after).toContain('No company to suggest right now.'); // an asked company is no longer suggested

    // Refusals come back as the page with the reason, never as JSON.
    const again = await form(`${buyerPage}/requests?lang=en`, { counterpart: exhibitorId, priority: 'want' }).expect(409);
    expect(again.headers['content-type']).toMatch(/^text\/html/);
    expect(textOf(again.text)).toContain('You already have a pending or accepted request with this company.');
    const bad = await form(`${buyerPage}/requests?lang=ko`, { counterpart: exhibitorId, priority: 'urgent' }).expect(400);
    expect(bad.headers['content-type']).toMatch(/^text\/html/);
    expect(textOf(bad.text)).toContain('입력한 값을 받아들일 수 없습니다: 우선순위');
    await form(`${buyerPage}/requests?lang=en`, { counterpart: exhibitorId, priority: 'must', admin: '1' }).expect(400);
    // The asking side cannot answer its own request.
    expect(textOf((await form(`${buyerPage}/requests/${requestId}/accept?lang=en`, {}).expect(404)).text)).toContain('This request is not waiting for your answer.');

    // The exhibitor (Korean) sees the request with an accept and a decline button.
    const ex = await t.http.get(exhibitorPage).expect(200);
    expect(ex.text).toContain('<html lang="ko">');
    expect(textOf(ex.text)).toMatch(/답변할 상담 신청 Hanoi EV Trading \(베트남\) 우선순위 꼭 만나고 싶음 답변 기한 \d{4}년 \d+월 \d+일 \(\S\) 오[전후] \d+:\d\d 수락/);
    expect(ex.text).toContain(`action="${exhibitorPage}/requests/${requestId}/accept?lang=ko"`);
    expect(ex.text).toContain('aria-label="Hanoi EV Trading의 상담 신청 수락"');
    const accepted = await form(`${exhibitorPage}/requests/${requestId}/accept`, {}).expect(303);
    expect(accepted.headers.location).toBe(`${exhibitorPage}?lang=ko&done=accepted`);
    expect((await t.db.pool.query(`SELECT status FROM meeting_requests WHERE id = $1`, [requestId])).rows[0].status).toBe('accepted');
    const exAfter = textOf((await t.http.get(accepted.headers.location).expect(200)).text);
    expect(exAfter).toContain('상담 신청을 수락했습니다.');
    expect(exAfter).toContain('답변을 기다리는 상담 신청이 없습니다.');
    const late = await form(`${exhibitorPage}/requests/${requestId}/decline?lang=en`, {}).expect(409);
    expect(textOf(late.text)).toContain('This request is already accepted and can no longer be answered.');
    expect(textOf((await t.http.get(`${buyerPage}?lang=en`).expect(200)).text)).toContain('Status accepted');
  });

  it('saves the away times from the checkboxes: none, one or several', async () => {
    const buyer = idOf(buyerPage);
    const res = await form(`${buyerPage}/availability?lang=en`, 'away=D2027-07-08-1000&away=D2027-07-08-1030').expect(303);
    expect(res.headers.location).toBe(`${buyerPage}?lang=en&done=saved`);
    expect(await slotsOf(buyer)).toEqual(['D2027-07-08-1000', 'D2027-07-08-1030']);
    await form(`${buyerPage}/availability?lang=en`, {}).expect(303);
    expect(await slotsOf(buyer)).toEqual([]);
    await form(`${buyerPage}/availability?lang=en`, { away: 'D2027-07-08-1000' }).expect(303);
    expect(await slotsOf(buyer)).toEqual(['D2027-07-08-1000']);

    const page = await t.http.get(`${buyerPage}?lang=en&done=saved`).expect(200);
    expect(textOf(page.text)).toContain('Your away times are saved.');
    expect(page.text).toContain('<input type="checkbox" id="away-D2027-07-08-1000" name="away" value="D2027-07-08-1000" checked>');
    expect(page.text).toContain('<input type="checkbox" id="away-D2027-07-08-1030" name="away" value="D2027-07-08-1030">');
    expect(page.text).toContain('<legend>Thu 8 Jul 2027</legend>');
    expect(page.text).toContain('<label for="away-D2027-07-08-1030"><span class="sr-only">Away </span>10:30 AM–11:00 AM</label>');

    const unknown = await form(`${buyerPage}/availability?lang=en`, { away: 'D2027-07-09-1000' }).expect(400);
    expect(textOf(unknown.text)).toContain('Some values were not accepted: When I am away');
    expect(await slotsOf(buyer)).toEqual(['D2027-07-08-1000']);
    // A flash is a known key, never text from the URL.
    expect(textOf((await t.http.get(`${buyerPage}?lang=en&done=<b>hacked</b>`).expect(200)).text)).not.toContain('hacked');
  });

  it('answers 429 and 503 with Retry-After, as a page like the other pages do (issue 13)', async () => {
    const setAvailability = jest.spyOn(t.running.app.get(ParticipantAccessService), 'setAvailability');
    try {
      setAvailability.mockRejectedValueOnce(new DomainError(ErrorCode.TooManyRequests, 'Too many attempts: try again in 37 seconds.', { retryAfterSeconds: 37 }));
      const limited = await form(`${buyerPage}/availability?lang=en`, { away: 'D2027-07-08-1000' });
      expect(limited.status).toBe(429);
      expect(limited.headers['retry-after']).toBe('37');
      expect(limited.headers['content-type']).toMatch(/^text\/html/);
      expect(textOf(limited.text)).toContain('Too many attempts: try again in 37 seconds.');

      setAvailability.mockRejectedValueOnce(new Error('Connection terminated unexpectedly'));
      const down = await form(`${buyerPage}/availability?lang=en`, { away: 'D2027-07-08-1000' });
      expect(down.status).toBe(503);
      expect(down.headers['retry-after']).toBe('5');
      expect(down.headers['content-type']).toMatch(/^text\/html/);
      expect(down.text).not.toContain('terminated');
    } finally {
      setAvailability.mockRestore();
    }
  });

  it('answers a forged or altered link with a 404 page in the page language', async () => {
    const forged = `/meetings/${exhibitorId}.${'A'.repeat(32)}`;
    const ko = await t.http.get(forged).set('Accept-Language', 'ko-KR,ko;q=0.9').expect(404);
    expect(ko.headers['content-type']).toMatch(/^text\/html/);
    expect(ko.text).toContain('<html lang="ko">');
    expect(textOf(ko.text)).toContain('페이지를 찾을 수 없습니다');
    const en = await t.http.get(`${forged}?lang=en`).expect(404);
    expect(textOf(en.text)).toContain('Page not found');
    expect(textOf((await t.http.get('/meetings/not-a-token').set('Accept-Language', 'en').expect(404)).text)).toContain('This link is not valid.');
    // Posts with a forged token change nothing and get the same page.
    const post = await form(`${forged}/availability?lang=en`, { away: 'D2027-07-08-1030' }).expect(404);
    expect(textOf(post.text)).toContain('Page not found');
    await form(`${forged}/requests/${requestId}/decline`, {}).expect(404);
    expect((await t.db.pool.query(`SELECT status FROM meeting_requests WHERE id = $1`, [requestId])).rows[0].status).toBe('accepted');
    expect(await slotsOf(exhibitorId)).toEqual([]);
  });

  it('lists the meeting once an organizer publishes the schedule', async () => {
    const started = await t.http.post(`${API}/schedule-runs`).set('Authorization', organizer).send({}).expect(202);
    const run = await eventually(
      async () => (await t.http.get(`${API}/schedule-runs/${started.body.id}`).set('Authorization', organizer).expect(200)).body,
      (r) => r.status === 'done' || r.status === 'failed',
      30000,
    );
    expect(run.status).toBe('done');
    // A draft schedule is not the participant's to see.
    expect(textOf((await t.http.get(`${buyerPage}?lang=en`).expect(200)).text)).toContain('The meeting schedule is not published yet.');
    await t.http.post(`${API}/publish`).set('Authorization', organizer).send({}).expect(200);

    const buyer = textOf((await t.http.get(`${buyerPage}?lang=en`).expect(200)).text);
    // The buyer is away at 10:00, so the meeting is at 10:30, at the exhibitor's table.
    expect(buyer).toContain(`My meetings All times are Korean time (KST). Thu 8 Jul 2027, 10:30 AM–11:00 AM ${EXHIBITOR_HTML} (Korea) Place Multipurpose Hall (Second Center) Table T01 Interpreter No interpreter`);
    const exhibitor = textOf((await t.http.get(exhibitorPage).expect(200)).text);
    expect(exhibitor).toContain('2027년 7월 8일 (목) 오전 10:30–오전 11:00 Hanoi EV Trading (베트남) 장소 다목적홀 테이블 T01 통역 통역 없음');
    expect(exhibitor).not.toMatch(/\b(AM|PM|KST)\b/);
  });

  it('fits a 360 px screen and accepts a request by keyboard in a real browser', async () => {
    await t.http.post(`${API}/register`)
      .send({ companyName: 'Saigon Auto Parts JSC with a rather long company name', country: 'VN', contactName: 'Nguyen An', email: 'an@saigon.example', languages: ['en'], interests: ['ev-powertrain'] })
      .expect(201);
    const secondPage = linkIn((await eventually(() => Promise.resolve(t.smtp.received.find((m) => m.envelopeTo.includes('an@saigon.example'))), Boolean))?.parsed.text);
    await form(`${secondPage}/requests`, { counterpart: exhibitorId, priority: 'want' }).expect(303);
    const pending = await t.db.pool.query(`SELECT id FROM meeting_requests WHERE buyer_id = $1`, [idOf(secondPage)]);

    const base = `http://127.0.0.1:${(t.running.server!.address() as AddressInfo).port}`;
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
      for (const url of [`${exhibitorPage}?lang=en`, `${exhibitorPage}?lang=ko`, `${secondPage}?lang=en`]) {
        await page.goto(`${base}${url}`);
        expect({ url, overflow: await sidewaysOverflow(page) }).toEqual({ url, overflow: 0 });
      }
      await page.goto(`${base}${exhibitorPage}?lang=en`);
      const accept = page.getByRole('button', { name: /Accept the request from Saigon Auto Parts/ });
      // Tab from the top of the page to the button, as a keyboard user would, then press Enter.
      let focused = false;
      for (let i = 0; i < 40 && !focused; i++) {
        await page.keyboard.press('Tab');
        focused = await accept.evaluate((el) => el === (el as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement);
      }
      expect(focused).toBe(true);
      await Promise.all([page.waitForURL(/done=accepted/), page.keyboard.press('Enter')]);
      await expect(page.getByRole('status').textContent()).resolves.toBe('Request accepted.');
      expect((await t.db.pool.query(`SELECT status FROM meeting_requests WHERE id = $1`, [pending.rows[0].id])).rows[0].status).toBe('accepted');
      // The checkboxes are labelled with the time and reachable by label.
      await expect(page.getByRole('checkbox', { name: 'Away 10:00 AM–10:30 AM' }).count()).resolves.toBe(1);
    } finally {
      await browser.close();
    }
  });
});
