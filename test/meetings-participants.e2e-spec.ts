import { bearer, startTestApp, type TestApp } from './support/test-app';

const BASE = '/api/editions/ppuri-2027/meetings';

/** Buyers come from a CSV import; suggestions rank counterparts with a reason people can read. */
describe('export meetings: buyer import and matchmaking', () => {
  let t: TestApp;
  let organizer: string;

  beforeAll(async () => {
    t = await startTestApp();
    organizer = await bearer(t);
  });
  afterAll(async () => {
    await t?.close();
  });

  const importCsv = (csv: string) => t.http.post(`${BASE}/participants/import`).set('Authorization', organizer).set('Content-Type', 'text/csv').send(csv);
  const count = async (): Promise<number> => (await t.db.pool.query(`SELECT count(*)::int AS n FROM meeting_participants`)).rows[0].n;

  it('imports buyers from a CSV with a BOM, quotes and Korean text', async () => {
    const csv = '\uFEFFcompany,country,contact_name,email,languages,interests,purchase_plans\r\n'
      + 'Hanoi Metal JSC,VN,Nguyen Van An,an@hanoi-metal.example,vi;en,casting;mold,"Die-cast housings, 5,000 a year"\r\n'
      + '"Osaka ""Precision"" KK",JP,Sato Yuki,yuki@osaka-precision.example,ja,welding,\r\n'
      + '광주무역,KR,김하은,haeun@gj-trade.example,ko,heat-treatment,"열처리 설비\n2대"\r\n';
    expect((await importCsv(csv).expect(201)).body).toEqual({ imported: 3 });
    const list = (await t.http.get(`${BASE}/participants`).set('Authorization', organizer).expect(200)).body as Array<Record<string, any>>;
    expect(list.map((p) => p.companyName).sort()).toEqual(['Hanoi Metal JSC', 'Osaka "Precision" KK', '광주무역']);
  });

  it('refuses the whole file when a line is wrong, naming the line and field, and writes nothing', async () => {
    const before = await count();
    const csv = 'company,country,contact_name,email,languages,interests,purchase_plans\n'
      + 'Good Co,TH,Somchai,somchai@good.example,th,mold,\n'
      + 'Bad Co,Thailand,Somsak,not-an-email,th,robots,\n'
      + 'Again,VN,An,an@hanoi-metal.example,vi,casting,\n';
    const res = await importCsv(csv).expect(400);
    const fields = (res.body.errors as Array<{ field: string }>).map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['line 3.country', 'line 3.email', 'line 3.interests', 'line 4.email']));
    expect(fields.some((f) => f.startsWith('line 2'))).toBe(false);
    expect(await count()).toBe(before);
    await t.http.post(`${BASE}/participants/import`).set('Authorization', organizer).send({ csv: 'x' }).expect(400);
  });

  it('suggests exhibitors by shared interests with the reason, and never one already requested', async () => {
    const add = async (body: Record<string, unknown>): Promise<string> =>
      (await t.http.post(`${BASE}/participants`).set('Authorization', organizer).send(body).expect(201)).body.id;
    const caster = await add({ side: 'exhibitor', companyName: 'Bitgoeul Casting', country: 'KR', contactName: 'Lee', email: 'lee@casting.example', languages: ['ko', 'en'], interests: ['casting', 'mold'] });
    const welder = await add({ side: 'exhibitor', companyName: 'Honam Welding', country: 'KR', contactName: 'Park', email: 'park@welding.example', languages: ['ko'], interests: ['welding'] });
    const buyers = (await t.http.get(`${BASE}/participants`).set('Authorization', organizer)).body as Array<{ id: string; companyName: string }>;
    const hanoi = buyers.find((b) => b.companyName === 'Hanoi Metal JSC')!.id;

    const suggestions = (await t.http.get(`${BASE}/suggestions?participant=${hanoi}`).set('Authorization', organizer).expect(200)).body;
    expect(suggestions[0]).toMatchObject({ participant: caster, sharedInterests: ['casting', 'mold'], commonLanguages: ['en'] });
    expect(suggestions[0].reason.en).toBe('Shares 2 product categories: Casting, Mold; speaks English');
    expect(suggestions[0].reason.ko).toContain('주조');
    const ranked = suggestions.map((s: { participant: string }) => s.participant);
    expect(ranked.indexOf(welder)).toBeGreaterThan(ranked.indexOf(caster)); // nothing in common: ranked last

    await t.http.post(`${BASE}/requests`).set('Authorization', organizer).send({ buyer: hanoi, exhibitor: caster, priority: 'must', requestedBy: 'buyer' }).expect(201);
    const after = (await t.http.get(`${BASE}/suggestions?participant=${hanoi}`).set('Authorization', organizer).expect(200)).body;
    expect(after.map((s: { participant: string }) => s.participant)).not.toContain(caster);
  });
});
