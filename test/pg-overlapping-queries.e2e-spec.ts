import { mailTo, newApplicationForm, signUpExhibitor } from './support/exhibitors';
import { detectOverlappingQueries } from './support/overlapping-queries';
import { bearer, startTestApp, type TestApp } from './support/test-app';

/**
 * Issue 12 ("seen on the way"): pg warned "client.query() when the client is already executing a
 * query" — a transaction's reads were started together with Promise.all on its one connection
 * (an application's view after a change, an itinerary composed in its transaction). pg 9 throws
 * there. These flows must issue their queries one after another on a transaction's connection.
 */
describe('no overlapping queries on one connection (pg 9 refuses them)', () => {
  let t: TestApp;
  let detector: ReturnType<typeof detectOverlappingQueries>;

  beforeAll(async () => {
    detector = detectOverlappingQueries();
    t = await startTestApp({ env: { ITINERARY_DEBOUNCE_SECONDS: '1' } });
  });
  afterAll(async () => {
    detector?.restore();
    await t?.close();
  });

  const overlapsDuring = async (work: () => Promise<void>): Promise<string[]> => {
    const from = detector.overlaps.length;
    await work();
    return detector.overlaps.slice(from);
  };

  it('an exhibitor creates, edits and submits an application, an organizer reviews it: its view is read in the transaction one query at a time', async () => {
    const organizer = await bearer(t);
    const overlaps = await overlapsDuring(async () => {
      const exhibitor = await signUpExhibitor(t);
      const as = (path: string) => t.http.post(path).set('Authorization', exhibitor.auth);
      const { edition: _edition, ...form } = newApplicationForm();
      const draft = await as('/api/company/applications').send({ edition: _edition, ...form }).expect(201);
      await t.http.patch(`/api/company/applications/${draft.body.id}`).set('Authorization', exhibitor.auth).send({ ...form, booth: { type: 'shell_scheme', count: 1 } }).expect(200);
      await as(`/api/company/applications/${draft.body.id}/submit`).expect(200);
      await t.http.post(`/api/organizer/applications/${draft.body.id}/start-review`).set('Authorization', organizer).send({}).expect(200);
    });
    expect(overlaps).toEqual([]);
  });

  it('an attendee confirms and gets its itinerary: the itinerary is composed in its transaction one query at a time', async () => {
    const email = `overlap-${process.pid}@visitor.example`;
    const overlaps = await overlapsDuring(async () => {
      await t.http.post('/api/editions/ppuri-2027/attendees').send({
        name: 'Maria Lopez', email, company: 'Lopez Metals', country: 'ES', kind: 'buyer', days: ['2027-04-28'], language: 'en', consentMessages: true, consentShareContact: false,
      }).expect(201);
      const link = await mailTo(t, email, /registration/i);
      const token = /\/attendee\/([A-Za-z0-9_-]{43})/.exec(link.parsed.text ?? '')![1];
      await t.http.post(`/api/attendee-access/${token}/confirm`).expect(200);
      await mailTo(t, email, /itinerary/i);
    });
    expect(overlaps).toEqual([]);
  });
});
