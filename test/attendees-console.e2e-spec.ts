import { mailTo } from './support/exhibitors';
import { bearer, eventually, startTestApp, type TestApp } from './support/test-app';

const EDITION = 'green-car-2027'; // 2027-07-07 … 2027-07-09, registration open
const run = `${process.pid}`;


describe('attendees in the console', () => {
  let t: TestApp;
  let cookie: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    cookie = `fairgate_session=${(await bearer(t)).slice('Bearer '.length)}`;
    const people: Array<[string, string, string, string[], string | undefined]> = [
      ['minjun', '김민준', 'buyer', ['2027-07-07', '2027-07-08'], '광주전자'],
      ['seoyeon', '이서연', 'press', ['2027-07-08'], '전남일보'],
      ['tran', 'Tran Minh', 'trade_visitor', ['2027-07-07'], 'Hanoi EV Trading'],
      ['anna', 'Anna Schmidt', 'buyer', ['2027-07-09'], undefined],
    ];
    for (const [key, name, kind, days, company] of people) {
      const res = await t.http.post(`/api/editions/${EDITION}/attendees`).send({
        name, email: `${key}-${run}@visitors.example`, ...(company ? { company } : {}), country: 'KR', kind, days, language: key === 'tran' ? 'en' : 'ko',
        consentMessages: true, consentShareContact: key !== 'anna',
      }).expect(201);
      ids[key] = res.body.id;
    }
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lists editions with their registrations, in the console frame; the dashboard\'s ?edition= link leads to the list', async () => {
    const page = await t.http.get('/console/attendees?lang=ko').set('Cookie', cookie).expect(200);
    expect(page.text).toContain('<a href="/console/attendees" aria-current="page">참관객</a>');
    expect(page.text).toContain(`href="/console/attendees/${EDITION}"`);
    expect(page.text).toMatch(/2027 [^<]*<\/a><\/p>\s*<p>2027년 7월 7일 \(수\) – 7월 9일 \(금\)/);
    await t.http.get(`/console/attendees?edition=${EDITION}`).set('Cookie', cookie).expect(303).expect('Location', `/console/attendees/${EDITION}`);
    await t.http.get('/console/attendees').expect(303).expect('Location', `/console/login?next=${encodeURIComponent('/console/attendees')}`);
  });

  it('counts per day and kind, searches name, email and company, filters by kind and day, pages', async () => {
    const all = await t.http.get(`/console/attendees/${EDITION}?lang=ko`).set('Cookie', cookie).expect(200);
    expect(all.text).toContain('4명 중 1–4');
    // 2027-07-07: buyer 1 (김민준), trade visitor 1 (Tran) → row "trade_visitor, buyer, press, total" = 1 1 0 2
    expect(all.text).toMatch(/<th scope="row">7월 7일 \(수\)<\/th><td>1<\/td><td>1<\/td><td>0<\/td><td>2<\/td>/);
    expect(all.text).toMatch(/<th scope="row">7월 8일 \(목\)<\/th><td>0<\/td><td>1<\/td><td>1<\/td><td>2<\/td>/);
    expect(all.text).toMatch(/<tfoot><tr><th scope="row">합계<\/th><td>1<\/td><td>3<\/td><td>1<\/td><td>5<\/td>/);
    expect(all.text).not.toMatch(/\b(AM|PM)\b/);

    const byCompany = await t.http.get(`/console/attendees/${EDITION}?q=${encodeURIComponent('전남')}`).set('Cookie', cookie).expect(200);
    expect(byCompany.text).toContain('이서연');
    expect(byCompany.text).not.toContain('김민준');
    const byEmail = await t.http.get(`/console/attendees/${EDITION}?q=tran-${run}`).set('Cookie', cookie).expect(200);
    expect(byEmail.text).toContain('Tran Minh');
    expect(byEmail.text).not.toContain('Anna Schmidt');
    const buyersDay1 = await t.http.get(`/console/attendees/${EDITION}?kind=buyer&day=2027-07-07&lang=en`).set('Cookie', cookie).expect(200);
    expect(buyersDay1.text).toContain('1–1 of 1');
    expect(buyersDay1.text).toContain('김민준');
    expect(buyersDay1.text).not.toContain('Anna Schmidt');
    // A literal % matches itself only.
    expect((await t.http.get(`/console/attendees/${EDITION}?q=%25`).set('Cookie', cookie).expect(200)).text).toContain('조건에 맞는 참관객이 없습니다');
    await t.http.get('/console/attendees/no-such-edition').set('Cookie', cookie).expect(404);
  });

  it('exports the filtered list as CSV with the console session, UTF-8 with a BOM', async () => {
    const list = await t.http.get(`/console/attendees/${EDITION}?kind=buyer`).set('Cookie', cookie).expect(200);
    const link = /href="(\/console\/attendees\/[^"]+\/attendees\.csv[^"]*)"/.exec(list.text)?.[1].replace(/&amp;/g, '&');
    expect(link).toBe(`/console/attendees/${EDITION}/attendees.csv?kind=buyer`);
    const csv = await t.http.get(link ?? '').set('Cookie', cookie).buffer(true).parse((res, done) => {
      // Keep the bytes, the BOM included.
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="attendees-${EDITION}.csv"`);
    const body = csv.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('registered_at,name,email,company,country,kind,days,language,consent_messages,consent_share_contact,badge_code,confirmed_at');
    expect(lines).toHaveLength(3); // header + two buyers
    expect(lines.some((l) => l.includes('김민준') && l.includes('광주전자') && l.includes('2027-07-07 2027-07-08'))).toBe(true);
    expect(lines.some((l) => l.includes('Anna Schmidt'))).toBe(true);
    expect(lines.some((l) => l.includes('Tran Minh'))).toBe(false);
    await t.http.get(link ?? '').expect(303).expect('Location', `/console/login?next=${encodeURIComponent(link ?? '')}`);
  });

  it('shows one attendee: registration, picks, bookmarks, itinerary and the emails sent to them', async () => {
    await mailTo(t, `minjun-${run}@visitors.example`, /등록을 확인/);
    // The worker marks the row sent just after the SMTP server took it.
    const page = await eventually(
      () => t.http.get(`/console/attendees/${EDITION}/${ids.minjun}?lang=ko`).set('Cookie', cookie).expect(200),
      (res) => res.text.includes('mail-sent'),
    );
    expect(page.text).toContain('김민준 님');
    expect(page.text).toContain('<li>2027년 7월 7일 (수)</li>');
    expect(page.text).toContain('광주전자');
    expect(page.text).toContain('보낸 메일');
    expect(page.text).toMatch(/참관 등록 개인 링크<\/strong> <span class="tag mail-sent">발송됨<\/span>/);
    expect(page.text).toMatch(/발송 2027년|발송 20\d\d년 \d+월 \d+일 \([일월화수목금토]\) 오[전후] \d+:\d\d/);
    expect(page.text).not.toMatch(/\b(AM|PM)\b/);
    expect(page.text).toContain('신청한 세션이 없습니다.');
    // Another edition's attendee is not found here.
    await t.http.get(`/console/attendees/ppuri-2027/${ids.minjun}`).set('Cookie', cookie).expect(404);
    await t.http.get(`/console/attendees/${EDITION}/not-a-uuid`).set('Cookie', cookie).expect(400);
  });
});
