import { ModulesContainer } from '@nestjs/core';
import { PUBLIC_KEY, ROLES_KEY } from '../src/core/auth/roles.decorator';
import { ReferenceDataSeeder } from '../src/modules/fairs/reference-data.seeder';
import { newExhibitorApplication, registrationPath } from './support/factories';
import { startTestApp, type TestApp } from './support/test-app';

/** What every client relies on: health, the OpenAPI document, headers, the error format. */
describe('HTTP surface', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('reports health of the database, Redis and queues', async () => {
    const res = await t.http.get('/health').expect(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      database: { status: 'up' },
      redis: { status: 'up' },
      mailQueue: { status: 'up', details: expect.objectContaining({ waiting: expect.any(Number), failed: expect.any(Number) }) },
      outbox: { status: 'up' },
    });
  });

  it('serves an OpenAPI document describing every endpoint, body and error', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/editions/{edition}/exhibitor-applications', '/api/fairs', '/health', '/api/auth/login', '/api/venues/{venue}/bookings']),
    );
    const undocumented: string[] = [];
    for (const [path, methods] of Object.entries<Record<string, any>>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(methods)) {
        const codes = Object.keys(op.responses);
        if (!codes.some((c) => c.startsWith('2'))) undocumented.push(`${method} ${path}: no success answer`);
        if (op.requestBody && !codes.includes('400')) undocumented.push(`${method} ${path}: no 400`);
      }
    }
    expect(undocumented).toEqual([]);
    const post = doc.paths['/api/editions/{edition}/exhibitor-applications'].post;
    expect(Object.keys(post.responses).sort()).toEqual(['201', '400', '404', '409', '413', '422', '429']);
    expect(post.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/RegisterExhibitorDto');
    expect(doc.components.schemas.CompanyDto.required).toEqual(expect.arrayContaining(['name', 'country', 'address']));
    // The 사업자등록번호 for Korean companies, another identifier for the rest: both documented, neither required by the schema alone.
    expect(Object.keys(doc.components.schemas.CompanyDto.properties)).toEqual(expect.arrayContaining(['businessRegistrationNumber', 'identifierKind', 'identifier']));
    expect(doc.components.schemas.ErrorResponse.properties).toHaveProperty('errors');
    // The scheme protected routes reference is declared (Swagger UI shows Authorize); public routes say security: [].
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(post.security).toEqual([]);
    await t.http.get('/api/docs').expect(200).expect('content-type', /html/);
  });

  it('sends security headers and a request id, and keeps a caller-given request id', async () => {
    const res = await t.http.get('/api/fairs').set('X-Request-Id', 'trace-me-123').expect(200);
    expect(res.headers['x-request-id']).toBe('trace-me-123');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['content-security-policy']).toBeDefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('lists the seeded fairs with their editions, in Korean and English', async () => {
    const fairs = (await t.http.get('/api/fairs').expect(200)).body as Array<Record<string, any>>;
    const ppuri = fairs.find((f) => f.code === 'ppuri')!;
    expect(ppuri.nameEn).toBe('International Manufacturing Technology (PPURI) Fair');
    expect(ppuri.productCategories.map((c: { code: string }) => c.code)).toEqual([
      'casting', 'welding', 'mold', 'heat-treatment', 'surface-treatment', 'plastic-working',
    ]);
    expect(ppuri.editions.map((e: { code: string }) => e.code).sort()).toEqual(['ppuri-2018', 'ppuri-2019', 'ppuri-2027']);
    const e2019 = ppuri.editions.find((e: { code: string }) => e.code === 'ppuri-2019');
    expect(e2019.assumedFields).toEqual(['startsOn', 'endsOn']);
    const greenCar2018 = fairs.find((f) => f.code === 'green-car')!.editions.find((e: { year: number }) => e.year === 2018);
    expect(greenCar2018).toMatchObject({ startsOn: '2018-07-05', endsOn: '2018-07-07', status: 'finished' });
  });

  it('seeds the KDJ Center with its halls and rooms, and the seed can run again without change', async () => {
    const count = async (): Promise<number[]> => {
      const { rows } = await t.db.pool.query(
        `SELECT (SELECT count(*) FROM venues)::int AS v, (SELECT count(*) FROM venue_spaces)::int AS s,
                (SELECT count(*) FROM fair_series)::int AS f, (SELECT count(*) FROM fair_editions)::int AS e`,
      );
      return [rows[0].v, rows[0].s, rows[0].f, rows[0].e];
    };
    expect(await count()).toEqual([1, 20, 3, 7]);
    await t.running.app.get(ReferenceDataSeeder).seed();
    expect(await count()).toEqual([1, 20, 3, 7]);
    const { rows } = await t.db.pool.query(`SELECT code, kind, area_m2, seats, booth_capacity, assumed_fields FROM venue_spaces WHERE code IN ('EXH','MPH')`);
    expect(rows).toEqual(
      expect.arrayContaining([
        { code: 'EXH', kind: 'exhibition_hall', area_m2: '10800.0', seats: null, booth_capacity: 500, assumed_fields: ['parts'] },
        { code: 'MPH', kind: 'multipurpose_hall', area_m2: '2955.0', seats: 3000, booth_capacity: 130, assumed_fields: ['boothCapacity', 'capacityClassroom', 'capacityBanquet'] },
      ]),
    );
  });

  it('has an access rule (@Public or @Roles) on every route, so none is open by accident', () => {
    const missing: string[] = [];
    let routes = 0;
    for (const module of t.running.app.get(ModulesContainer).values()) {
      for (const { metatype } of module.controllers.values()) {
        const proto = (metatype as { prototype: Record<string, unknown> }).prototype;
        for (const name of Object.getOwnPropertyNames(proto)) {
          const handler = proto[name];
          if (name === 'constructor' || typeof handler !== 'function' || Reflect.getMetadata('method', handler) === undefined) continue;
          routes++;
          const declared = [PUBLIC_KEY, ROLES_KEY].some((key) => Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, metatype as object));
          if (!declared) missing.push(`${(metatype as { name: string }).name}.${name}`);
        }
      }
    }
    expect(routes).toBeGreaterThan(15);
    expect(missing).toEqual([]);
  });

  it('answers unknown routes with 404 in the one error format', async () => {
    const res = await t.http.get('/api/nothing-here').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND', requestId: expect.any(String) });
  });

  it('answers errors of real routes as RFC 9457 problem details (application/problem+json), keeping the earlier fields', async () => {
    const PROBLEM = /^application\/problem\+json; charset=utf-8$/;
    const problems = 'https://fairgate.kdjcenter.example/problems/';

    // 404: an edition that does not exist (the query string stays out of instance).
    const missing = await t.http.get('/api/editions/no-such-edition?lang=en').set('X-Request-Id', 'problem-404').expect(404).expect('content-type', PROBLEM);
    expect(missing.body).toMatchObject({
      type: `${problems}not-found`, title: 'Not found', status: 404, detail: expect.any(String), instance: '/api/editions/no-such-edition',
      statusCode: 404, code: 'NOT_FOUND', requestId: 'problem-404',
    });
    expect(missing.body.detail).toBe(missing.body.message);

    // 409: the same business number applies twice for one edition; the refusal's own detail stays.
    const first = newExhibitorApplication();
    const created = await t.http.post(registrationPath()).send(first).expect(201);
    const duplicate = await t.http.post(registrationPath()).send({ ...newExhibitorApplication(), company: first.company }).expect(409).expect('content-type', PROBLEM);
    expect(duplicate.body).toMatchObject({
      type: `${problems}duplicate-application`, title: 'Duplicate application', status: 409, instance: registrationPath(),
      statusCode: 409, code: 'DUPLICATE_APPLICATION', existingApplicationId: created.body.id, requestId: expect.any(String),
    });

    // 422: the same Idempotency-Key with another body.
    await t.http.post(registrationPath()).set('Idempotency-Key', 'problem-422').send(newExhibitorApplication()).expect(201);
    const reused = await t.http.post(registrationPath()).set('Idempotency-Key', 'problem-422').send(newExhibitorApplication()).expect(422).expect('content-type', PROBLEM);
    expect(reused.body).toMatchObject({ type: `${problems}idempotency-key-reused`, status: 422, statusCode: 422, code: 'IDEMPOTENCY_KEY_REUSED' });

    // 400 with field errors, and the document declares the error answers under the problem media type.
    const invalid = await t.http.post(registrationPath()).send({}).expect(400).expect('content-type', PROBLEM);
    expect(invalid.body).toMatchObject({ type: `${problems}validation-failed`, status: 400, code: 'VALIDATION_FAILED', errors: expect.arrayContaining([expect.objectContaining({ field: expect.any(String) })]) });
    const doc = (await t.http.get('/api/docs-json').expect(200)).body;
    const responses = doc.paths['/api/editions/{edition}/exhibitor-applications'].post.responses;
    for (const status of ['400', '404', '409', '413', '422', '429']) {
      expect(Object.keys(responses[status].content)).toEqual(['application/problem+json']);
      expect(responses[status].content['application/problem+json'].schema.$ref).toBe('#/components/schemas/ErrorResponse');
    }
    expect(doc.components.schemas.ErrorResponse.required).toEqual(expect.arrayContaining(['type', 'title', 'status', 'detail', 'statusCode', 'code', 'message']));
  });
});
