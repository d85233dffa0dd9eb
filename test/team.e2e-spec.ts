import { randomUUID } from 'node:crypto';
/**
 * Organizer teams end to end: an organization admin invites a colleague on /console/team (the mail
 * is parsed from the SMTP sink), the colleague accepts, logs in, sees only their sections, is let
 * into their edition's pages and refused (a Korean console page) elsewhere; revoking ends their
 * session at once; the audit log holds the actions with before → after, and its page filters.
 * Replay: npx jest test/team.e2e-spec
 */
import { ModulesContainer } from '@nestjs/core';
import { ROLES_KEY } from '../src/core/auth/roles.decorator';
import { STAFF_ROLES_KEY } from '../src/core/auth/staff-roles.decorator';
import { newApplicationForm, signUpExhibitor } from './support/exhibitors';
import { PageClient, location } from './support/page-client';
import { createStaff, staffBearer } from './support/staff';
import { bearer, eventually, startTestApp, TEST_ORGANIZER, type TestApp } from './support/test-app';

describe('organizer teams: invitation, roles per edition, revocation, audit log', () => {
  let t: TestApp;
  let admin: PageClient;

  beforeAll(async () => {
    t = await startTestApp();
    admin = new PageClient(t);
    await admin.login(TEST_ORGANIZER.email, TEST_ORGANIZER.password);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('invites a reviewer for one edition by mail; the link sets the password once; the member sees and may use only that', async () => {
    const page = await admin.get('/console/team');
    expect(page.status).toBe(200);
    expect(page.text).toContain('팀원 초대');
    const email = `reviewer-${process.pid}@team.example`;
    const invited = await admin.post('/console/team/invite', { _csrf: admin.csrf(), email, displayName: '김심사', locale: 'ko', edition: 'ppuri-2027', roles: ['reviewer'] });
    expect(invited.status).toBe(303);
    expect(location(invited)).toBe('/console/team?flash=invited');

    const mail = await t.smtp.waitForSubject(/주최자 팀에 초대했습니다/);
    expect(mail.envelopeTo).toEqual([email]);
    const link = /https?:\/\/\S+\/console\/team\/accept\?token=[A-Za-z0-9_%-]+/.exec(mail.parsed.text ?? '')?.[0];
    expect(link).toBeDefined();
    const acceptPath = new URL(link!).pathname + new URL(link!).search;
    const token = new URL(link!).searchParams.get('token')!;

    // Not yet accepted: no login with any password.
    await t.http.post('/api/auth/login').send({ email, password: 'a-password-nobody-knows-1' }).expect(401);
    const member = new PageClient(t);
    const acceptPage = await member.get(acceptPath);
    expect(acceptPage.status).toBe(200);
    expect(acceptPage.text).toContain('팀 초대 수락');
    const short = await member.post('/console/team/accept', { token, password: 'short' });
    expect(short.status).toBe(400);
    expect(short.text).toContain('비밀번호는 10자 이상');
    const accepted = await member.post('/console/team/accept', { token, password: 'reviewer-password-2027' });
    expect(accepted.status).toBe(200);
    expect(accepted.text).toContain('초대를 수락했습니다');
    expect((await member.post('/console/team/accept', { token, password: 'reviewer-password-2027' })).status).toBe(410);

    await member.login(email, 'reviewer-password-2027');
    const dashboard = await member.get('/console?edition=ppuri-2027');
    expect(dashboard.status).toBe(200);
    const nav = /<nav class="sections"[\s\S]*?<\/nav>/.exec(dashboard.text)![0];
    expect(nav).toContain('href="/console/applications"');
    expect(nav).toContain('href="/console/booths"');
    for (const hidden of ['/console/venue', '/console/meetings', '/console/checkin', '/console/mail', '/console/team', '/console/audit']) expect(nav).not.toContain(`href="${hidden}"`);

    expect((await member.get('/console/applications?edition=ppuri-2027')).status).toBe(200);
    const otherEdition = await member.get('/console/applications?edition=green-car-2027');
    expect(otherEdition.status).toBe(403);
    expect(otherEdition.text).toContain('이 회차의 참가신청 심사 권한이 없습니다');
    const otherRole = await member.get('/console/checkin/ppuri-2027');
    expect(otherRole.status).toBe(403);
    expect(otherRole.text).toContain('이 회차의 현장 운영 권한이 없습니다');
    expect(otherRole.text).not.toMatch(/\bForbidden\b|\bPM\b/);
    const english = await member.get('/console/team?lang=en');
    expect(english.status).toBe(403);
    expect(english.text).toContain('You do not have the admin role for this edition');

    // The admin widens the role to on-site for ppuri-2027: it bites on the member's next request.
    const accountId = (await t.db.pool.query<{ id: string }>(`SELECT id FROM accounts WHERE email = $1`, [email])).rows[0].id;
    await admin.get('/console/team');
    expect((await admin.post(`/console/team/${accountId}/roles`, { _csrf: admin.csrf(), edition: 'ppuri-2027', roles: ['reviewer', 'onsite'] })).status).toBe(303);
    expect((await member.get('/console/checkin/ppuri-2027')).status).toBe(200);

    // Revoked: the open session stops working at once (a login page, not the console).
    await admin.get('/console/team');
    expect((await admin.post(`/console/team/${accountId}/revoke`, { _csrf: admin.csrf() })).status).toBe(303);
    const after = await member.get('/console/applications?edition=ppuri-2027');
    expect(after.status).toBe(303);
    expect(location(after)).toContain('/console/login');
    await t.http.post('/api/auth/login').send({ email, password: 'reviewer-password-2027' }).expect(401);

    const entries = await t.db.pool.query<{ action: string; before: unknown; after: unknown; actor_email: string }>(
      `SELECT action, before, after, actor_email FROM audit_entries WHERE subject_id = $1 ORDER BY at`, [accountId],
    );
    expect(entries.rows.map((r) => r.action)).toEqual(['staff.invite', 'staff.roles-set', 'staff.revoke']);
    expect(entries.rows[1]).toMatchObject({ actor_email: TEST_ORGANIZER.email, before: { roles: ['reviewer'] }, after: { roles: ['onsite', 'reviewer'] } });
    expect(entries.rows[2]).toMatchObject({ before: { disabled: false }, after: { disabled: true, grants: [] } });
  }, 90_000);

  it('has @StaffRoles on every route organizers may call, pages included (none left to organization admins by omission)', () => {
    const missing: string[] = [];
    let routes = 0;
    for (const module of t.running.app.get(ModulesContainer).values()) {
      for (const { metatype } of module.controllers.values()) {
        const proto = (metatype as { prototype: Record<string, unknown> }).prototype;
        for (const name of Object.getOwnPropertyNames(proto)) {
          const handler = proto[name];
          if (name === 'constructor' || typeof handler !== 'function' || Reflect.getMetadata('method', handler) === undefined) continue;
          const roles = (Reflect.getMetadata(ROLES_KEY, handler) ?? Reflect.getMetadata(ROLES_KEY, metatype as object)) as string[] | undefined;
          if (!roles?.includes('organizer')) continue;
          routes++;
          if ((Reflect.getMetadata(STAFF_ROLES_KEY, handler) ?? Reflect.getMetadata(STAFF_ROLES_KEY, metatype as object)) === undefined) missing.push(`${(metatype as { name: string }).name}.${name}`);
        }
      }
    }
    expect(routes).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it('records the important actions in their services with before → after (an application decision, an edition status move)', async () => {
    const organizer = await bearer(t);
    const company = await signUpExhibitor(t);
    const id = (await t.http.post('/api/company/applications').set('Authorization', company.auth).send(newApplicationForm({ submit: true })).expect(201)).body.id as string;
    await t.http.post(`/api/organizer/applications/${id}/reject`).set('Authorization', organizer).send({ reason: 'Not a fit for this fair' }).expect(200);
    const decision = await t.db.pool.query(`SELECT action, subject_type, before, after, actor_email FROM audit_entries WHERE subject_id = $1`, [id]);
    expect(decision.rows).toEqual([{
      action: 'application.reject', subject_type: 'application', actor_email: TEST_ORGANIZER.email,
      before: { status: 'submitted', reason: null }, after: { status: 'rejected', reason: 'Not a fit for this fair' },
    }]);

    await t.http.post('/api/fairs/green-car/editions').set('Authorization', organizer).send({ year: 2029, startsOn: '2029-07-04', endsOn: '2029-07-06' }).expect(201);
    await t.http.post('/api/editions/green-car-2029/status').set('Authorization', organizer).send({ to: 'published', reason: 'ready' }).expect(200);
    const status = await t.db.pool.query(
      `SELECT action, before, after FROM audit_entries WHERE scope_id = (SELECT id FROM fair_editions WHERE code = 'green-car-2029') ORDER BY at`,
    );
    // The service's entry only: the interceptor leaves out a request whose service recorded one.
    expect(status.rows).toEqual([{ action: 'edition.status-change', before: { status: 'draft' }, after: { status: 'published', reason: 'ready' } }]);
    // The creation itself (no service entry) is the interceptor's, with its route.
    const created = await t.db.pool.query(`SELECT action, after FROM audit_entries WHERE action = 'route.POST /api/fairs/:series/editions'`);
    expect(created.rows).toEqual([{ action: 'route.POST /api/fairs/:series/editions', after: { params: { series: 'green-car' } } }]);
  });

  it('refuses bulk decisions on applications of editions the reviewer has no role in (the API as a whole, the console per row)', async () => {
    const company = await signUpExhibitor(t);
    const ppuri = (await t.http.post('/api/company/applications').set('Authorization', company.auth).send(newApplicationForm({ submit: true })).expect(201)).body.id as string;
    await createStaff(t, `gc-reviewer-${process.pid}@team.example`, [{ edition: 'green-car-2027', role: 'reviewer' }]);
    const greenCar = await staffBearer(t, `gc-reviewer-${process.pid}@team.example`);
    const refused = await t.http.post('/api/organizer/applications/bulk-approve').set('Authorization', greenCar).send({ ids: [ppuri] }).expect(403);
    expect(refused.body.message).toContain(ppuri);
    expect(refused.body.ids).toEqual([ppuri]);
    // Nor does the list or the CSV without ?edition= show another edition's applications.
    const listed = await t.http.get('/api/organizer/applications?pageSize=200').set('Authorization', greenCar).expect(200);
    expect((listed.body.items as Array<{ id: string }>).map((a) => a.id)).not.toContain(ppuri);
    const csv = await t.http.get('/api/organizer/applications/export.csv').set('Authorization', greenCar).expect(200);
    expect(csv.text).not.toContain(ppuri);

    const page = new PageClient(t);
    await page.login(`gc-reviewer-${process.pid}@team.example`, 'staff-password-long-enough-2027');
    await page.get('/console/applications?edition=green-car-2027');
    // The dashboard opens on (and offers) only the editions the member has a role in.
    const home = await page.get('/console');
    expect(home.status).toBe(200);
    expect(home.text).toMatch(/<title>[^<]*국제그린카/);
    // Its figures link only into the sections a reviewer may open.
    const main = /<main[\s\S]*<\/main>/.exec(home.text)![0];
    expect(main).toContain('href="/console/applications?edition=green-car-2027');
    for (const refused of ['/console/meetings', '/console/attendees', '/console/checkin', '/console/mail']) expect(main).not.toContain(`href="${refused}`);
    expect(home.text).not.toContain('href="/console?edition=ppuri-2027"');
    // The applications' and booths' edition pickers likewise.
    expect((await page.get('/console/applications')).text).not.toContain('edition=ppuri-2027');
    const boothEditions = await page.get('/console/booths');
    expect(boothEditions.text).toContain('href="/console/booths/green-car-2027"');
    expect(boothEditions.text).not.toContain('href="/console/booths/ppuri-2027"');
    const bulk = await page.post('/console/applications/bulk', { _csrf: page.csrf(), ids: [ppuri], action: 'reject', reason: 'not ours', back: '?edition=green-car-2027' });
    expect(bulk.status).toBe(303);
    expect(location(bulk)).toContain(`r=${ppuri}.x_forbidden`);
    const status = await t.db.pool.query<{ status: string }>(`SELECT status FROM exhibitor_applications WHERE id = $1`, [ppuri]);
    expect(status.rows[0].status).toBe('submitted');

    // A reviewer of the application's own edition may.
    await createStaff(t, `pp-reviewer-${process.pid}@team.example`, [{ edition: 'ppuri-2027', role: 'reviewer' }]);
    const own = await t.http.post('/api/organizer/applications/bulk-approve').set('Authorization', await staffBearer(t, `pp-reviewer-${process.pid}@team.example`)).send({ ids: [ppuri] }).expect(200);
    expect(own.body.refused).toEqual([]);
  }, 60_000);

  it('lists on the meetings, attendees and check-in landing pages only the editions the member has the role in', async () => {
    await createStaff(t, `gc-desk-${process.pid}@team.example`, [{ edition: 'green-car-2027', role: 'meetings' }, { edition: 'green-car-2027', role: 'onsite' }]);
    const desk = new PageClient(t);
    await desk.login(`gc-desk-${process.pid}@team.example`, 'staff-password-long-enough-2027');
    for (const path of ['/console/meetings', '/console/attendees', '/console/checkin']) {
      const page = await desk.get(path);
      expect(page.status).toBe(200);
      const main = /<main[\s\S]*<\/main>/.exec(page.text)![0];
      expect(main).toContain('green-car-2027');
      expect(main).not.toContain('ppuri-2027');
    }
  }, 60_000);

  it('records booth assignment, venue bookings and edition changes in their services with before → after', async () => {
    const organizer = await bearer(t);
    const entries = async (subjectId: string): Promise<Array<{ action: string; before: unknown; after: unknown; actor_email: string }>> =>
      (await t.db.pool.query(`SELECT action, before, after, actor_email FROM audit_entries WHERE subject_id = $1 ORDER BY at, id`, [subjectId])).rows;

    // Booths: replacing an application's booths names the codes before → after.
    const company = await signUpExhibitor(t);
    const id = (await t.http.post('/api/company/applications').set('Authorization', company.auth).send(newApplicationForm({ submit: true, hall: 'EXH2', booth: { type: 'shell_scheme', count: 1 } })).expect(201)).body.id as string;
    await t.http.post(`/api/organizer/applications/${id}/approve`).set('Authorization', organizer).send({}).expect(200);
    await t.http.put(`/api/organizer/applications/${id}/booths`).set('Authorization', organizer).send({ booths: ['2C05'] }).expect(200);
    await t.http.put(`/api/organizer/applications/${id}/booths`).set('Authorization', organizer).send({ booths: ['2C06'] }).expect(200);
    const booths = (await entries(id)).filter((e) => e.action === 'booth.assign');
    expect(booths).toEqual([
      { action: 'booth.assign', actor_email: TEST_ORGANIZER.email, before: { booths: [] }, after: { booths: ['2C05'] } },
      { action: 'booth.assign', actor_email: TEST_ORGANIZER.email, before: { booths: ['2C05'] }, after: { booths: ['2C06'] } },
    ]);

    // Venue bookings: hold, confirm (twice: one entry), cancel.
    const bookings = '/api/venues/kdj-center/bookings';
    const hold = await t.http.post(bookings).set('Authorization', organizer)
      .send({ space: 'R301', startsAt: '2030-03-05T10:00:00+09:00', endsAt: '2030-03-05T12:00:00+09:00', purpose: 'Team audit' }).expect(201);
    await t.http.post(`${bookings}/${hold.body.id}/confirm`).set('Authorization', organizer).expect(200);
    await t.http.post(`${bookings}/${hold.body.id}/confirm`).set('Authorization', organizer).expect(200);
    await t.http.post(`${bookings}/${hold.body.id}/cancel`).set('Authorization', organizer).send({ reason: 'Moved' }).expect(200);
    expect(await entries(hold.body.id as string)).toEqual([
      { action: 'booking.hold', actor_email: TEST_ORGANIZER.email, before: null, after: expect.objectContaining({ status: 'held', space: 'R301', purpose: 'Team audit' }) },
      { action: 'booking.confirm', actor_email: TEST_ORGANIZER.email, before: { status: 'held', holdExpiresAt: expect.any(String) }, after: { status: 'confirmed', holdExpiresAt: null } },
      { action: 'booking.cancel', actor_email: TEST_ORGANIZER.email, before: { status: 'confirmed', cancelReason: null }, after: { status: 'cancelled', cancelReason: 'Moved' } },
    ]);

    // An edition's dates and opening hours.
    await t.http.post('/api/fairs/green-car/editions').set('Authorization', organizer).send({ year: 2031, startsOn: '2031-07-02', endsOn: '2031-07-04' }).expect(201);
    const edition = (await t.db.pool.query<{ id: string }>(`SELECT id FROM fair_editions WHERE code = 'green-car-2031'`)).rows[0].id;
    await t.http.patch('/api/editions/green-car-2031').set('Authorization', organizer).send({ endsOn: '2031-07-05' }).expect(200);
    await t.http.put('/api/editions/green-car-2031/opening-hours').set('Authorization', organizer).send({ days: [{ date: '2031-07-02', opensAt: '10:00', closesAt: '18:00' }] }).expect(200);
    const editionEntries = (await entries(edition)).filter((e) => e.action.startsWith('edition.'));
    expect(editionEntries).toEqual([
      { action: 'edition.update', actor_email: TEST_ORGANIZER.email, before: { endsOn: '2031-07-04' }, after: { endsOn: '2031-07-05' } },
      { action: 'edition.opening-hours', actor_email: TEST_ORGANIZER.email, before: { openingHours: [] }, after: { openingHours: ['2031-07-02 10:00–18:00'] } },
    ]);
    // The service's entry only: no route entry besides it.
    expect((await entries(edition)).filter((e) => e.action.startsWith('route.PATCH') || e.action.startsWith('route.PUT'))).toEqual([]);
  }, 60_000);

  it('never leaves the organization without an active admin: the page refuses, and two demotions at once cannot both pass', async () => {
    const firstAdmin = (await t.db.pool.query<{ id: string }>(`SELECT id FROM accounts WHERE email = $1`, [TEST_ORGANIZER.email])).rows[0].id;
    await admin.get('/console/team');
    const alone = await admin.post(`/console/team/${firstAdmin}/org-admin`, { _csrf: admin.csrf(), orgAdmin: 'no' });
    expect(alone.status).toBe(409);
    expect(alone.text).toContain('조직 관리자가 한 명도 남지 않게 됩니다');
    expect((await admin.post(`/console/team/${firstAdmin}/revoke`, { _csrf: admin.csrf() })).status).toBe(409);
  });

  it('keeps the audit log of every organizer write: services add before → after, the interceptor logs the rest with its edition', async () => {
    const organizer = await bearer(t);
    await t.http.put('/api/editions/ppuri-2027/opening-hours').set('Authorization', organizer)
      .send({ days: [] }).ok(() => true);
    await t.http.patch('/api/editions/ppuri-2027').set('Authorization', organizer).send({ endsOn: '2027-11-30' }).ok(() => true);
    const edition = (await t.db.pool.query<{ id: string }>(`SELECT id FROM fair_editions WHERE code = 'ppuri-2027'`)).rows[0].id;
    const rows = (await t.db.pool.query<{ action: string; scope_id: string; after: { params?: Record<string, string> } }>(
      `SELECT action, scope_id, after FROM audit_entries WHERE scope_id = $1 ORDER BY at`, [edition],
    )).rows;
    const patch = rows.find((r) => r.action === 'edition.update');
    // A refused write (4xx) is not an action; a PATCH that went through is, with its edition (the service's entry, not the route's).
    expect(rows.find((r) => r.action === 'route.PATCH /api/editions/:code')).toBeUndefined();
    const patched = (await t.http.get('/api/editions/ppuri-2027').set('Authorization', organizer)).body as { endsOn: string };
    if (patched.endsOn === '2027-11-30') expect(patch).toMatchObject({ scope_id: edition, after: { endsOn: '2027-11-30' } });
    else expect(patch).toBeUndefined();

    // A member with a role records entries too, under their own name.
    await createStaff(t, `venue-${process.pid}@team.example`, [{ edition: 'green-car-2027', role: 'venue' }]);
    const venue = await staffBearer(t, `venue-${process.pid}@team.example`);
    await t.http.get('/api/venues/kdj-center/bookings').set('Authorization', venue).expect(200);
    const day = await t.http.get('/api/venues/kdj-center/day?date=2027-03-03').set('Authorization', venue);
    expect(day.status).toBeLessThan(500);
    await t.http.patch('/api/editions/green-car-2027').set('Authorization', venue).send({ endsOn: '2027-09-30' }).expect(403);
    const refusedLogged = await t.db.pool.query(`SELECT 1 FROM audit_entries WHERE actor_email = $1`, [`venue-${process.pid}@team.example`]);
    expect(refusedLogged.rowCount).toBe(0);
  });

  it('leaves out of the audit log a console form the page refused with its reason (a 303 back, nothing changed)', async () => {
    const routeEntries = async (): Promise<number> =>
      (await t.db.pool.query(`SELECT 1 FROM audit_entries WHERE action = 'route.POST /console/applications/bulk'`)).rowCount ?? 0;
    const before = await routeEntries();
    await admin.get('/console/applications?edition=ppuri-2027');
    // Refused: nothing selected, then a rejection without its reason. Each comes back as a flash on the list.
    const none = await admin.post('/console/applications/bulk', { _csrf: admin.csrf(), action: 'approve', reason: '', back: '?edition=ppuri-2027' });
    expect(none.status).toBe(303);
    expect(none.headers.location).toContain('flash=bulk-none');
    const noReason = await admin.post('/console/applications/bulk', { _csrf: admin.csrf(), ids: [randomUUID()], action: 'reject', reason: '', back: '?edition=ppuri-2027' });
    expect(noReason.headers.location).toContain('flash=bulk-reason');
    expect(await routeEntries()).toBe(before);
    // Positive control: the same route carried out is an action (the interceptor's entry).
    const done = await admin.post('/console/applications/bulk', { _csrf: admin.csrf(), ids: [randomUUID()], action: 'approve', reason: '', back: '?edition=ppuri-2027' });
    expect(done.headers.location).toContain('flash=bulk&');
    // A console form answers with its redirect before the interceptor's entry is written: wait for it.
    expect(await eventually(routeEntries, (n) => n === before + 1)).toBe(before + 1);
  });

  it('filters the audit page by edition, person, action and days, pages it and gives the filter as CSV', async () => {
    const all = await admin.get('/console/audit');
    expect(all.status).toBe(200);
    expect(all.text).toContain('감사 기록');
    expect(all.text).toContain('staff.invite');
    const byAction = await admin.get('/console/audit?action=staff.revoke');
    expect(byAction.text).toContain('staff.revoke');
    expect(byAction.text).not.toContain('<code>staff.invite</code>');
    expect(byAction.text).toContain('disabled');
    expect(byAction.text).toMatch(/false → true/);
    const nobody = await admin.get('/console/audit?actor=nobody-at-all');
    expect(nobody.text).toContain('조건에 맞는 기록이 없습니다');
    const future = await admin.get('/console/audit?from=2099-01-01');
    expect(future.text).toContain('조건에 맞는 기록이 없습니다');
    const badDate = await admin.get('/console/audit?from=yesterday');
    expect(badDate.status).toBe(400);
    expect(badDate.text).toContain('YYYY-MM-DD');
    expect(badDate.text).toContain('value="yesterday"');
    const today = new Date().toISOString().slice(0, 10);
    const edition = await admin.get(`/console/audit?edition=ppuri-2027&from=2020-01-01&to=${today}`);
    expect(edition.status).toBe(200);
    const csv = await admin.get('/console/audit/export.csv?action=staff.');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('at,actor,edition,action,subject_type,subject_id,change');
    expect(lines.slice(1).every((l) => l.includes(',staff.'))).toBe(true);
    expect(lines.length).toBeGreaterThan(2);

    // Organization admins only: an edition admin is refused the audit log.
    await createStaff(t, `edadmin-${process.pid}@team.example`, [{ edition: 'ppuri-2027', role: 'admin' }]);
    const edAdmin = new PageClient(t);
    await edAdmin.login(`edadmin-${process.pid}@team.example`, 'staff-password-long-enough-2027');
    expect((await edAdmin.get('/console/audit')).status).toBe(403);
    expect((await edAdmin.get('/console/team')).status).toBe(200);
  });
});
