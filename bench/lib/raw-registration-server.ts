/**
 * The baseline of `npm run bench:api`: exhibitor registration with nothing but `node:http` and `pg`,
 * run as its own process like Fairgate so that both are measured the same way.
 *
 *   PORT=… DATABASE_URL=… node <dist>/bench/lib/raw-registration-server.js
 *
 * POST /api/editions/<code>/exhibitor-applications does the same database work as Fairgate's
 * service without the framework: read and JSON.parse the body, check the fields by hand (types,
 * lengths, the business registration number's check digit), then one transaction —
 * INSERT exhibitor_applications (same columns, fee computed with the same pure function),
 * INSERT application_status_changes (the 'create' and 'submit' steps, two rows as Fairgate writes), INSERT outbox_messages (the confirmation
 * email) — and answer 201 with the same fields. A second application of one number gets 409 from
 * the unique index. Not done here (Fairgate does): the rate-limit call to Redis, the Idempotency-Key
 * check, re-reading the edition and its terms every 2 s, the relay of the outbox row to BullMQ after
 * commit, logging. (Fairgate writes the same rows in one statement, this server in a transaction of three.)
 * GET /health answers 200 (the bench waits for it between phases).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Pool } from 'pg';
import {
  formatBusinessRegistrationNumber, isValidBusinessRegistrationNumber, normalizeBusinessRegistrationNumber,
} from '../../src/modules/exhibitors/domain/business-registration-number';
import { computeFee, DEFAULT_FEE_SCHEDULE, type FeeSchedule } from '../../src/modules/exhibitors/domain/fees';

const PORT = Number(process.env.PORT ?? 0);
const BODY_LIMIT = 100 * 1024;
/** The same pool size as Fairgate's data source (default 10; bench:api passes DATABASE_POOL_SIZE on as RAW_POOL_MAX). */
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.RAW_POOL_MAX ?? 10), application_name: 'fairgate-bench-raw' });
pool.on('error', () => undefined);

interface Edition {
  id: string;
  code: string;
  year: number;
  startsOn: string;
  endsOn: string;
  nameKo: string;
  nameEn: string;
  schedule: FeeSchedule;
}

const editions = new Map<string, Promise<Edition | undefined>>();

/** Read once per edition code (Fairgate reads it per request): the edition, its series' names and tariff. */
function edition(code: string): Promise<Edition | undefined> {
  let found = editions.get(code);
  if (!found) {
    found = pool
      .query<{
        id: string; code: string; year: number; starts_on: string; ends_on: string; name_ko: string; name_en: string; status: string;
        price_raw_space_krw: number | null; price_shell_scheme_krw: number | null; corner_surcharge_pct: number | null;
        island_surcharge_pct: number | null; early_bird_discount_pct: number | null; early_bird_until: string | null; vat_pct: number | null;
      }>(
        `SELECT e.id, e.code, e.year, e.starts_on::text, e.ends_on::text, s.name_ko, s.name_en, e.status,
                t.price_raw_space_krw, t.price_shell_scheme_krw, t.corner_surcharge_pct, t.island_surcharge_pct,
                t.early_bird_discount_pct, t.early_bird_until::text, t.vat_pct
           FROM fair_editions e JOIN fair_series s ON s.id = e.series_id
           LEFT JOIN edition_exhibitor_terms t ON t.edition_id = e.id
          WHERE e.code = $1`,
        [code],
      )
      .then(({ rows }) => {
        const r = rows[0];
        if (!r || r.status !== 'registration_open') return undefined;
        const schedule: FeeSchedule =
          r.price_raw_space_krw === null
            ? DEFAULT_FEE_SCHEDULE
            : {
                pricePerBoothKrw: { raw_space: r.price_raw_space_krw, shell_scheme: r.price_shell_scheme_krw ?? 0 },
                cornerSurchargePct: r.corner_surcharge_pct ?? 0,
                islandSurchargePct: r.island_surcharge_pct ?? 0,
                earlyBirdDiscountPct: r.early_bird_discount_pct ?? 0,
                earlyBirdUntil: r.early_bird_until,
                vatPct: r.vat_pct ?? 10,
              };
        return { id: r.id, code: r.code, year: r.year, startsOn: r.starts_on, endsOn: r.ends_on, nameKo: r.name_ko, nameEn: r.name_en, schedule };
      });
    editions.set(code, found);
    found.catch(() => editions.delete(code)); // a failed read is tried again by the next request
  }
  return found;
}

interface Registration {
  company: { name: string; businessRegistrationNumber: string; country: string; address: string; website?: string };
  contact: { name: string; email: string; phone: string };
  booth: { type: 'raw_space' | 'shell_scheme'; count: number };
  productCategories: string[];
  language?: 'ko' | 'en';
}

const str = (v: unknown, min: number, max: number): v is string => typeof v === 'string' && v.length >= min && v.length <= max;
const obj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Hand-written checks of the fields Fairgate's DTO checks (not every rule: the baseline is "minimal"). */
function validate(body: unknown): Registration | string {
  if (!obj(body) || !obj(body.company) || !obj(body.contact) || !obj(body.booth)) return 'company, contact and booth are required objects';
  const { company, contact, booth } = body;
  if (!str(company.name, 1, 200) || !str(company.address, 1, 300)) return 'company name and address';
  if (typeof company.businessRegistrationNumber !== 'string' || !isValidBusinessRegistrationNumber(company.businessRegistrationNumber)) return 'businessRegistrationNumber';
  if (typeof company.country !== 'string' || !/^[A-Za-z]{2}$/.test(company.country)) return 'country';
  if (company.website !== undefined && !(str(company.website, 1, 200) && /^https?:\/\/\S+$/.test(company.website))) return 'website';
  if (!str(contact.name, 1, 100) || !str(contact.email, 3, 254) || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contact.email)) return 'contact name and email';
  if (typeof contact.phone !== 'string' || !/^\+?[0-9][0-9 ()-]{6,22}$/.test(contact.phone)) return 'phone';
  if (booth.type !== 'raw_space' && booth.type !== 'shell_scheme') return 'booth type';
  if (typeof booth.count !== 'number' || !Number.isInteger(booth.count) || booth.count < 1 || booth.count > 100) return 'booth count';
  const categories = body.productCategories;
  if (!Array.isArray(categories) || categories.length < 1 || categories.length > 10 || !categories.every((c) => str(c, 1, 50))) return 'productCategories';
  if (body.language !== undefined && body.language !== 'ko' && body.language !== 'en') return 'language';
  return body as unknown as Registration;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  res.end(json);
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > BODY_LIMIT) resolve(undefined);
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const ROUTE = /^\/api\/editions\/([a-z0-9-]+)\/exhibitor-applications$/;

async function register(code: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const text = await readBody(req);
  if (text === undefined) return send(res, 413, { code: 'PAYLOAD_TOO_LARGE' });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return send(res, 400, { code: 'VALIDATION_FAILED', message: 'malformed JSON' });
  }
  const body = validate(parsed);
  if (typeof body === 'string') return send(res, 400, { code: 'VALIDATION_FAILED', message: body });
  const ed = await edition(code);
  if (!ed) return send(res, 404, { code: 'NOT_FOUND' });
  const brn = normalizeBusinessRegistrationNumber(body.company.businessRegistrationNumber) ?? '';
  const locale = body.language ?? 'en';
  const submittedAt = new Date();
  const fee = computeFee(ed.schedule, { boothType: body.booth.type, boothCount: body.booth.count, submittedAt, now: submittedAt });
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ id: string; created_at: Date }>(
      `INSERT INTO exhibitor_applications (edition_id, status, company_name, business_registration_number, company_country,
          company_address, company_website, contact_name, contact_email, contact_phone, booth_type, booth_count,
          product_categories, locale, submitted_at, fee_lines, fee_net_krw, fee_vat_krw, fee_total_krw, fee_early_bird)
       VALUES ($1, 'submitted', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15::jsonb, $16, $17, $18, $19)
       RETURNING id, created_at`,
      [
        ed.id, body.company.name.trim(), brn, body.company.country.trim().toUpperCase(), body.company.address.trim(), body.company.website ?? null,
        body.contact.name.trim(), body.contact.email.trim(), body.contact.phone.trim(), body.booth.type, body.booth.count,
        body.productCategories, locale, submittedAt, JSON.stringify(fee.lines), fee.netKrw, fee.vatKrw, fee.totalKrw, fee.earlyBird,
      ],
    );
    const application = rows[0];
    await client.query(
      `INSERT INTO application_status_changes (application_id, from_status, to_status, action, actor_account_id, actor_role, reason)
       VALUES ($1, NULL, 'draft', 'create', NULL, 'anonymous', NULL), ($1, 'draft', 'submitted', 'submit', NULL, 'anonymous', NULL)`,
      [application.id],
    );
    const params = {
      applicationId: application.id, companyName: body.company.name, contactName: body.contact.name,
      businessRegistrationNumber: formatBusinessRegistrationNumber(brn),
      editionNameKo: `${ed.year} ${ed.nameKo}`, editionNameEn: `${ed.year} ${ed.nameEn}`, startsOn: ed.startsOn, endsOn: ed.endsOn,
      boothType: body.booth.type, boothCount: body.booth.count, productCategories: body.productCategories,
    };
    await client.query(`INSERT INTO outbox_messages (template, recipient, locale, params) VALUES ($1, $2, $3, $4::jsonb)`, [
      'exhibitor.application-submitted', body.contact.email.trim(), locale, JSON.stringify(params),
    ]);
    await client.query('COMMIT');
    send(res, 201, {
      id: application.id, edition: ed.code, status: 'submitted', companyName: body.company.name.trim(),
      businessRegistrationNumber: brn, createdAt: application.created_at.toISOString(),
    });
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    if ((error as { code?: string }).code === '23505') return send(res, 409, { code: 'DUPLICATE_APPLICATION' });
    throw error;
  } finally {
    client.release();
  }
}

const server = createServer((req, res) => {
  const url = req.url ?? '/';
  if (req.method === 'GET' && url === '/health') return send(res, 200, { status: 'ok' });
  const match = req.method === 'POST' ? ROUTE.exec(url) : null;
  if (!match) return send(res, 404, { code: 'NOT_FOUND' });
  register(match[1], req, res).catch((error: unknown) => {
    process.stderr.write(`raw server: ${String(error)}\n`);
    if (!res.headersSent) send(res, 500, { code: 'INTERNAL' });
  });
});
server.listen(PORT, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`raw registration server listening on port ${typeof address === 'object' && address ? address.port : PORT}\n`);
});
process.once('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
  void pool.end().then(() => process.exit(0));
});
