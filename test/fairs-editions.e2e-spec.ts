import { bearer, createAccount, startTestApp, type TestApp } from './support/test-app';

/** Organizers manage editions and their programme; the public sees what is published. */
describe('fair editions and programme', () => {
  let t: TestApp;
  let organizer: string;

  beforeAll(async () => {
    t = await startTestApp();
    organizer = await bearer(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('walks an edition from draft to finished, recording who and when; illegal moves are refused with the allowed ones', async () => {
    const created = await t.http.post('/api/fairs/green-car/editions').set('Authorization', organizer).send({ year: 2028, startsOn: '2028-07-05', endsOn: '2028-07-07' }).expect(201);
    expect(created.body).toMatchObject({ code: 'green-car-2028', status: 'draft', venue: 'kdj-center', nextStatuses: ['published'] });

    // A draft does not exist for the public.
    await t.http.get('/api/editions/green-car-2028').expect(404);
    await t.http.get('/api/editions/green-car-2028').set('Authorization', organizer).expect(200);

    const illegal = await t.http.post('/api/editions/green-car-2028/status').set('Authorization', organizer).send({ to: 'registration_open' }).expect(409);
    expect(illegal.body).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      message: 'An edition cannot go from draft to registration_open; from draft it can go to published.',
      currentStatus: 'draft',
      allowed: ['published'],
    });
    for (const to of ['published', 'registration_open', 'registration_closed', 'registration_open', 'registration_closed', 'finished']) {
      await t.http.post('/api/editions/green-car-2028/status').set('Authorization', organizer).send({ to, reason: `to ${to}` }).expect(200);
    }
    await t.http.post('/api/editions/green-car-2028/status').set('Authorization', organizer).send({ to: 'draft' }).expect(409);
    const history = await t.http.get('/api/editions/green-car-2028/status-history').set('Authorization', organizer).expect(200);
    expect(history.body.map((h: { from: string; to: string }) => `${h.from}→${h.to}`)).toEqual([
      'draft→published', 'published→registration_open', 'registration_open→registration_closed',
      'registration_closed→registration_open', 'registration_open→registration_closed', 'registration_closed→finished',
    ]);
    expect(history.body[0]).toMatchObject({ by: 'organizer@fairgate.test', reason: 'to published', at: expect.stringMatching(/\+09:00$/) });
    await t.http.patch('/api/editions/green-car-2028').set('Authorization', organizer).send({ endsOn: '2028-07-08' }).expect(409);
  });

  it('refuses a second edition of a series in one year and impossible dates, naming the field', async () => {
    await t.http.post('/api/fairs/ppuri/editions').set('Authorization', organizer).send({ year: 2027, startsOn: '2027-05-01', endsOn: '2027-05-03' }).expect(409);
    const bad = await t.http.post('/api/fairs/ppuri/editions').set('Authorization', organizer).send({ year: 2029, startsOn: '2029-05-03', endsOn: '2029-05-01' }).expect(400);
    expect(bad.body.errors).toEqual([{ field: 'endsOn', messages: ['endsOn must not be before startsOn'] }]);
    const feb30 = await t.http.post('/api/fairs/ppuri/editions').set('Authorization', organizer).send({ year: 2029, startsOn: '2029-02-30', endsOn: '2029-03-01' }).expect(400);
    expect(feb30.body.errors[0].field).toBe('startsOn');
    await t.http.post('/api/fairs/no-such-fair/editions').set('Authorization', organizer).send({ year: 2029, startsOn: '2029-05-01', endsOn: '2029-05-03' }).expect(404);
  });

  it('lets only organizers write', async () => {
    await t.http.post('/api/fairs/ppuri/editions').send({ year: 2030, startsOn: '2030-05-01', endsOn: '2030-05-03' }).expect(401);
    await createAccount(t, 'attendee', 'visitor@example.test', 'visitor-password-123');
    const visitor = await bearer(t, { email: 'visitor@example.test', password: 'visitor-password-123' });
    await t.http.post('/api/editions/ppuri-2027/status').set('Authorization', visitor).send({ to: 'registration_closed' }).expect(403);
    await t.http.put('/api/editions/ppuri-2027/opening-hours').set('Authorization', visitor).send({ days: [] }).expect(403);
    expect((await t.http.get('/api/editions/ppuri-2027').expect(200)).body.status).toBe('registration_open');
  });

  it('filters and paginates the public list, hiding drafts', async () => {
    await t.http.post('/api/fairs/iot-appliance-robot/editions').set('Authorization', organizer).send({ year: 2029, startsOn: '2029-07-04', endsOn: '2029-07-06' }).expect(201);
    const ppuri = await t.http.get('/api/editions?series=ppuri&pageSize=2').expect(200);
    expect(ppuri.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(ppuri.body.items.map((e: { code: string }) => e.code)).toEqual(['ppuri-2027', 'ppuri-2019']);
    const publicIot = await t.http.get('/api/editions?series=iot-appliance-robot').expect(200);
    expect(publicIot.body.items.map((e: { code: string }) => e.code)).not.toContain('iot-appliance-robot-2029');
    const organizerIot = await t.http.get('/api/editions?series=iot-appliance-robot').set('Authorization', organizer).expect(200);
    expect(organizerIot.body.items.map((e: { code: string }) => e.code)).toContain('iot-appliance-robot-2029');
    expect((await t.http.get('/api/editions?status=finished&year=2018').expect(200)).body.total).toBe(3);
    await t.http.get('/api/editions?pageSize=1000').expect(400);
  });

  it('builds the programme: opening hours, conference sessions and export-meeting slots', async () => {
    const hours = await t.http
      .put('/api/editions/ppuri-2027/opening-hours')
      .set('Authorization', organizer)
      .send({ days: [{ date: '2027-04-28', opensAt: '10:00', closesAt: '18:00' }, { date: '2027-04-29', opensAt: '10:00', closesAt: '17:00' }] })
      .expect(200);
    expect(hours.body.openingHours).toEqual([{ date: '2027-04-28', opensAt: '10:00', closesAt: '18:00' }, { date: '2027-04-29', opensAt: '10:00', closesAt: '17:00' }]);
    const outside = await t.http.put('/api/editions/ppuri-2027/opening-hours').set('Authorization', organizer).send({ days: [{ date: '2027-05-28', opensAt: '10:00', closesAt: '18:00' }] }).expect(400);
    expect(outside.body.errors[0].field).toBe('days.0.date');

    const talk = await t.http
      .post('/api/editions/ppuri-2027/conference-sessions')
      .set('Authorization', organizer)
      .send({ titleKo: '스마트 주조 공정', titleEn: 'Smart casting processes', speakers: ['Dr. Park Ji-hoon'], room: 'R201', startsAt: '2027-04-28T14:00:00+09:00', endsAt: '2027-04-28T15:30:00+09:00', capacity: 100 })
      .expect(201);
    expect(talk.body).toMatchObject({ room: 'R201', startsAt: '2027-04-28T14:00:00+09:00' });
    const tooBig = await t.http
      .post('/api/editions/ppuri-2027/conference-sessions')
      .set('Authorization', organizer)
      .send({ titleKo: '대형', titleEn: 'Huge', speakers: [], room: 'R301', startsAt: '2027-04-28T14:00:00+09:00', endsAt: '2027-04-28T15:00:00+09:00', capacity: 500 })
      .expect(400);
    expect(tooBig.body.errors[0]).toEqual({ field: 'capacity', messages: ['Meeting Room 301 (Second Center) seats at most 120'] });

    const meetings = await t.http
      .post('/api/editions/ppuri-2027/meeting-sessions')
      .set('Authorization', organizer)
      .send({ day: '2027-04-29', startsAt: '10:00', endsAt: '12:30', slotMinutes: 30, breaks: [{ start: '11:00', end: '11:30' }], space: 'MPH' })
      .expect(201);
    expect(meetings.body.slots.map((s: { id: string }) => s.id)).toEqual(['D2027-04-29-1000', 'D2027-04-29-1030', 'D2027-04-29-1130', 'D2027-04-29-1200']);
    await t.http.post('/api/editions/ppuri-2027/meeting-sessions').set('Authorization', organizer).send({ day: '2027-04-29', startsAt: '13:00', endsAt: '17:00' }).expect(409);

    const programme = await t.http.get('/api/editions/ppuri-2027/programme').expect(200);
    expect(programme.body.conferenceSessions).toHaveLength(1);
    expect(programme.body.meetingSessions[0]).toMatchObject({ day: '2027-04-29', space: 'MPH', slotMinutes: 30 });
  });
});
