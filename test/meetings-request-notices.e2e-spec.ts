import { Queue } from 'bullmq';
import { Queues } from '../src/core/queue/job-catalogue';
import type { ReceivedMail } from './support/smtp-sink';
import { bearer, eventually, startTestApp, type TestApp } from './support/test-app';

const BASE = '/api/editions/green-car-2027/meetings';
const DIGEST = /^\[Fairgate\] (\d+ updates? on your meeting requests|수출상담 신청 알림 \d+건)/;

/**
 * Issue 12, item 4: export-meeting requests expired only when someone read them, and nobody was
 * told of a request received, accepted, declined or expired. Now both sides get an email (ko/en,
 * through the outbox) for each of these, batched per participant — 30 requests in a burst are one
 * email to the exhibitor — and a repeatable job expires requests whether or not anyone reads them.
 */
describe('export meetings: request news by email, batched, and expiry by a job', () => {
  let t: TestApp;
  let organizer: string;
  /** The queue of the sweep job that expires requests and writes the digests. */
  let sweeps: Queue;
  const ids: Record<string, string> = {};
  const buyers: Array<{ id: string; email: string; company: string }> = [];

  const post = (path: string, body: unknown) => t.http.post(`${BASE}${path}`).set('Authorization', organizer).send(body as object);
  const digestsTo = (email: string): ReceivedMail[] => t.smtp.received.filter((m) => m.envelopeTo.includes(email) && DIGEST.test(m.parsed.subject ?? ''));
  const linesOf = (m: ReceivedMail): string[] => (m.parsed.text ?? '').split('\n').filter((l) => l.startsWith('- ')).map((l) => l.slice(2));

  /** Every notice told and every digest delivered: nothing more can come for these participants. */
  const settled = async (participants: string[]): Promise<void> => {
    await eventually(
      async () => {
        const { rows } = await t.db.pool.query(
          `SELECT (SELECT count(*)::int FROM meeting_request_notices WHERE participant_id = ANY($1::uuid[]) AND notified_at IS NULL) AS untold,
                  (SELECT count(*)::int FROM outbox_messages WHERE template = 'meetings.request-digest' AND status <> 'sent') AS undelivered`,
          [participants],
        );
        const { untold, undelivered } = rows[0] as { untold: number; undelivered: number };
        return { untold, undelivered, received: t.smtp.received.length };
      },
      (s) => s.untold === 0 && s.undelivered === 0,
      40_000,
    );
    // The SMTP sink has the message once the outbox says sent (250 comes after the sink stored it).
  };

  beforeAll(async () => {
    // A short digest window, swept every second: the tests wait for a sweep, not for a long window. What
    // must land in one digest is posted while the sweep is paused (withSweepPaused), however slow the machine.
    t = await startTestApp({ env: { MEETING_REQUEST_DIGEST_SECONDS: '1' } });
    sweeps = new Queue(Queues.MeetingRequests, { connection: { ...t.config.redis }, prefix: t.config.queuePrefix });
    sweeps.on('error', () => undefined); // a failed command rejects and says why
    organizer = await bearer(t);
    ids.cell = (
      await post('/participants', {
        side: 'exhibitor', companyName: 'Bitgoeul Cell', country: 'KR', contactName: 'Park Ji', email: 'ji@bitgoeul-cell.example', languages: ['ko'], interests: ['battery-charging'], locale: 'ko',
      }).expect(201)
    ).body.id;
    ids.motor = (
      await post('/participants', {
        side: 'exhibitor', companyName: 'Gwangju Motor Co.', country: 'KR', contactName: 'Lee Jun', email: 'jun@gj-motor.example', languages: ['ko', 'en'], interests: ['ev-powertrain'], locale: 'en',
      }).expect(201)
    ).body.id;
    for (let i = 0; i < 30; i++) {
      const company = `Buyer ${String(i).padStart(2, '0')} Trading`;
      const email = `buyer${i}@buyers.example`;
      const res = await post('/participants', { side: 'buyer', companyName: company, country: 'VN', contactName: `Contact ${i}`, email, languages: ['en'], interests: ['battery-charging'] }).expect(201);
      buyers.push({ id: res.body.id as string, email, company });
    }
  });
  afterAll(async () => {
    await sweeps?.close();
    await t?.close();
  });

  /**
   * Runs `burst` while no sweep can run: every notice it writes is still unsent at the next sweep, which
   * gathers each participant's unsent notices into one digest. A burst is then one email per participant
   * even when posting it takes longer than the digest window (a loaded machine).
   */
  const withSweepPaused = async <T>(burst: () => Promise<T>): Promise<T> => {
    await sweeps.pause();
    try {
      await eventually(() => sweeps.getActiveCount(), (n) => n === 0);
      return await burst();
    } finally {
      await sweeps.resume();
    }
  };

  it('30 requests in a burst: the asked exhibitor gets one email (Korean) listing all 30, each buyer one email that its request was sent', async () => {
    const res = await withSweepPaused(() => Promise.all(buyers.map((b) => post('/requests', { buyer: b.id, exhibitor: ids.cell, priority: 'want', requestedBy: 'buyer' }))));
    expect(res.map((r) => r.status)).toEqual(buyers.map(() => 201));
    buyers.forEach((b, i) => (ids[`req${i}`] = res[i].body.id as string));
    await settled([ids.cell, ...buyers.map((b) => b.id)]);

    const toCell = digestsTo('ji@bitgoeul-cell.example');
    expect(toCell).toHaveLength(1);
    expect(toCell[0].parsed.subject).toMatch(/^\[Fairgate\] 수출상담 신청 알림 30건: 2027 /);
    const lines = linesOf(toCell[0]);
    expect(lines).toHaveLength(30);
    for (const b of buyers) expect(lines).toContain(`${b.company} (VN)에서 상담을 신청했습니다. 개인 링크에서 수락하거나 거절해 주세요.`);
    for (const b of buyers) {
      const mails = digestsTo(b.email);
      expect(mails).toHaveLength(1);
      expect(mails[0].parsed.subject).toMatch(/^\[Fairgate\] 1 update on your meeting requests: /);
      expect(linesOf(mails[0])).toEqual(['Your request to meet Bitgoeul Cell (KR) was sent; it waits for their answer.']);
    }
  });

  it('an answer reaches both sides: accepted and declined, each side in its language', async () => {
    const before = (email: string): number => digestsTo(email).length;
    const [cellBefore, b0Before, b1Before] = [before('ji@bitgoeul-cell.example'), before(buyers[0].email), before(buyers[1].email)];
    await withSweepPaused(async () => {
      await t.http.post(`${BASE}/requests/${ids.req0}/accept`).set('Authorization', organizer).expect(200);
      await t.http.post(`${BASE}/requests/${ids.req1}/decline`).set('Authorization', organizer).expect(200);
    });
    await settled([ids.cell, buyers[0].id, buyers[1].id]);

    const toCell = digestsTo('ji@bitgoeul-cell.example').slice(cellBefore);
    expect(toCell).toHaveLength(1);
    expect(linesOf(toCell[0]).sort()).toEqual([
      `${buyers[0].company} (VN)와의 상담이 확정되었습니다(수락됨). 일정은 배정 후 알려 드립니다.`,
      `${buyers[1].company} (VN)와의 상담 신청이 거절되었습니다.`,
    ].sort());
    expect(digestsTo(buyers[0].email).slice(b0Before).map(linesOf)).toEqual([['The meeting with Bitgoeul Cell (KR) is accepted. You will get its time once the schedule is made.']]);
    expect(digestsTo(buyers[1].email).slice(b1Before).map(linesOf)).toEqual([['The request to meet Bitgoeul Cell (KR) was declined.']]);
  });

  it('a request past its time expires by the job, with nobody reading it, and both sides are told', async () => {
    const buyer = buyers[2];
    const req = (await post('/requests', { buyer: buyer.id, exhibitor: ids.motor, priority: 'nice', requestedBy: 'exhibitor', expiresInHours: 1 }).expect(201)).body.id as string;
    await settled([ids.motor, buyer.id]);
    const [motorBefore, buyerBefore] = [digestsTo('jun@gj-motor.example').length, digestsTo(buyer.email).length];
    expect(digestsTo(buyer.email).slice(-1).map(linesOf)).toEqual([['Gwangju Motor Co. (KR) asked to meet you. Accept or decline on your private page.']]);

    await t.db.pool.query(`UPDATE meeting_requests SET expires_at = now() - interval '1 second' WHERE id = $1`, [req]);
    await eventually(async () => (await t.db.pool.query(`SELECT status FROM meeting_requests WHERE id = $1`, [req])).rows[0].status as string, (s) => s === 'expired', 30_000);
    await settled([ids.motor, buyer.id]);
    expect(digestsTo('jun@gj-motor.example').slice(motorBefore).map(linesOf)).toEqual([[`The request to meet ${buyer.company} (VN) expired without an answer.`]]);
    expect(digestsTo(buyer.email).slice(buyerBefore).map(linesOf)).toEqual([['The request to meet Gwangju Motor Co. (KR) expired without an answer.']]);
  });
});
