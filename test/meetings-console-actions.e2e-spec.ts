import { fourSlotMeetingDay } from './support/meetings';
import { csrfOf, PageClient } from './support/page-client';
import { bearer, eventually, startTestApp, TEST_ORGANIZER, type TestApp } from './support/test-app';

const EDITION = 'green-car-2027';
const API = `/api/editions/${EDITION}/meetings`;
const BASE = `/console/meetings/${EDITION}`;

const textOf = (page: string): string => page.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/\s+/g, ' ');

describe('export meetings console: the actions through the pages', () => {
  let t: TestApp;
  let api: string;
  let organizer: PageClient;
  let csrf: string;
  const ids: Record<string, string> = {};

  const post = (path: string, body: unknown) => t.http.post(`${API}${path}`).set('Authorization', api).send(body as object);
  const schedule = async (): Promise<Array<Record<string, any>>> => (await t.http.get(`${API}/schedule`).set('Authorization', api).expect(200)).body;

  beforeAll(async () => {
    t = await startTestApp();
    api = await bearer(t);
    await fourSlotMeetingDay(t, api, ['T01', 'T02', 'P01']);
    await post('/interpreters', { name: 'Kim Ha-eun', languages: ['vi'] }).expect(201);
    const all = ['D2027-07-08-1000', 'D2027-07-08-1030', 'D2027-07-08-1130', 'D2027-07-08-1200'];
    const people: Array<[string, Record<string, unknown>]> = [
      ['hanoi', { side: 'buyer', companyName: 'Hanoi EV Trading', country: 'VN', contactName: 'Tran Minh', email: 'minh@hanoi-ev.example', languages: ['vi'], interests: ['ev-powertrain'], tableCode: 'T01' }],
      ['munich', { side: 'buyer', companyName: 'Munich Parts GmbH', country: 'DE', contactName: 'Anna Weber', email: 'anna@munich-parts.example', languages: ['de', 'en'], interests: ['auto-parts'], tableCode: 'T02' }],
      ['lima', { side: 'buyer', companyName: 'Lima Away SAC', country: 'PE', contactName: 'Rosa Diaz', email: 'rosa@lima-away.example', languages: ['en'], interests: ['auto-parts'], unavailableSlots: all }],
      ['motor', { side: 'exhibitor', companyName: 'Gwangju Motor Co.', country: 'KR', contactName: 'Lee Jun', email: 'jun@gj-motor.example', languages: ['ko', 'en'], interests: ['ev-powertrain'] }],
      ['parts', { side: 'exhibitor', companyName: 'Honam Parts', country: 'KR', contactName: 'Choi Min', email: 'min@honam-parts.example', languages: ['ko', 'en'], interests: ['auto-parts'] }],
    ];
    for (const [key, body] of people) ids[key] = (await post('/participants', body).expect(201)).body.id;
    ids.r1 = (await post('/requests', { buyer: ids.hanoi, exhibitor: ids.motor, priority: 'must', requestedBy: 'organizer' }).expect(201)).body.id;
    ids.r2 = (await post('/requests', { buyer: ids.munich, exhibitor: ids.parts, priority: 'want', requestedBy: 'buyer' }).expect(201)).body.id;
    ids.r3 = (await post('/requests', { buyer: ids.munich, exhibitor: ids.motor, priority: 'nice', requestedBy: 'exhibitor' }).expect(201)).body.id;
    ids.r4 = (await post('/requests', { buyer: ids.lima, exhibitor: ids.parts, priority: 'want', requestedBy: 'organizer' }).expect(201)).body.id;
    ids.r5 = (await post('/requests', { buyer: ids.hanoi, exhibitor: ids.parts, priority: 'nice', requestedBy: 'organizer' }).expect(201)).body.id;
    organizer = new PageClient(t, { lang: null });
    expect((await organizer.login(TEST_ORGANIZER.email, TEST_ORGANIZER.password)).status).toBe(303);
    csrf = csrfOf(await organizer.get(`${BASE}?lang=ko`));
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists the editions with links, and an overview of one edition with its counts and sub-pages', async () => {
    const list = await organizer.get('/console/meetings?lang=ko');
    expect(list.status).toBe(200);
    expect(list.text).toContain(`href="${BASE}"`);
    expect(list.text).toMatch(/<a href="\/console\/meetings"[^>]*aria-current="page"/); // the console frame marks the section
    const overview = await organizer.get(`${BASE}?lang=ko`);
    expect(overview.status).toBe(200);
    expect(textOf(overview.text)).toContain('바이어 3명 · 참가기업 2곳 · 요청 5건 (대기 2건, 수락 3건) · 상담 0건 (게시 0건) · 테이블 3개 · 시간대 4개');
    for (const sub of ['participants', 'requests', 'runs', 'grid', 'tables', 'schedule.csv']) expect(overview.text).toContain(`href="${BASE}/${sub}"`);
    // A link by the edition's id lands on the same page, by its code.
    const id = (await t.db.pool.query(`SELECT id FROM fair_editions WHERE code = $1`, [EDITION])).rows[0].id as string;
    const byId = await organizer.get(`/console/meetings/${id}`);
    expect(byId.status).toBe(303);
    expect(byId.headers.location).toBe(BASE);
    expect((await organizer.get('/console/meetings/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('adds a participant from the form, and shows errors next to the fields and on top, keeping what was typed', async () => {
    const bad = await organizer.post(`${BASE}/participants?lang=ko`, {
      _csrf: csrf, side: 'buyer', companyName: 'Seoul <Trading>', country: 'Korea', contactName: '', email: 'not-an-email', languages: 'ko', interests: 'auto-parts',
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('<html lang="ko">');
    expect(bad.text).toContain('id="add-errors"');
    expect(bad.text).toContain('<p class="error" id="err-country">국가는 VN, DE 같은 두 글자 ISO 코드로 입력하세요.</p>');
    expect(bad.text).toContain('id="err-email"');
    expect(bad.text).toContain('id="err-contactName"');
    expect(bad.text).toContain('<a href="#f-country">');
    expect(bad.text).toContain('value="Seoul &lt;Trading&gt;"');
    expect(bad.text).toContain('value="Korea" aria-invalid="true"');
    expect(bad.text).not.toMatch(/must be|email address/);

    const good = await organizer.post(`${BASE}/participants`, {
      _csrf: csrf, side: 'exhibitor', companyName: 'Mokpo Motors', country: 'kr', contactName: 'Jung Ho', email: 'ho@mokpo.example', languages: 'ko, en', interests: 'ev-powertrain', locale: 'ko',
    });
    expect(good.status).toBe(303);
    expect(good.headers.location).toBe(`${BASE}/participants?flash=added#add`);
    const page = await organizer.get(`${BASE}/participants?flash=added&lang=ko`);
    expect(page.text).toContain('참가자를 추가했습니다.');
    expect(page.text).toContain('Mokpo Motors');
    const added = (await t.http.get(`${API}/participants`).set('Authorization', api).expect(200)).body.find((p: any) => p.companyName === 'Mokpo Motors');
    expect(added).toMatchObject({ side: 'exhibitor', country: 'KR', languages: ['ko', 'en'], interests: ['ev-powertrain'] });
    // A second time: the email is taken on that side.
    const again = await organizer.post(`${BASE}/participants?lang=en`, {
      _csrf: csrf, side: 'exhibitor', companyName: 'Mokpo Motors', country: 'KR', contactName: 'Jung Ho', email: 'ho@mokpo.example', languages: 'ko', interests: 'ev-powertrain',
    });
    expect(again.status).toBe(409);
    expect(again.text).toContain('This email already takes part on this side of the edition.');
  });

  it('imports buyers from CSV all or nothing: a bad line shows its line number and nothing is imported', async () => {
    const before = (await t.http.get(`${API}/participants`).set('Authorization', api).expect(200)).body.length;
    const csv = [
      'company,country,contact_name,email,languages,interests,purchase_plans',
      'Da Nang Motors,VN,Le Van,van@danang.example,vi,ev-powertrain,',
      'Broken Line Co,XX,Someone,someone@broken.example,en,auto-parts,',
      'Bangkok Parts,TH,Somchai,somchai@bkk.example,th;en,auto-parts,',
    ].join('\n');
    const bad = await organizer.post(`${BASE}/participants/import?lang=ko`, { _csrf: csrf, csv });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('id="import-errors"');
    expect(textOf(bad.text)).toContain('3번째 줄 (열 country): 국가는 VN, DE 같은 두 글자 ISO 코드로 입력하세요.');
    expect(bad.text).toContain('data-line="3"');
    expect(bad.text).not.toContain('data-line="2"');
    expect(bad.text).toContain('Da Nang Motors,VN'); // the pasted CSV is kept to fix it
    expect((await t.http.get(`${API}/participants`).set('Authorization', api).expect(200)).body).toHaveLength(before);

    const en = await organizer.post(`${BASE}/participants/import?lang=en`, { _csrf: csrf, csv });
    expect(textOf(en.text)).toMatch(/line 3 \(column country\): /);

    const fixed = csv.replace('Broken Line Co,XX', 'Fixed Line Co,US');
    const ok = await organizer.upload(`${BASE}/participants/import`, { _csrf: csrf }, { name: 'buyers.csv', content: `\uFEFF${fixed}\n` });
    expect(ok.status).toBe(303);
    expect(ok.headers.location).toBe(`${BASE}/participants?flash=imported&n=3`);
    expect((await t.http.get(`${API}/participants`).set('Authorization', api).expect(200)).body).toHaveLength(before + 3);
    expect(textOf((await organizer.get(`${BASE}/participants?flash=imported&n=3&lang=ko`)).text)).toContain('바이어 3명을 가져왔습니다.');

    // Without a token, nothing is imported.
    const forged = await organizer.post(`${BASE}/participants/import`, { csv: fixed.replace(/example/g, 'example2') });
    expect(forged.status).toBe(403);
  });

  it("edits a participant's availability", async () => {
    const page = await organizer.get(`${BASE}/participants/${ids.munich}?lang=ko`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('value="D2027-07-08-1000"');
    expect(page.text).toContain('7월 8일 (목) 오전 10:00–오전 10:30');
    const saved = await organizer.post(`${BASE}/participants/${ids.munich}/availability`, { _csrf: csrf, away: ['D2027-07-08-1000'] });
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe(`${BASE}/participants/${ids.munich}?flash=availability`);
    const munich = (await t.http.get(`${API}/participants`).set('Authorization', api).expect(200)).body.find((p: any) => p.id === ids.munich);
    expect(munich.unavailableSlots).toEqual(['D2027-07-08-1000']);
    const list = await organizer.get(`${BASE}/participants?lang=ko`);
    expect(textOf(list.text)).toContain('1개 시간대 불참');
  });

  it('lists requests with filters, answers on behalf, locks and unlocks', async () => {
    const pending = await organizer.get(`${BASE}/requests?status=pending&lang=ko`);
    expect(pending.status).toBe(200);
    expect(pending.text).toContain(`id="r-${ids.r2}"`);
    expect(pending.text).toContain(`id="r-${ids.r3}"`);
    expect(pending.text).not.toContain(`id="r-${ids.r1}"`);
    const byBuyer = await organizer.get(`${BASE}/requests?buyer=${ids.hanoi}`);
    expect(byBuyer.text).toContain(`id="r-${ids.r1}"`);
    expect(byBuyer.text).not.toContain(`id="r-${ids.r2}"`);
    const byExhibitor = await organizer.get(`${BASE}/requests?exhibitor=${ids.parts}&status=accepted`);
    expect(byExhibitor.text).toContain(`id="r-${ids.r4}"`);
    expect(byExhibitor.text).not.toContain(`id="r-${ids.r2}"`);

    const back = `${BASE}/requests?status=pending`;
    const accepted = await organizer.post(`${BASE}/requests/${ids.r2}/accept`, { _csrf: csrf, returnTo: back });
    expect(accepted.status).toBe(303);
    expect(accepted.headers.location).toBe(`${back}&flash=accepted`);
    const declined = await organizer.post(`${BASE}/requests/${ids.r3}/decline`, { _csrf: csrf, returnTo: 'https://evil.example/' });
    expect(declined.headers.location).toBe(`${BASE}/requests?flash=declined`);
    const twice = await organizer.post(`${BASE}/requests/${ids.r3}/accept`, { _csrf: csrf });
    expect(twice.headers.location).toBe(`${BASE}/requests?flash=err-notAnswerable`);
    expect((await organizer.get(`${twice.headers.location}&lang=ko`)).text).toContain('이미 답변했거나 기한이 지난 요청입니다.');
    const requests = (await t.http.get(`${API}/requests`).set('Authorization', api).expect(200)).body as Array<Record<string, any>>;
    expect(requests.find((r) => r.id === ids.r2)!.status).toBe('accepted');
    expect(requests.find((r) => r.id === ids.r3)!.status).toBe('declined');

    // Lock Hanoi × Motor at 12:00 on T01, then unlock; a lock at a table that is not the host's is refused with the rule in words.
    const wrong = await organizer.post(`${BASE}/requests/${ids.r1}/lock`, { _csrf: csrf, slot: 'D2027-07-08-1200', table: 'T02' });
    expect(wrong.headers.location).toMatch(/flash=err-rule&rule=wrong-table$/);
    expect(textOf((await organizer.get(`${wrong.headers.location}&lang=ko`)).text)).toContain('배치 규칙에 어긋납니다: 바이어가 맡은 테이블이 아닙니다');
    const locked = await organizer.post(`${BASE}/requests/${ids.r1}/lock`, { _csrf: csrf, slot: 'D2027-07-08-1200', table: 'T01' });
    expect(locked.headers.location).toBe(`${BASE}/requests?flash=locked`);
    const page = await organizer.get(`${BASE}/requests?lang=ko`);
    expect(textOf(page.text)).toContain('고정: 7월 8일 (목) 오후 12:00–오후 12:30, 테이블 T01');
    const unlocked = await organizer.post(`${BASE}/requests/${ids.r1}/unlock`, { _csrf: csrf });
    expect(unlocked.headers.location).toBe(`${BASE}/requests?flash=unlocked`);
    expect((await t.http.get(`${API}/requests`).set('Authorization', api).expect(200)).body.find((r: any) => r.id === ids.r1).locked).toBeNull();

    // A form without its token changes nothing.
    expect((await organizer.post(`${BASE}/requests/${ids.r1}/lock`, { slot: 'D2027-07-08-1200', table: 'T01' })).status).toBe(403);
  });

  it('runs the scheduler from the console: the run page reloads itself, then shows quality against the bound and the unscheduled reasons in words', async () => {
    const form = await organizer.get(`${BASE}/runs?lang=ko`);
    expect(form.text).toMatch(/<input type="radio" name="fairness" value="weight" checked/);
    // the strict rule from the run form's radio reaches the engine through the job
    const started = await organizer.post(`${BASE}/runs`, { _csrf: csrf, fairness: 'strict' });
    expect(started.status).toBe(303);
    const runUrl = started.headers.location;
    expect(runUrl).toMatch(new RegExp(`^${BASE}/runs/[0-9a-f-]{36}$`));
    const first = await organizer.get(`${runUrl}?lang=ko`);
    expect(first.status).toBe(200);
    if (/data-status="(queued|running)"/.test(first.text)) expect(first.text).toContain('<meta http-equiv="refresh" content="2">');
    const done = await eventually(
      () => organizer.get(`${runUrl}?lang=ko`),
      (res) => /data-status="(done|failed)"/.test(res.text),
      60_000,
    );
    expect(done.text).toContain('data-status="done"');
    expect(done.text).not.toContain('http-equiv="refresh"');
    expect(textOf(done.text)).toMatch(/결과: 가중치 \d+ \/ 상한 \d+ \(\d+(\.\d)?%\) · 상담 3건 · 배치 못 한 요청 1건/);
    expect(textOf(done.text)).toContain('Lima Away SAC × Honam Parts');
    expect(textOf(done.text)).toMatch(/기준: 모든 참가자에게 최소 1건 보장\. 상담이 가능했던 참가자 \d+명 모두 상담이 1건 이상 있습니다\./);
    expect(textOf(done.text)).toContain('바이어 Lima Away SAC이(가) 모든 시간대에 불참합니다');
    const en = await organizer.get(`${runUrl}?lang=en`);
    expect(textOf(en.text)).toContain('Buyer Lima Away SAC is away in every slot');
    expect(en.text).toContain(`href="${BASE}/grid"`);
    expect(await schedule()).toHaveLength(3);
  });

  it('moves, swaps and cancels meetings from the grid, refusing a move that breaks a rule', async () => {
    const meetings = await schedule();
    const hanoi = meetings.find((m) => m.buyer === 'Hanoi EV Trading' && m.exhibitor === 'Gwangju Motor Co.')!;
    const munich = meetings.find((m) => m.buyer === 'Munich Parts GmbH' && m.exhibitor === 'Honam Parts')!;
    const grid = await organizer.get(`${BASE}/grid?lang=ko`);
    expect(grid.text).toContain(`action="${BASE}/grid/meetings/${hanoi.id}/move"`);
    expect(grid.text).toContain(`action="${BASE}/grid/meetings/${hanoi.id}/swap"`);

    // Munich is away at 10:00 now.
    const refused = await organizer.post(`${BASE}/grid/meetings/${munich.id}/move`, { _csrf: csrf, slot: 'D2027-07-08-1000', table: munich.table });
    expect(refused.headers.location).toBe(`${BASE}/grid?flash=err-rule&rule=participant-unavailable`);
    expect(textOf((await organizer.get(`${refused.headers.location}&lang=ko`)).text)).toContain('배치 규칙에 어긋납니다: 참가자가 그 시간에 불참합니다');

    const free = ['D2027-07-08-1000', 'D2027-07-08-1030', 'D2027-07-08-1130', 'D2027-07-08-1200'].find((s) => s !== hanoi.slot && s !== munich.slot && s !== 'D2027-07-08-1000')!;
    const moved = await organizer.post(`${BASE}/grid/meetings/${hanoi.id}/move`, { _csrf: csrf, slot: free, table: hanoi.table });
    expect(moved.headers.location).toBe(`${BASE}/grid?flash=moved&notified=0`);
    expect((await schedule()).find((m) => m.id === hanoi.id)!.slot).toBe(free);

    const swapped = await organizer.post(`${BASE}/grid/meetings/${hanoi.id}/swap`, { _csrf: csrf, with: munich.id });
    expect(swapped.headers.location).toBe(`${BASE}/grid?flash=swapped&notified=0`);
    const after = await schedule();
    expect(after.find((m) => m.id === hanoi.id)!.slot).toBe(munich.slot);
    expect(after.find((m) => m.id === munich.id)!.slot).toBe(free);

    const third = after.find((m) => m.id !== hanoi.id && m.id !== munich.id)!;
    const cancelled = await organizer.post(`${BASE}/grid/meetings/${third.id}/cancel`, { _csrf: csrf });
    expect(cancelled.headers.location).toBe(`${BASE}/grid?flash=cancelled&notified=0`);
    expect(await schedule()).toHaveLength(2);

    // Each change is in the audit log from its service, with the placement before → after.
    const audit = async (id: string): Promise<Array<{ action: string; before: unknown; after: unknown; actor_email: string }>> =>
      (await t.db.pool.query(`SELECT action, before, after, actor_email FROM audit_entries WHERE subject_id = $1 ORDER BY at, id`, [id])).rows;
    expect(await audit(hanoi.id)).toEqual([
      { action: 'meeting.move', actor_email: TEST_ORGANIZER.email, before: { slot: hanoi.slot }, after: { slot: free } },
      { action: 'meeting.swap', actor_email: TEST_ORGANIZER.email, before: { slot: free }, after: { slot: munich.slot } },
    ]);
    // (The refused move above redirected with 303, so the interceptor logged its route; the service entries are what counts here.)
    expect((await audit(munich.id)).filter((e) => !e.action.startsWith('route.')).map((e) => [e.action, e.before, e.after])).toEqual([['meeting.swap', { slot: munich.slot }, { slot: free }]]);
    expect((await audit(third.id)).map((e) => [e.action, e.before, e.after])).toEqual([['meeting.cancel', { status: 'scheduled' }, { status: 'cancelled' }]]);
  });

  it('publishes and unpublishes; a frozen schedule refuses moves and runs', async () => {
    // Hanoi's own page (its private link came by mail when it was added) before, while and after the schedule is published.
    const mail = await eventually(() => Promise.resolve(t.smtp.received.find((m) => m.envelopeTo.includes('minh@hanoi-ev.example'))), Boolean);
    const hanoiPage = /\/meetings\/[0-9a-f-]{36}\.[A-Za-z0-9_-]{32}/.exec(mail!.parsed.text ?? '')![0];
    const notYet = 'The meeting schedule is not published yet.';
    expect((await t.http.get(`${hanoiPage}?lang=en`).expect(200)).text).toContain(notYet);

    const published = await organizer.post(`${BASE}/grid/publish`, { _csrf: csrf });
    expect(published.headers.location).toMatch(new RegExp(`^${BASE}/grid\\?flash=published&n=2&notified=\\d+$`));
    expect((await schedule()).every((m) => m.status === 'published')).toBe(true);
    expect(textOf((await organizer.get(`${published.headers.location}&lang=ko`)).text)).toMatch(/배치표를 게시했습니다: 상담 2건\. 참가자 \d+명에게 일정 메일을 보냅니다\./);

    expect((await t.http.get(`${hanoiPage}?lang=en`).expect(200)).text).not.toContain(notYet);

    const unpublished = await organizer.post(`${BASE}/grid/unpublish`, { _csrf: csrf });
    expect(unpublished.headers.location).toBe(`${BASE}/grid?flash=unpublished&n=2`);
    expect((await schedule()).every((m) => m.status === 'scheduled')).toBe(true);
    // The participants' own pages no longer show them.
    expect((await t.http.get(`${hanoiPage}?lang=en`).expect(200)).text).toContain(notYet);
    const rows = await t.db.pool.query(`SELECT count(*)::int AS n FROM meetings WHERE status = 'published'`);
    expect(rows.rows[0].n).toBe(0);
    const entries = await t.db.pool.query(
      `SELECT action, before, after FROM audit_entries WHERE action IN ('meetings.publish', 'meetings.unpublish') AND actor_email = $1 ORDER BY at, id`, [TEST_ORGANIZER.email],
    );
    expect(entries.rows.slice(0, 2)).toEqual([
      { action: 'meetings.publish', before: { publishedMeetings: 0 }, after: { publishedMeetings: 2, participantsNotified: expect.any(Number) } },
      { action: 'meetings.unpublish', before: { publishedMeetings: 2 }, after: { publishedMeetings: 0 } },
    ]);

    expect((await organizer.post(`${BASE}/grid/freeze`, { _csrf: csrf })).headers.location).toBe(`${BASE}/grid?flash=frozen`);
    const grid = await organizer.get(`${BASE}/grid?lang=ko`);
    expect(grid.text).toContain('<span class="mg-badge wait" id="mg-frozen">동결됨</span>');
    const m = (await schedule())[0];
    const refused = await organizer.post(`${BASE}/grid/meetings/${m.id}/cancel`, { _csrf: csrf });
    expect(refused.headers.location).toBe(`${BASE}/grid?flash=err-frozen`);
    expect((await organizer.post(`${BASE}/grid/unpublish`, { _csrf: csrf })).headers.location).toBe(`${BASE}/grid?flash=err-frozen`);
    const run = await organizer.post(`${BASE}/runs`, { _csrf: csrf });
    expect(run.headers.location).toBe(`${BASE}/runs?flash=err-frozen`);
    expect((await organizer.get(`${BASE}/runs?lang=ko`)).text).toContain('배치표가 동결되어 있어 실행할 수 없습니다.');
    expect((await organizer.post(`${BASE}/grid/unfreeze`, { _csrf: csrf })).headers.location).toBe(`${BASE}/grid?flash=unfrozen`);
    expect(await schedule()).toHaveLength(2);

    // Moved while unpublished: publishing again tells only that meeting's two participants.
    const drafts = await schedule();
    const hanoi = drafts.find((x) => x.buyer === 'Hanoi EV Trading')!;
    const free = ['D2027-07-08-1030', 'D2027-07-08-1130', 'D2027-07-08-1200'].find((slot) => !drafts.some((x) => x.slot === slot))!;
    expect((await organizer.post(`${BASE}/grid/meetings/${hanoi.id}/move`, { _csrf: csrf, slot: free, table: hanoi.table })).headers.location).toBe(`${BASE}/grid?flash=moved&notified=0`);
    expect((await organizer.post(`${BASE}/grid/publish`, { _csrf: csrf })).headers.location).toBe(`${BASE}/grid?flash=published&n=2&notified=2`);
  });

  it('downloads the schedule CSV with the console session: a BOM, a header and one row per meeting', async () => {
    const res = await organizer.get(`${BASE}/schedule.csv`).then((r) => r);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="export-meetings-green-car-2027.csv"');
    const body = res.text;
    expect(body.charCodeAt(0)).toBe(0xfeff);
    const lines = body.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('day,start,end,table,buyer,buyer_country,exhibitor,interpreter,priority,status');
    expect(lines).toHaveLength(3);
    expect(lines.some((l) => l.includes('Hanoi EV Trading') && l.includes('Kim Ha-eun'))).toBe(true);
    // Without the session: the login page, not a JSON 401.
    const anonymous = await t.http.get(`${BASE}/schedule.csv`);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.location).toBe(`/console/login?next=${encodeURIComponent(`${BASE}/schedule.csv`)}`);
  });
});
