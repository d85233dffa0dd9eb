import { ItineraryRepository } from '../src/modules/attendees/itinerary.repository';
import { mailTo } from './support/exhibitors';
import { bearer, eventually, startTestApp, type TestApp } from './support/test-app';

/**
 * Issue 12, item 1: the sweeper must clear the "changed" marks it has composed. The mark was compared
 * with a JavaScript Date (milliseconds) against the stored timestamptz (microseconds), so it never
 * cleared: with 50 or more marked attendees every sweep claimed full chunks for ever, the attendees
 * table took hundreds of updates a second, and a real change behind them was never emailed.
 *
 * Windows are counted in sweeper passes (calls of claimDue), not in seconds.
 */
const EDITION = 'ppuri-2027';
const BULK = 64;

describe('itinerary sweeper after a bulk send (issue 12, item 1)', () => {
  let t: TestApp;
  let organizer: string;
  /** Every claimDue call and the rows it claimed, as the sweeper made them. */
  const claims: number[] = [];

  beforeAll(async () => {
    t = await startTestApp({ env: { ITINERARY_DEBOUNCE_SECONDS: '1' } });
    organizer = await bearer(t);
    const repository = t.running.app.get(ItineraryRepository);
    const claimDue = repository.claimDue.bind(repository);
    repository.claimDue = async (...args) => {
      const rows = await claimDue(...args);
      claims.push(rows.length);
      return rows;
    };
  });
  afterAll(async () => {
    await t?.close();
  });

  const marked = async (): Promise<number> =>
    (await t.db.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM attendees WHERE itinerary_dirty_since IS NOT NULL OR itinerary_batch_id IS NOT NULL`)).rows[0].n;
  /** Each row's id and version (xmin): changes whenever a row is updated, visible at once. */
  const rowVersions = async (): Promise<string> =>
    (await t.db.pool.query<{ v: string }>(`SELECT coalesce(string_agg(id::text || ':' || xmin::text, ',' ORDER BY id), '') AS v FROM attendees`)).rows[0].v;
  const updatesCounted = async (): Promise<number> =>
    Number((await t.db.pool.query<{ n: string }>(`SELECT n_tup_upd AS n FROM pg_stat_user_tables WHERE relname = 'attendees'`)).rows[0].n);

  const phases: string[] = [];
  let phaseStarted = Date.now();
  const phase = (name: string): void => {
    phases.push(`${name} ${Date.now() - phaseStarted} ms`);
    phaseStarted = Date.now();
  };
  afterAll(() => console.log(`phases: ${phases.join(', ')}`));

  it(`clears every mark once ${BULK} itineraries are sent, then leaves the table alone, and a later pick is emailed within the debounce`, async () => {
    const session = await t.http.post(`/api/editions/${EDITION}/conference-sessions`).set('Authorization', organizer)
      .send({ titleKo: 'Die casting', titleEn: 'Die casting', speakers: ['Dr. Kim'], room: 'R201', startsAt: '2027-04-29T14:00:00+09:00', endsAt: '2027-04-29T15:00:00+09:00', capacity: 50 })
      .expect(201);
    const latecomer = `late-${process.pid}@visitor.example`;
    await t.http.post(`/api/editions/${EDITION}/attendees`).send({
      name: 'Late Comer', email: latecomer, country: 'KR', kind: 'trade_visitor', days: ['2027-04-29'], language: 'en', consentMessages: true, consentShareContact: false,
    }).expect(201);
    const token = /\/attendee\/([A-Za-z0-9_-]{43})/.exec((await mailTo(t, latecomer, /registration/i)).parsed.text ?? '')![1];
    // The bulk's attendees are written straight to the table (registering 64 over HTTP, QR code and
    // link email each, is not what this test is about).
    const inserted = await t.db.pool.query(
      `INSERT INTO attendees (edition_id, name, email, country, kind, days, locale, consent_messages, consent_share_contact, badge_code, access_token_hash, link_sent_at)
       SELECT e.id, 'Bulk ' || n, 'sweep-' || n || '@visitor.example', 'KR', 'trade_visitor', ARRAY['2027-04-30'], CASE WHEN n % 2 = 1 THEN 'en' ELSE 'ko' END,
              true, false, 'FG-SWEP-' || lpad(n::text, 4, '0'), encode(sha256(convert_to('sweep-' || n, 'UTF8')), 'hex'), now()
         FROM fair_editions e, generate_series(0, $2::int - 1) n WHERE e.code = $1`,
      [EDITION, BULK],
    );
    expect(inserted.rowCount).toBe(BULK);

    phase('registrations');
    const sent = await t.http.post(`/api/editions/${EDITION}/itineraries/send`).set('Authorization', organizer).expect(202);
    expect(sent.body.attendees).toBeGreaterThanOrEqual(BULK + 1);
    await eventually(
      async () => (await t.http.get(`/api/organizer/mail/batches/${sent.body.batchId}`).set('Authorization', organizer).expect(200)).body as { sent: number; total: number },
      (b) => b.total === sent.body.attendees && b.sent === b.total,
      90_000,
    );

    phase('bulk sent');
    // Settled: no attendee is still marked.
    const settled = await eventually(marked, (n) => n === 0, 30_000).catch(async (error: Error) => {
      const before = await updatesCounted();
      const started = Date.now();
      await new Promise((r) => setTimeout(r, 3000));
      const rate = Math.round(((await updatesCounted()) - before) / ((Date.now() - started) / 1000));
      throw new Error(`${error.message}; the attendees table takes ~${rate} updates/s; last claims: ${claims.slice(-8).join(',')}`);
    });
    expect(settled).toBe(0);

    phase('settled');
    // Quiet: across three more sweeper passes nothing is claimed and no attendee row changes.
    const versions = await rowVersions();
    const statsBefore = await updatesCounted();
    const from = claims.length;
    await eventually(() => Promise.resolve(claims.length - from), (n) => n >= 3, 30_000);
    const window = claims.slice(from);
    expect({ claimed: window.reduce((a, b) => a + b, 0), rowsChanged: (await rowVersions()) !== versions }).toEqual({ claimed: 0, rowsChanged: false });
    console.log(`itinerary sweeper after a bulk of ${sent.body.attendees}: ${window.length} quiet passes, ${(await updatesCounted()) - statsBefore} attendee updates counted by pg_stat meanwhile (stats flush late)`);

    phase('quiet');
    // A real change after the bulk send is emailed once the debounce has passed.
    const itineraries = (): number => t.smtp.received.filter((m) => m.envelopeTo.includes(latecomer) && /itinerary/i.test(m.parsed.subject ?? '')).length;
    const before = itineraries();
    const picked = Date.now();
    await t.http.post(`/api/attendee-access/${token}/sessions/${session.body.id as string}`).expect(200);
    await eventually(() => Promise.resolve(itineraries()), (n) => n > before, 30_000);
    const latencyMs = Date.now() - picked;
    console.log(`itinerary of a pick after the bulk send arrived after ${latencyMs} ms (debounce 1 s, sweep every 1 s)`);
    const mail = t.smtp.received.filter((m) => m.envelopeTo.includes(latecomer) && /itinerary/i.test(m.parsed.subject ?? '')).at(-1)!;
    expect(mail.parsed.text).toContain('Die casting');
    expect(await eventually(marked, (n) => n === 0, 30_000)).toBe(0);
  }, 240_000);
});
