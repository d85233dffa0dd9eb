import { bearer, startTestApp, type TestApp } from './support/test-app';

/** Buyers and exhibitors act themselves through the private link they get by email. */
describe('export meetings: participants by private link', () => {
  let t: TestApp;
  let organizer: string;
  let exhibitorId: string;

  // The email links to the participant's page; the JSON API takes the same token.
  const linkIn = (text: string | undefined): string => {
    const match = /\/meetings\/[0-9a-f-]{36}\.[A-Za-z0-9_-]{32}/.exec(text ?? '');
    if (!match) throw new Error(`no private link in: ${text}`);
    return match[0].replace('/meetings/', '/api/meeting-access/');
  };

  beforeAll(async () => {
    t = await startTestApp();
    organizer = await bearer(t);
    await t.http.post('/api/editions/green-car-2027/meeting-sessions').set('Authorization', organizer).send({ day: '2027-07-08', startsAt: '10:00', endsAt: '11:00' }).expect(201);
    await t.http.put('/api/editions/green-car-2027/meetings/settings').set('Authorization', organizer).send({ requestExpiryHours: 48 }).expect(200);
    exhibitorId = (
      await t.http.post('/api/editions/green-car-2027/meetings/participants').set('Authorization', organizer)
        .send({ side: 'exhibitor', companyName: 'Gwangju Motor Co.', country: 'KR', contactName: 'Lee Jun', email: 'jun@gj-motor.example', languages: ['ko', 'en'], interests: ['ev-powertrain'], locale: 'ko' })
        .expect(201)
    ).body.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('lets a buyer register, sends its private link, and lets it request; the exhibitor answers by its own link', async () => {
    const reg = await t.http
      .post('/api/editions/green-car-2027/meetings/register')
      .send({ companyName: 'Hanoi EV Trading', country: 'vn', contactName: 'Tran Minh', email: 'Minh@Hanoi-EV.example', languages: ['vi', 'en'], interests: ['ev-powertrain'] })
      .expect(201);
    expect(reg.body).toEqual({ id: expect.any(String), status: 'registered' });
    await t.http.post('/api/editions/green-car-2027/meetings/register')
      .send({ companyName: 'Again', country: 'VN', contactName: 'X', email: 'minh@hanoi-ev.example', languages: ['vi'], interests: ['ev-powertrain'] })
      .expect(409);

    const buyerMail = await t.smtp.waitForSubject('[Fairgate] You are registered for the export meetings: 2027 International Green Car Industry Fair');
    expect(buyerMail.envelopeTo).toEqual(['minh@hanoi-ev.example']);
    const buyerLink = linkIn(buyerMail.parsed.text);
    const exhibitorLink = linkIn((await t.smtp.waitForSubject(/^\[Fairgate\] 수출상담회 등록 완료/)).parsed.text);

    const page = (await t.http.get(buyerLink).expect(200)).body;
    expect(page.participant).toMatchObject({ companyName: 'Hanoi EV Trading', side: 'buyer', country: 'VN' });
    expect(page.slots.map((s: { id: string }) => s.id)).toEqual(['D2027-07-08-1000', 'D2027-07-08-1030']);
    expect(page.suggestions[0]).toMatchObject({ participant: exhibitorId, reason: { en: 'Shares 1 product category: EV powertrain; speaks English' } });

    await t.http.put(`${buyerLink}/availability`).send({ unavailableSlots: ['D2027-07-09-1000'] }).expect(400);
    await t.http.put(`${buyerLink}/availability`).send({ unavailableSlots: ['D2027-07-08-1000'] }).expect(200);

    const asked = await t.http.post(`${buyerLink}/requests`).send({ counterpart: exhibitorId, priority: 'must' }).expect(201);
    expect(asked.body).toMatchObject({ status: 'pending', requestedBy: 'buyer', weight: 3 });
    const hours = (Date.parse(asked.body.expiresAt) - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(47.9);
    expect(hours).toBeLessThanOrEqual(48);

    // The one who asked cannot answer its own request; the other side can.
    await t.http.post(`${buyerLink}/requests/${asked.body.id}/accept`).expect(404);
    const incoming = (await t.http.get(exhibitorLink).expect(200)).body.incoming;
    expect(incoming.map((r: { id: string }) => r.id)).toEqual([asked.body.id]);
    expect((await t.http.post(`${exhibitorLink}/requests/${asked.body.id}/accept`).expect(200)).body.status).toBe('accepted');
  });

  it('refuses a forged or altered link', async () => {
    await t.http.get(`/api/meeting-access/${exhibitorId}.${'A'.repeat(32)}`).expect(404);
    await t.http.get('/api/meeting-access/not-a-token').expect(404);
  });
});
