import { formatRate, formatUsd } from '../src/modules/meetings/pages/results-report.view';
import { MeetingSurveysService, type SurveySweepOptions } from '../src/modules/meetings/meeting-surveys.service';
import { MeetingsDirectory } from '../src/modules/meetings/meetings-directory';
import { ParticipantLinks } from '../src/modules/meetings/participant-links';
import { publishedMeetings, recordOutcome, RESULTS_EDITION, type ResultsFixture } from './support/meeting-results';
import { location, PageClient } from './support/page-client';
import type { ReceivedMail } from './support/smtp-sink';
import { Queues } from '../src/core/queue/job-catalogue';
import { eventually, mailSettled, queueCounts, startTestApp, TEST_ORGANIZER, type TestApp } from './support/test-app';

const SURVEY_SUBJECT = /^\[Fairgate\] (상담 결과 설문: |How did your meeting with )/;
const RESULTS = `/console/meetings/${RESULTS_EDITION}/results`;

/** The page's text without tags, spaces collapsed. */
const textOf = (page: string): string => page.replace(/<style>[\s\S]*?<\/style>/g, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

/** A barrier for `parties` callers: each waits until all have arrived (later calls pass at once). */
function barrier(parties: number): () => Promise<void> {
  let arrived = 0;
  let release!: () => void;
  const all = new Promise<void>((resolve) => (release = resolve));
  return () => {
    arrived++;
    if (arrived >= parties) release();
    return all;
  };
}

/**
 * Issue 16, items 4–5 and 7: after a meeting recorded as held, both sides get a short survey by
 * email (once, whoever sweeps), answer it on their private page, and the organizers read the
 * edition's results — held meetings, no-show rate, amounts by buyer country, category and
 * exhibitor, survey answers — as a page, a CSV and a printable summary, figures equal to the
 * database's.
 */
describe('export meetings: after-meeting surveys and the results report', () => {
  let t: TestApp;
  let f: ResultsFixture;
  const surveyMails = (): ReceivedMail[] => t.smtp.received.filter((m) => SURVEY_SUBJECT.test(m.parsed.subject ?? ''));
  const surveyMailsTo = (email: string): ReceivedMail[] => surveyMails().filter((m) => m.envelopeTo.includes(email));
  const linkIn = (text: string | undefined): string => {
    const match = /https?:\/\/\S+?(\/meetings\/[0-9a-f-]{36}\.[A-Za-z0-9_-]{32}\/surveys\/[0-9a-f-]{36})/.exec(text ?? '');
    if (!match) throw new Error(`no survey link in: ${text}`);
    return match[1];
  };
  const form = (path: string, body: Record<string, string>) => t.http.post(path).type('form').send(body);
  const surveyRow = async (meetingId: string, participantId: string) =>
    (await t.db.pool.query(`SELECT * FROM meeting_surveys WHERE meeting_id = $1 AND participant_id = $2`, [meetingId, participantId])).rows[0];
  const tokenOf = (participantId: string): string => t.running.app.get(ParticipantLinks).token(participantId);
  const surveyPage = (participantKey: string, meetingKey: string): string => `/meetings/${tokenOf(f.people[participantKey].id)}/surveys/${f.meetings[meetingKey]}`;

  beforeAll(async () => {
    t = await startTestApp();
    f = await publishedMeetings(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('a held meeting: the sweep emails both sides in their language; the link opens the survey; an error, then an answer, stored and changeable', async () => {
    await mailSettled(t); // the registration and agenda emails are out of the way
    expect(surveyMails()).toHaveLength(0);
    await recordOutcome(t, f.meetings['hanoi×motor'], 'held');
    await eventually(() => Promise.resolve(surveyMails().length), (n) => n >= 2);

    const [ko] = surveyMailsTo(f.people.motor.email);
    expect(ko.parsed.subject).toBe('[Fairgate] 상담 결과 설문: Hanoi EV Trading');
    expect(ko.parsed.text).toContain('김민준 님, 안녕하세요.');
    expect(ko.parsed.text).toMatch(/2027년 7월 8일 \(목\) 오[전후] \d+:\d\d–오[전후] \d+:\d\d에 Hanoi EV Trading와\(과\) 진행한 수출상담/);
    expect(ko.parsed.text).toContain('김대중컨벤션센터'); // core's one footer
    expect(ko.parsed.text).not.toMatch(/\b(AM|PM)\b/);
    const [en] = surveyMailsTo(f.people.hanoi.email);
    expect(en.parsed.subject).toBe('[Fairgate] How did your meeting with 빛고을모터 go?');
    expect(en.parsed.text).toContain('Dear Tran Minh,');
    expect(linkIn(en.parsed.html || undefined)).toBe(linkIn(en.parsed.text));

    const link = linkIn(ko.parsed.text);
    expect(link).toBe(surveyPage('motor', 'hanoi×motor'));
    const page = await t.http.get(link).expect(200);
    expect(page.text).toContain('<html lang="ko">');
    expect(page.text).toMatch(/<meta name="robots" content="noindex/);
    expect(textOf(page.text)).toContain('Hanoi EV Trading (베트남)와(과)의 상담은 어떠셨나요?');

    // Wrong: no satisfaction, a negative amount, three decimals. Everything typed comes back.
    const bad = await form(`${link}?lang=ko`, { followUp: 'yes', consultationUsd: '-5', expectedContractUsd: '1,234.567', comment: '좋은 <상담> 이었습니다' }).expect(422);
    const badText = textOf(bad.text);
    expect(badText).toContain('입력 내용을 확인해 주세요');
    expect(badText).toContain('상담 만족도: 하나를 선택해 주세요.');
    expect(badText).toContain('상담액 (미화 달러): 0 이상이어야 합니다.');
    expect(badText).toContain('계약추진액 (미화 달러): 소수점 아래 두 자리까지만 입력할 수 있습니다.');
    expect(bad.text).toContain('<a href="#f-satisfaction-1">');
    expect(bad.text).toContain('<p class="field-error" id="err-consultationUsd">0 이상이어야 합니다.</p>');
    expect(bad.text).toContain('value="-5"');
    expect(bad.text).toContain('value="1,234.567"');
    expect(bad.text).toContain('좋은 &lt;상담&gt; 이었습니다</textarea>');
    expect(bad.text).toMatch(/id="f-followUp-yes" name="followUp" value="yes" checked/);
    expect((await surveyRow(f.meetings['hanoi×motor'], f.people.motor.id)).answered_at).toBeNull();

    const good = await form(`${link}?lang=ko`, { satisfaction: '4', followUp: 'yes', consultationUsd: '12,500.50', expectedContractUsd: '100,000', comment: '좋은 상담이었습니다' }).expect(303);
    expect(location(good)).toBe(`${link}?lang=ko&done=saved`);
    const row = await surveyRow(f.meetings['hanoi×motor'], f.people.motor.id);
    expect(row).toMatchObject({ satisfaction: 4, follow_up: true, consultation_usd: '12500.50', expected_contract_usd: '100000.00', comment: '좋은 상담이었습니다' });
    expect(row.answered_at).not.toBeNull();
    const after = await t.http.get(location(good)).expect(200);
    expect(textOf(after.text)).toContain('답변을 저장했습니다. 감사합니다.');
    expect(after.text).toContain('value="12,500.50"');

    // Answering again updates the one row.
    await form(`${link}?lang=ko`, { satisfaction: '5', followUp: 'no', consultationUsd: '12500.50', expectedContractUsd: '' }).expect(303);
    expect(await surveyRow(f.meetings['hanoi×motor'], f.people.motor.id)).toMatchObject({ satisfaction: 5, follow_up: false, expected_contract_usd: null, comment: null });
    expect((await t.db.pool.query(`SELECT count(*)::int AS n FROM meeting_surveys WHERE meeting_id = $1`, [f.meetings['hanoi×motor']])).rows[0].n).toBe(2);

    // Each side's private page links its survey.
    const motorPage = textOf((await t.http.get(`/meetings/${tokenOf(f.people.motor.id)}?lang=ko`).expect(200)).text);
    expect(motorPage).toContain('설문 답변 고치기 (답변 완료)');
    const hanoiPage = await t.http.get(`/meetings/${tokenOf(f.people.hanoi.id)}?lang=en`).expect(200);
    expect(hanoiPage.text).toContain(`<a href="${surveyPage('hanoi', 'hanoi×motor')}?lang=en">Answer the survey about this meeting</a>`);
    expect(hanoiPage.text.match(/Answer the survey about this meeting/g)).toHaveLength(1); // its meeting with Honam Parts was not held

    // Nothing more comes for this meeting, however often the job sweeps.
    await t.running.app.get(MeetingSurveysService).sweep();
    await mailSettled(t);
    expect(surveyMails()).toHaveLength(2);
  });

  it('only the meeting\'s two participants answer, only for a held meeting', async () => {
    const held = f.meetings['hanoi×motor'];
    // Another participant's valid link on this meeting, a forged token, a meeting not held, a no-show.
    await t.http.get(surveyPage('texas', 'hanoi×motor')).expect(404);
    await form(surveyPage('texas', 'hanoi×motor'), { satisfaction: '1', followUp: 'no' }).expect(404);
    expect(await surveyRow(held, f.people.texas.id)).toBeUndefined();
    const forged = `/meetings/${f.people.motor.id}.${'A'.repeat(32)}/surveys/${held}`;
    const forgedPage = await form(forged, { satisfaction: '1', followUp: 'no' }).expect(404);
    expect(textOf(forgedPage.text)).toContain('설문을 찾을 수 없습니다');
    await t.http.get(`${surveyPage('hanoi', 'hanoi×parts')}?lang=en`).expect(404);
    await recordOutcome(t, f.meetings['texas×parts'], 'no_show_buyer');
    const noShow = await form(`${surveyPage('texas', 'texas×parts')}?lang=en`, { satisfaction: '3', followUp: 'no' }).expect(404);
    expect(textOf(noShow.text)).toContain('Survey not found');
    expect((await t.db.pool.query(`SELECT count(*)::int AS n FROM meeting_surveys WHERE meeting_id = $1`, [f.meetings['texas×parts']])).rows[0].n).toBe(0);
    await t.http.get(`/meetings/${tokenOf(f.people.hanoi.id)}/surveys/not-a-uuid`).expect(404);
  });

  it('two sweeps at once write each survey once; a naive select-then-email sweep (the negative control) writes it twice', async () => {
    const service = t.running.app.get(MeetingSurveysService);
    const sweep: (o?: SurveySweepOptions) => Promise<number> = service.sweep.bind(service);
    // The repeatable job keeps running; it is made to find nothing so that only the two sweeps below race.
    const job = jest.spyOn(service, 'sweep').mockResolvedValue(0);
    // A job that called the real sweep before the spy is let finish: from a moment with none running, every job finds nothing.
    await eventually(async () => (await queueCounts(t.config.redisUrl, t.config.queuePrefix, Queues.MeetingRequests)).active, (n) => n === 0);
    try {
      const outboxTo = async (emails: string[]): Promise<number> =>
        (await t.db.pool.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE template = 'meetings.survey' AND recipient = ANY($1)`, [emails])).rows[0].n;
      // Guarded: both read the same two due surveys before either writes; the primary key lets one write them.
      await recordOutcome(t, f.meetings['saigon×motor'], 'held');
      const meet = barrier(2);
      const counts = await Promise.all([sweep({ afterRead: meet }), sweep({ afterRead: meet })]);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(2);
      expect(counts.sort()).toEqual([0, 2]);
      expect(await outboxTo([f.people.saigon.email])).toBe(1);
      expect((await t.db.pool.query(`SELECT count(*)::int AS n FROM meeting_surveys WHERE meeting_id = $1`, [f.meetings['saigon×motor']])).rows[0].n).toBe(2);

      // Negative control: the same race without the guard emails every side twice.
      await recordOutcome(t, f.meetings['osaka×parts'], 'held');
      const meetAgain = barrier(2);
      const naive = await Promise.all([sweep({ afterRead: meetAgain, onlyClaimed: false }), sweep({ afterRead: meetAgain, onlyClaimed: false })]);
      expect(naive).toEqual([2, 2]);
      expect(await outboxTo([f.people.osaka.email])).toBe(2);
    } finally {
      job.mockRestore();
    }
    await mailSettled(t);
    expect(surveyMailsTo(f.people.saigon.email)).toHaveLength(1);
    expect(surveyMailsTo(f.people.osaka.email)).toHaveLength(2); // the control's double, delivered
  });

  it('the results report (page, CSV, summary) shows the figures the database holds: no-show rate, amounts by buyer country, category and exhibitor', async () => {
    // Outcomes: held hanoi×motor, saigon×motor, osaka×parts; no-shows texas×parts (buyer), hanoi×parts (exhibitor); texas×motor not recorded.
    await recordOutcome(t, f.meetings['hanoi×parts'], 'no_show_exhibitor');
    // The buyer's figure counts over the exhibitor's (12,500.50 → 10,000); where the buyer gives none, the exhibitor's.
    await form(surveyPage('hanoi', 'hanoi×motor'), { satisfaction: '3', followUp: 'yes', consultationUsd: '10,000', expectedContractUsd: '' }).expect(303);
    await form(surveyPage('motor', 'hanoi×motor'), { satisfaction: '5', followUp: 'yes', consultationUsd: '12,500.50', expectedContractUsd: '40,000' }).expect(303);
    await form(surveyPage('saigon', 'saigon×motor'), { satisfaction: '4', followUp: 'yes', consultationUsd: '2,000.25', expectedContractUsd: '5000' }).expect(303);
    await form(surveyPage('parts', 'osaka×parts'), { satisfaction: '2', followUp: 'no', consultationUsd: '750', expectedContractUsd: '0' }).expect(303);

    // The database's answer, in SQL: per held meeting the buyer's amount if given, else the exhibitor's.
    const perMeeting = `
      SELECT m.id, m.outcome, b.country, e.company_name AS exhibitor, e.interests,
             COALESCE(bs.consultation_usd, es.consultation_usd, 0) AS consultation, COALESCE(bs.expected_contract_usd, es.expected_contract_usd, 0) AS contract
        FROM meetings m JOIN meeting_requests r ON r.id = m.request_id
        JOIN meeting_participants b ON b.id = r.buyer_id JOIN meeting_participants e ON e.id = r.exhibitor_id
        LEFT JOIN meeting_surveys bs ON bs.meeting_id = m.id AND bs.participant_id = b.id AND bs.answered_at IS NOT NULL AND m.outcome = 'held'
        LEFT JOIN meeting_surveys es ON es.meeting_id = m.id AND es.participant_id = e.id AND es.answered_at IS NOT NULL AND m.outcome = 'held'
       WHERE m.status = 'published'`;
    const totals = (
      await t.db.pool.query(`SELECT count(*)::int AS meetings, count(*) FILTER (WHERE outcome = 'held')::int AS held,
                                    count(*) FILTER (WHERE outcome LIKE 'no_show%')::int AS no_shows,
                                    sum(consultation)::numeric(14,2)::text AS consultation, sum(contract)::numeric(14,2)::text AS contract FROM (${perMeeting}) x`)
    ).rows[0];
    expect(totals).toEqual({ meetings: 6, held: 3, no_shows: 2, consultation: '12750.25', contract: '45000.00' });
    const byCountry = (
      await t.db.pool.query(`SELECT country, count(*)::int AS meetings, count(*) FILTER (WHERE outcome = 'held')::int AS held,
                                    count(*) FILTER (WHERE outcome LIKE 'no_show%')::int AS no_shows,
                                    sum(consultation)::numeric(14,2)::text AS consultation, sum(contract)::numeric(14,2)::text AS contract
                               FROM (${perMeeting}) x GROUP BY country ORDER BY country`)
    ).rows as Array<{ country: string; meetings: number; held: number; no_shows: number; consultation: string; contract: string }>;
    expect(byCountry.map((r) => r.country)).toEqual(['JP', 'US', 'VN']);
    const answers = (await t.db.pool.query(`SELECT count(*)::int AS sent, count(answered_at)::int AS answered FROM meeting_surveys s JOIN meetings m ON m.id = s.meeting_id WHERE m.outcome = 'held'`)).rows[0];
    const cents = (usd: string): number => Math.round(Number(usd) * 100);

    const organizer = new PageClient(t);
    await organizer.login(TEST_ORGANIZER.email, TEST_ORGANIZER.password);
    const page = await organizer.get(RESULTS, 'ko');
    expect(page.status).toBe(200);
    const figure = (id: string): string => {
      const m = new RegExp(`id="fig-${id}"><dt>[^<]*</dt><dd><strong>([^<]*)</strong>`).exec(page.text);
      if (!m) throw new Error(`no figure ${id}`);
      return m[1];
    };
    expect(figure('meetings')).toBe(String(totals.meetings));
    expect(figure('held')).toBe(String(totals.held));
    expect(figure('noShows')).toBe(String(totals.no_shows));
    expect(figure('noShowRate')).toBe(formatRate(totals.no_shows / (totals.held + totals.no_shows)));
    expect(figure('noShowRate')).toBe('40%');
    expect(figure('consultation')).toBe(formatUsd(cents(totals.consultation)));
    expect(figure('consultation')).toBe('US$12,750.25');
    expect(figure('expectedContract')).toBe('US$45,000');
    expect(figure('responseRate')).toBe(formatRate(answers.answered / answers.sent));
    for (const r of byCountry) {
      const row = new RegExp(`<tr data-key="${r.country}"><th scope="row">[^<]*</th><td>(\\d+)</td><td>(\\d+)</td><td>(\\d+)</td><td>[^<]*</td><td>([^<]*)</td><td>([^<]*)</td></tr>`).exec(page.text);
      expect(row?.slice(1)).toEqual([String(r.meetings), String(r.held), String(r.no_shows), formatUsd(cents(r.consultation)), formatUsd(cents(r.contract))]);
    }
    const text = textOf(page.text);
    expect(text).toContain('바이어 국가별');
    expect(text).toContain('베트남 (VN)');
    expect(text).toContain('양측이 모두 답한 경우 바이어의 금액을');
    expect(text).toContain('전기차 구동계'); // categories by name, not code
    expect(page.text).toContain('<svg class="chart" role="img" aria-labelledby="by-country-chart-title"');
    expect(text).not.toMatch(/\b(AM|PM)\b/);

    // The CSV with the console session: BOM, the same figures as the database.
    const csv = await organizer.get(`/console/meetings/${RESULTS_EDITION}/results.csv?lang=en`, 'en');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.text.slice(1).trim().split('\r\n').map((l) => l.split(','));
    expect(lines[0]).toEqual(['section', 'code', 'name', 'Published meetings', 'Meetings held', 'No-shows', 'No-show rate', 'Consultation amount', 'Expected contract amount', 'value']);
    expect(lines[1]).toEqual(['total', '', '', String(totals.meetings), String(totals.held), String(totals.no_shows), '0.4', totals.consultation, totals.contract, '']);
    for (const r of byCountry) {
      const line = lines.find((l) => l[0] === 'Country' && l[1] === r.country);
      expect(line?.slice(3, 9)).toEqual([String(r.meetings), String(r.held), String(r.no_shows), line![6], r.consultation, r.contract]);
    }
    const exhibitorSum = lines.filter((l) => l[0] === 'Exhibitor').reduce((n, l) => n + cents(l[7]), 0);
    expect(exhibitorSum).toBe(cents(totals.consultation));
    expect(lines.find((l) => l[1] === 'satisfaction_5')?.[9]).toBe('1');

    // Without the console session: no CSV.
    const anonymous = await t.http.get(`/console/meetings/${RESULTS_EDITION}/results.csv`);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/console\/login/);

    // The printable summary: A4 print rules, Korean by default.
    const summary = await organizer.get(`${RESULTS}/summary?lang=ko`, 'ko');
    expect(summary.status).toBe(200);
    expect(summary.text).toContain('@page{size:A4');
    expect(textOf(summary.text)).toContain('수출상담회 성과 요약');
    // The read API for the dashboard gives the same totals.
    const editionId = (await t.db.pool.query(`SELECT id FROM fair_editions WHERE code = $1`, [RESULTS_EDITION])).rows[0].id as string;
    expect(await t.running.app.get(MeetingsDirectory).meetingResults(editionId)).toEqual({
      held: totals.held, noShows: totals.no_shows, notRecorded: 1, noShowRate: totals.no_shows / (totals.held + totals.no_shows),
      consultationCents: cents(totals.consultation), expectedContractCents: cents(totals.contract), surveysSent: answers.sent, surveysAnswered: answers.answered,
    });
    // The overview links the report.
    expect((await organizer.get(`/console/meetings/${RESULTS_EDITION}?lang=ko`, 'ko')).text).toContain(`<a href="${RESULTS}">성과 보고</a>`);
  });
});
