import { bearer, eventually, type TestApp } from './test-app';

export const RESULTS_EDITION = 'green-car-2027';
const API = `/api/editions/${RESULTS_EDITION}/meetings`;

export interface ResultsParticipant {
  id: string;
  company: string;
  email: string;
  country: string;
  locale: 'ko' | 'en';
}

export interface ResultsFixture {
  organizer: string;
  people: Record<string, ResultsParticipant>;
  /** Published meetings by "buyer key × exhibitor key", e.g. 'hanoi×motor'. */
  meetings: Record<string, string>;
}

const PEOPLE: Array<[string, Record<string, unknown>]> = [
  ['motor', { side: 'exhibitor', companyName: '빛고을모터', country: 'KR', contactName: '김민준', email: 'minjun@bitgoeul-motor.example', languages: ['ko', 'en'], interests: ['ev-powertrain', 'battery-charging'], locale: 'ko' }],
  ['parts', { side: 'exhibitor', companyName: 'Honam Parts', country: 'KR', contactName: 'Choi Min', email: 'min@honam-parts.example', languages: ['ko', 'en'], interests: ['auto-parts'], locale: 'en' }],
  ['hanoi', { side: 'buyer', companyName: 'Hanoi EV Trading', country: 'VN', contactName: 'Tran Minh', email: 'minh@hanoi-ev.example', languages: ['en'], interests: ['ev-powertrain'], locale: 'en' }],
  ['saigon', { side: 'buyer', companyName: 'Saigon Motors', country: 'VN', contactName: 'Nguyen An', email: 'an@saigon-motors.example', languages: ['en'], interests: ['ev-powertrain'], locale: 'en' }],
  ['texas', { side: 'buyer', companyName: 'Texas Auto Supply', country: 'US', contactName: 'Sam Lee', email: 'sam@texas-auto.example', languages: ['en'], interests: ['auto-parts'], locale: 'en' }],
  ['osaka', { side: 'buyer', companyName: 'Osaka Buhin', country: 'JP', contactName: 'Sato Yui', email: 'yui@osaka-buhin.example', languages: ['en'], interests: ['auto-parts'], locale: 'en' }],
];

/** Six meetings between four buyers and two exhibitors. */
const PAIRS: Array<[string, string]> = [
  ['hanoi', 'motor'], ['saigon', 'motor'], ['texas', 'motor'], ['hanoi', 'parts'], ['texas', 'parts'], ['osaka', 'parts'],
];

/**
 * Green Car 2027's export meetings: one day of four slots, three tables, two exhibitors and four
 * buyers in four countries, six meetings scheduled by the engine and published. Outcomes are left
 * to the test (written with SQL: recording them is another page's work).
 */
export async function publishedMeetings(t: TestApp): Promise<ResultsFixture> {
  const organizer = await bearer(t);
  const post = (path: string, body: object) => t.http.post(`${API}${path}`).set('Authorization', organizer).send(body);
  await t.http
    .post(`/api/editions/${RESULTS_EDITION}/meeting-sessions`)
    .set('Authorization', organizer)
    .send({ day: '2027-07-08', startsAt: '10:00', endsAt: '12:30', breaks: [{ start: '11:00', end: '11:30' }] })
    .expect(201);
  await t.http.put(`${API}/tables`).set('Authorization', organizer).send({ codes: ['T01', 'T02', 'T03'] }).expect(200);
  const people: Record<string, ResultsParticipant> = {};
  for (const [key, body] of PEOPLE) {
    const id = (await post('/participants', body).expect(201)).body.id as string;
    people[key] = { id, company: body.companyName as string, email: body.email as string, country: body.country as string, locale: body.locale as 'ko' | 'en' };
  }
  for (const [buyer, exhibitor] of PAIRS) await post('/requests', { buyer: people[buyer].id, exhibitor: people[exhibitor].id, priority: 'want', requestedBy: 'organizer' }).expect(201);
  const started = await post('/schedule-runs', {}).expect(202);
  const run = await eventually(
    async () => (await t.http.get(`${API}/schedule-runs/${started.body.id}`).set('Authorization', organizer)).body,
    (r) => r.status === 'done' || r.status === 'failed',
    60_000,
  );
  if (run.status !== 'done' || run.unscheduled?.length) throw new Error(`schedule run: ${JSON.stringify(run)}`);
  await post('/publish', {}).expect(200);
  const { rows } = await t.db.pool.query<{ id: string; buyer_id: string; exhibitor_id: string }>(
    `SELECT m.id, r.buyer_id, r.exhibitor_id FROM meetings m JOIN meeting_requests r ON r.id = m.request_id WHERE m.status = 'published'`,
  );
  const keyOf = new Map(Object.entries(people).map(([k, p]) => [p.id, k]));
  const meetings: Record<string, string> = {};
  for (const r of rows) meetings[`${keyOf.get(r.buyer_id)}×${keyOf.get(r.exhibitor_id)}`] = r.id;
  if (Object.keys(meetings).length !== PAIRS.length) throw new Error(`expected ${PAIRS.length} published meetings, got ${rows.length}`);
  return { organizer, people, meetings };
}

/** Records an outcome the way the table host's page will: on a published meeting, with the time. */
export async function recordOutcome(t: TestApp, meetingId: string, outcome: 'held' | 'no_show_buyer' | 'no_show_exhibitor' | 'no_show_both' | null): Promise<void> {
  const res = await t.db.pool.query(`UPDATE meetings SET outcome = $2, outcome_recorded_at = CASE WHEN $2::text IS NULL THEN NULL ELSE now() END WHERE id = $1 AND status = 'published'`, [meetingId, outcome]);
  if (res.rowCount !== 1) throw new Error(`meeting ${meetingId} is not published`);
}
