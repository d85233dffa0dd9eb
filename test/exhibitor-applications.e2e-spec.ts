import { newApplicationForm, mailTo, signUpExhibitor, type Exhibitor } from './support/exhibitors';
import { bearer, startTestApp, type TestApp } from './support/test-app';

const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** Applications from draft to booth: the exhibitor's side, the organizer's review, capacity and waitlist, booths and fees. */
describe('exhibitor applications', () => {
  let t: TestApp;
  let organizer: string;

  beforeAll(async () => {
    t = await startTestApp();
    organizer = await bearer(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const as = (auth: string) => ({
    get: (path: string) => t.http.get(path).set('Authorization', auth),
    post: (path: string, body: object = {}) => t.http.post(path).set('Authorization', auth).send(body),
    patch: (path: string, body: object) => t.http.patch(path).set('Authorization', auth).send(body),
    put: (path: string, body: object) => t.http.put(path).set('Authorization', auth).send(body),
  });
  const query = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> => (await t.db.pool.query(sql, params)).rows as T[];

  async function submitted(exhibitor: Exhibitor, form: Record<string, unknown> = {}): Promise<string> {
    const res = await as(exhibitor.auth).post('/api/company/applications', newApplicationForm({ submit: true, ...form })).expect(201);
    expect(res.body.status).toBe('submitted');
    return res.body.id as string;
  }

  it('goes draft → submitted → under review → approved, recording each step and emailing the company', async () => {
    const exhibitor = await signUpExhibitor(t);
    const form = newApplicationForm();
    const draft = await as(exhibitor.auth).post('/api/company/applications', form).expect(201);
    expect(draft.body).toMatchObject({ status: 'draft', edition: 'ppuri-2027', hall: 'EXH1', fee: null, actions: expect.arrayContaining(['submit', 'cancel', 'edit']) });
    const id = draft.body.id as string;

    const wrongCategory = await as(exhibitor.auth).patch(`/api/company/applications/${id}`, { ...form, edition: undefined, productCategories: ['ev-battery'] }).expect(400);
    expect(wrongCategory.body.errors[0].field).toBe('productCategories');
    const edited = await as(exhibitor.auth).patch(`/api/company/applications/${id}`, { ...form, edition: undefined, booth: { type: 'raw_space', count: 3 } }).expect(200);
    expect(edited.body.booth).toEqual({ type: 'raw_space', count: 3 });

    const sent = await as(exhibitor.auth).post(`/api/company/applications/${id}/submit`).expect(200);
    expect(sent.body.status).toBe('submitted');
    expect(sent.body.fee).toMatchObject({ netKrw: expect.any(Number), final: false });
    expect(sent.body.fee.vatKrw).toBe(Math.round(sent.body.fee.netKrw / 10));
    await as(exhibitor.auth).patch(`/api/company/applications/${id}`, { ...form, edition: undefined }).expect(409);
    await mailTo(t, (form.contact as { email: string }).email, /submitted|received|접수/i);

    await as(organizer).post(`/api/organizer/applications/${id}/start-review`).expect(200);
    const approved = await as(organizer).post(`/api/organizer/applications/${id}/approve`).expect(200);
    expect(approved.body.status).toBe('approved');
    await mailTo(t, (form.contact as { email: string }).email, /approved|승인/i);

    const history = await as(exhibitor.auth).get(`/api/company/applications/${id}/history`).expect(200);
    expect(history.body.map((h: { to: string; actorRole: string }) => `${h.actorRole}:${h.to}`)).toEqual([
      'exhibitor:draft', 'exhibitor:submitted', 'organizer:under_review', 'organizer:approved',
    ]);
    expect(history.body[3].actorName).toBe('organizer');
  });

  it('asks the organizer for a reason to reject, and sends a changes request back to the exhibitor', async () => {
    const exhibitor = await signUpExhibitor(t);
    const id = await submitted(exhibitor);
    const noReason = await as(organizer).post(`/api/organizer/applications/${id}/request-changes`).expect(400);
    expect(noReason.body.errors[0].field).toBe('reason');
    await as(organizer).post(`/api/organizer/applications/${id}/request-changes`, { reason: 'Please add a product category' }).expect(200);
    const mine = await as(exhibitor.auth).get(`/api/company/applications/${id}`).expect(200);
    expect(mine.body).toMatchObject({ status: 'changes_requested', statusReason: 'Please add a product category' });
    await as(exhibitor.auth).post(`/api/company/applications/${id}/submit`).expect(200);
    await as(organizer).post(`/api/organizer/applications/${id}/reject`, { reason: 'Outside the fair’s scope' }).expect(200);
    const illegal = await as(organizer).post(`/api/organizer/applications/${id}/approve`).expect(409);
    expect(illegal.body.code).toBe('ILLEGAL_TRANSITION');
  });

  it('shows an exhibitor only its own company: another company’s id answers 404 on every endpoint', async () => {
    const owner = await signUpExhibitor(t);
    const stranger = await signUpExhibitor(t);
    const id = await submitted(owner);
    await t.http.put(`/api/company/applications/${id}/files/logo`).set('Authorization', owner.auth).attach('file', PNG_1X1, 'logo.png').expect(200);
    const s = as(stranger.auth);
    const answers = await Promise.all([
      s.get(`/api/company/applications/${id}`),
      s.patch(`/api/company/applications/${id}`, newApplicationForm({ edition: undefined })),
      s.post(`/api/company/applications/${id}/submit`),
      s.post(`/api/company/applications/${id}/cancel`),
      s.get(`/api/company/applications/${id}/history`),
      s.get(`/api/company/applications/${id}/files/logo`),
      t.http.put(`/api/company/applications/${id}/files/logo`).set('Authorization', stranger.auth).attach('file', PNG_1X1, 'logo.png'),
    ]);
    expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 404, 404, 404, 404]);
    const list = await s.get('/api/company/applications').expect(200);
    expect(list.body).toEqual([]);
    expect((await query(`SELECT status FROM exhibitor_applications WHERE id = $1`, [id]))[0].status).toBe('submitted');

    // Exhibitors cannot reach the organizer's side; anonymous callers reach nothing.
    await s.get('/api/organizer/applications').expect(403);
    await s.post(`/api/organizer/applications/${id}/approve`).expect(403);
    await t.http.get('/api/company/applications').expect(401);
    await as(organizer).get('/api/company/applications').expect(403);
  });

  it('checks uploads by their content, not their name, and limits their size', async () => {
    const exhibitor = await signUpExhibitor(t);
    const id = await submitted(exhibitor);
    const put = (kind: string, content: Buffer, name: string) =>
      t.http.put(`/api/company/applications/${id}/files/${kind}`).set('Authorization', exhibitor.auth).attach('file', content, name);

    expect((await put('logo', PNG_1X1, 'logo.png').expect(200)).body).toMatchObject({ contentType: 'image/png' });
    expect((await put('brochure', PDF, 'brochure.bin').expect(200)).body).toMatchObject({ contentType: 'application/pdf' });
    expect((await put('logo', PDF, 'logo.png').expect(415)).body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    await put('brochure', Buffer.from('<html><script>alert(1)</script></html>'), 'brochure.pdf').expect(415);
    const bigLogo = Buffer.concat([PNG_1X1, Buffer.alloc(3 * 1024 * 1024)]);
    expect((await put('logo', bigLogo, 'logo.png').expect(413)).body.code).toBe('PAYLOAD_TOO_LARGE');
    await put('brochure', Buffer.concat([PDF, Buffer.alloc(11 * 1024 * 1024)]), 'big.pdf').expect(413);
    await put('poster', PNG_1X1, 'x.png').expect(400);

    const download = await t.http.get(`/api/company/applications/${id}/files/logo`).set('Authorization', exhibitor.auth).expect(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(Buffer.compare(download.body as Buffer, PNG_1X1)).toBe(0);
    const got = await as(exhibitor.auth).get(`/api/company/applications/${id}`).expect(200);
    expect(got.body.uploads).toEqual(['brochure', 'logo']);
  });

  it('lists, filters, searches, sorts and exports applications for the organizer', async () => {
    const hanbit = await signUpExhibitor(t);
    const idHanbit = await submitted(hanbit, { productCategories: ['mold'], hall: 'EXH2' });
    const other = await signUpExhibitor(t);
    await submitted(other, { productCategories: ['welding'] });

    const byCategory = await as(organizer).get('/api/organizer/applications?edition=ppuri-2027&category=mold&hall=EXH2').expect(200);
    expect(byCategory.body.items.map((i: { id: string }) => i.id)).toContain(idHanbit);
    expect(byCategory.body.items.every((i: { productCategories: string[]; hall: string }) => i.productCategories.includes('mold') && i.hall === 'EXH2')).toBe(true);

    const name = (await query<{ company_name: string }>(`SELECT company_name FROM exhibitor_applications WHERE id = $1`, [idHanbit]))[0].company_name;
    const search = await as(organizer).get(`/api/organizer/applications?q=${encodeURIComponent(name.slice(-8))}`).expect(200);
    expect(search.body.items.map((i: { id: string }) => i.id)).toEqual([idHanbit]);
    const percent = await as(organizer).get(`/api/organizer/applications?q=${encodeURIComponent('%')}`).expect(200);
    expect(percent.body.total).toBe(0);

    const sorted = await as(organizer).get('/api/organizer/applications?sort=companyName&order=desc&pageSize=200').expect(200);
    const names = sorted.body.items.map((i: { companyName: string }) => i.companyName);
    expect(names).toEqual([...names].sort((x: string, y: string) => (x < y ? 1 : x > y ? -1 : 0)));
    const injected = await as(organizer).get('/api/organizer/applications?sort=company_name;DROP TABLE companies').expect(400);
    expect(injected.body.errors[0].field).toBe('sort');
    await as(organizer).get('/api/organizer/applications?status=approved,bogus').expect(400);

    const csv = await as(organizer).get('/api/organizer/applications/export.csv?edition=ppuri-2027').buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    const bytes = csv.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(bytes.toString('utf8')).toContain(name);
  });

  describe('hall capacity and the waitlist', () => {
    const EDITION = 'iot-appliance-robot-2027';

    async function setCapacity(units: number, deadline = '2099-01-01T00:00:00+09:00'): Promise<void> {
      await as(organizer).put(`/api/editions/${EDITION}/exhibition`, {
        registrationDeadline: deadline, earlyBirdUntil: '2020-01-01', priceRawSpaceKrw: 2_000_000, priceShellSchemeKrw: 2_500_000,
        cornerSurchargePct: 10, islandSurchargePct: 15, earlyBirdDiscountPct: 10, halls: [{ hall: 'EXH2', boothCapacity: units }],
      }).expect(200);
    }
    const apply = async (): Promise<{ exhibitor: Exhibitor; id: string }> => {
      const exhibitor = await signUpExhibitor(t);
      const id = await submitted(exhibitor, { edition: EDITION, hall: 'EXH2', productCategories: ['robots'], booth: { type: 'shell_scheme', count: 2 } });
      return { exhibitor, id };
    };
    const hall = async (): Promise<{ booth_capacity: number; booths_taken: number }> =>
      (await query<{ booth_capacity: number; booths_taken: number }>(
        `SELECT h.booth_capacity, h.booths_taken FROM edition_halls h JOIN fair_editions e ON e.id = h.edition_id JOIN venue_spaces s ON s.id = h.space_id
          WHERE e.code = $1 AND s.code = 'EXH2'`, [EDITION]))[0];

    it('waitlists approvals past capacity, and five concurrent cancellations promote exactly five, in queue order', async () => {
      await setCapacity(10);
      const approvedOnes = [];
      for (let i = 0; i < 5; i++) approvedOnes.push(await apply());
      const waiting = [];
      for (let i = 0; i < 8; i++) waiting.push(await apply());
      const bulk = await as(organizer).post('/api/organizer/applications/bulk-approve', { ids: [...approvedOnes, ...waiting].map((a) => a.id) }).expect(200);
      expect(bulk.body.approved.sort()).toEqual(approvedOnes.map((a) => a.id).sort());
      expect(bulk.body.waitlisted).toEqual(waiting.map((a) => a.id));
      expect(await hall()).toEqual({ booth_capacity: 10, booths_taken: 10 });

      const cancels = await Promise.all(approvedOnes.map((a) => as(a.exhibitor.auth).post(`/api/company/applications/${a.id}/cancel`, { reason: 'budget' })));
      expect(cancels.map((c) => c.status)).toEqual([200, 200, 200, 200, 200]);

      const statuses = await query<{ id: string; status: string }>(`SELECT id, status FROM exhibitor_applications WHERE id = ANY($1)`, [waiting.map((w) => w.id)]);
      const status = new Map(statuses.map((s) => [s.id, s.status]));
      expect(waiting.map((w) => status.get(w.id))).toEqual(['approved', 'approved', 'approved', 'approved', 'approved', 'waitlisted', 'waitlisted', 'waitlisted']);
      expect(await hall()).toEqual({ booth_capacity: 10, booths_taken: 10 });
      const [{ units }] = await query<{ units: number }>(
        `SELECT coalesce(sum(booth_count), 0)::int AS units FROM exhibitor_applications a JOIN fair_editions e ON e.id = a.edition_id
          WHERE e.code = $1 AND a.status = 'approved' AND a.hall_id = (SELECT id FROM venue_spaces WHERE code = 'EXH2')`, [EDITION]);
      expect(units).toBe(10);
      const promotedMail = await mailTo(t, (await query<{ contact_email: string }>(`SELECT contact_email FROM exhibitor_applications WHERE id = $1`, [waiting[0].id]))[0].contact_email, /approved|승인/i);
      expect(promotedMail.parsed.text).toMatch(/waitlist|place/i);
      const history = await as(waiting[0].exhibitor.auth).get(`/api/company/applications/${waiting[0].id}/history`).expect(200);
      expect(history.body.at(-1)).toMatchObject({ action: 'promote', actorRole: 'system', to: 'approved' });
    });

    it('stops submissions and cancellations at the registration deadline', async () => {
      const { exhibitor, id } = await apply();
      await setCapacity(250, '2020-01-01T00:00:00+09:00');
      const late = await as(exhibitor.auth).post(`/api/company/applications/${id}/cancel`).expect(409);
      expect(late.body.code).toBe('DEADLINE_PASSED');
      const draft = await as(exhibitor.auth).post('/api/company/applications', newApplicationForm({ edition: EDITION, hall: 'EXH2', productCategories: ['robots'] }));
      expect(draft.status).toBe(409); // the company already applied to this edition
      await setCapacity(250);
    });
  });

  describe('booths and fees', () => {
    it('assigns booths automatically by preference and size, computes the fee, and never gives a booth twice', async () => {
      const corner = await signUpExhibitor(t);
      const cornerId = await submitted(corner, { hall: 'EXH1', preferredBoothKind: 'corner', booth: { type: 'shell_scheme', count: 2 } });
      const island = await signUpExhibitor(t);
      const islandId = await submitted(island, { hall: 'EXH1', preferredBoothKind: 'island', booth: { type: 'raw_space', count: 4 } });
      for (const id of [cornerId, islandId]) await as(organizer).post(`/api/organizer/applications/${id}/approve`).expect(200);

      const auto = await as(organizer).post('/api/editions/ppuri-2027/booths/auto-assign').expect(200);
      const byApp = new Map(auto.body.assigned.map((a: { applicationId: string; booths: string[] }) => [a.applicationId, a.booths]));
      expect(byApp.get(cornerId)).toHaveLength(2);
      expect(byApp.get(islandId)).toHaveLength(1);

      const mine = await as(corner.auth).get(`/api/company/applications/${cornerId}`).expect(200);
      expect(mine.body.booths.some((b: { kind: string }) => b.kind === 'corner')).toBe(true);
      expect(mine.body.fee.final).toBe(true);
      expect(mine.body.fee.lines.map((l: { code: string }) => l.code)).toEqual(expect.arrayContaining(['booths', 'corner_surcharge']));
      expect(mine.body.fee.totalKrw).toBe(mine.body.fee.netKrw + mine.body.fee.vatKrw);
      const islandView = await as(island.auth).get(`/api/company/applications/${islandId}`).expect(200);
      expect(islandView.body.booths).toEqual([expect.objectContaining({ kind: 'island', units: 4 })]);
      await mailTo(t, (await query<{ contact_email: string }>(`SELECT contact_email FROM exhibitor_applications WHERE id = $1`, [cornerId]))[0].contact_email, /booth|부스/i);

      // Two organizers give the same free booth to two applications at the same moment.
      const [first, second] = [await signUpExhibitor(t), await signUpExhibitor(t)];
      const ids = [await submitted(first, { booth: { type: 'shell_scheme', count: 1 } }), await submitted(second, { booth: { type: 'shell_scheme', count: 1 } })];
      for (const id of ids) await as(organizer).post(`/api/organizer/applications/${id}/approve`).expect(200);
      const [{ code }] = await query<{ code: string }>(
        `SELECT b.code FROM booths b JOIN fair_editions e ON e.id = b.edition_id
          WHERE e.code = 'ppuri-2027' AND b.units = 1 AND b.kind = 'inline' AND b.hall_id = (SELECT id FROM venue_spaces WHERE code = 'EXH1')
            AND NOT EXISTS (SELECT 1 FROM booth_assignments ba WHERE ba.booth_id = b.id) ORDER BY b.code DESC LIMIT 1`);
      const answers = await Promise.all(ids.map((id) => as(organizer).put(`/api/organizer/applications/${id}/booths`, { booths: [code] })));
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      expect(await query(`SELECT 1 FROM booth_assignments ba JOIN booths b ON b.id = ba.booth_id WHERE b.code = $1`, [code])).toHaveLength(1);
      const wrongSize = await as(organizer).put(`/api/organizer/applications/${cornerId}/booths`, { booths: [code] }).expect(400);
      expect(wrongSize.body.errors[0].messages[0]).toMatch(/units/);
    });
  });
});
